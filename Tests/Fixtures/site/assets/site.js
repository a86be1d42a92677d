// The small tools of every page, each added by this script alone: without scripts the page
// stays whole. A Copy button under every command block (the block stays selectable text), and
// results as you type in the header's search box (its form still opens the search page).
(function () {
  "use strict";

  /// Copies `text` and says so on `button` for a moment. The clipboard API needs a secure page;
  /// from file:// `select` puts the text in the page's selection and it is copied the old way.
  /// The checker's Copy button uses it too (window.UpgradeDocs.copy).
  function copy(text, select, button) {
    var label = button.textContent;
    var done = function () {
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = label; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, select);
    } else {
      select();
      if (document.execCommand && document.execCommand("copy")) done();
    }
  }
  window.UpgradeDocs = { copy: copy };

  function selectContents(element) {
    return function () {
      var range = document.createRange();
      range.selectNodeContents(element);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    };
  }

  function decorate() {
    [].forEach.call(document.querySelectorAll("main pre > code"), function (code) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-button";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy the command: " + code.textContent.slice(0, 60));
      button.addEventListener("click", function () { copy(code.textContent, selectContents(code), button); });
      code.parentNode.insertAdjacentElement("afterend", button);
    });
  }

  // Results as you type: the search script and its index load on the box's first use, not on
  // every page; the first eight pages show under the box, with a link to all of them.
  var COUNT = 8;

  function load(src, done) {
    var script = document.createElement("script");
    script.src = src;
    script.onload = done;
    script.onerror = done;
    document.head.appendChild(script);
  }

  function liveSearch() {
    var input = document.getElementById("site-search");
    if (!input || !input.form) return;
    var form = input.form, action = form.getAttribute("action") || "search.html";
    var root = action.replace(/search\.html$/, "");
    var box = document.createElement("div");
    box.id = "site-search-results";
    box.className = "live-results";
    box.hidden = true;
    var status = document.createElement("p");
    status.className = "live-status";
    status.setAttribute("aria-live", "polite");
    var list = document.createElement("ul");
    box.appendChild(status);
    box.appendChild(list);
    form.appendChild(box);
    input.setAttribute("aria-controls", box.id);
    input.setAttribute("aria-expanded", "false");

    var loading = null, asked = 0, timer = null;
    function ready(done) {
      if (window.UpgradeSearch && window.UpgradeSearch.find) return done();
      if (loading) return loading.push(done);
      loading = [done];
      load(root + "assets/search.js", function () {
        load(root + "data/search/pages.js", function () {
          loading.splice(0).forEach(function (callback) { callback(); });
        });
      });
    }
    function close() {
      box.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }
    function show(query, results, every) {
      list.textContent = "";
      results.forEach(function (result) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = result.href;
        link.textContent = result.title;
        var kind = document.createElement("span");
        kind.className = "result-kind";
        kind.textContent = result.kind;
        item.appendChild(link);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(kind);
        if (result.why) item.appendChild(document.createTextNode(" (" + result.why + ")"));
        list.appendChild(item);
      });
      var all = document.createElement("a");
      all.href = action + "?q=" + encodeURIComponent(query);
      all.textContent = results.length ? "All results, with snippets" : "Search the whole site";
      status.textContent = results.length
        ? (every ? "Pages with every word of “" : "Pages with some words of “") + query + "”: "
        : "No page has “" + query + "”. ";
      status.appendChild(all);
      box.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value, number = ++asked;
      if (!query.trim()) return close();
      timer = setTimeout(function () {
        ready(function () {
          if (!window.UpgradeSearch || !window.UpgradeSearch.find) {
            list.textContent = "";
            status.textContent = "Results could not load here; press Enter to open the search page.";
            box.hidden = false;
            return;
          }
          window.UpgradeSearch.find(query, COUNT, function (results, every) {
            if (number === asked) show(query, results, every);
          });
        });
      }, 150);
    });
    // Arrow keys walk the results; Escape closes them and returns to the box.
    form.addEventListener("keydown", function (event) {
      var links = [].slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "Escape") {
        close();
        input.focus();
      } else if (event.key === "ArrowDown" && !box.hidden && links.length) {
        event.preventDefault();
        links[Math.min(at + 1, links.length - 1)].focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        (at === 0 ? input : links[at - 1]).focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) close();
    });
  }

  function start() {
    decorate();
    liveSearch();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
