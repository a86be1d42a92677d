// Search for the UpgradeDocs site: reads `?q=` and lists the matching pages in
// <ol id="results">, best first. The index is the build's: data/search/pages.js lists
// the pages, and each data/search/terms-N.js holds the terms of a run of them, loaded as
// a <script>, so search works from file:// as from any server.
// How text becomes terms must match the build's (SearchTerms.swift): runs of letters
// and digits, lower-cased, at least `minimumLength` long, stop words left out.
(function () {
  "use strict";

  var index = null;
  var shards = {};
  var waiting = {};
  var root = (function () {
    var src = typeof document !== "undefined" && document.currentScript ? document.currentScript.getAttribute("src") : "";
    return src.replace(/assets\/search\.js$/, "");
  })();

  function termsOf(text, index) {
    var found = [];
    (String(text).match(/[\p{L}\p{N}]+/gu) || []).forEach(function (run) {
      // A code point at a time, as the build lowers: no final-sigma rule.
      var term = Array.from(run).map(function (c) { return c.toLowerCase(); }).join("");
      if (Array.from(term).length >= index.minimumLength && index.stopWords.indexOf(term) < 0) found.push(term);
    });
    return found;
  }

  function terms(text) { return termsOf(text, index); }

  /// A query's terms, with the words people search with that the pages word otherwise replaced
  /// as the site's synonyms say ("reseller" → "other channel"), and which replacements were made.
  function queryTermsOf(text, index) {
    var whole = " " + termsOf(text, index).join(" ") + " ", used = [];
    (index.synonyms || []).forEach(function (pair) {
      var from = " " + pair[0] + " ";
      if (whole.indexOf(from) < 0) return;
      whole = whole.split(from).join(" " + pair[1] + " ");
      used.push(pair);
    });
    return { terms: whole.split(" ").filter(Boolean), replaced: used };
  }

  function loadShard(number, done) {
    if (shards[number]) return done();
    if (waiting[number]) return waiting[number].push(done);
    waiting[number] = [done];
    var script = document.createElement("script");
    script.src = root + "data/search/terms-" + number + ".js";
    script.onerror = function () {
      shards[number] = {};
      report("Part of the search index could not be loaded (" + script.src + "); results may be missing.");
      finish(number);
    };
    document.body.appendChild(script);
  }

  function finish(number) {
    var callbacks = waiting[number] || [];
    delete waiting[number];
    callbacks.forEach(function (callback) { callback(); });
  }

  var problems = [];
  function report(problem) { problems.push(problem); }

  // Pages that hold every term, by summed weight; when none does, pages that hold any.
  function rank(index, shards, queryTerms) {
    var perTerm = queryTerms.map(function (term) {
      var weights = new Map();
      for (var number = 0; number < index.shards; number++) {
        var postings = (shards[number] || {})[term] || [];
        for (var i = 0; i + 1 < postings.length; i += 2) weights.set(postings[i], postings[i + 1]);
      }
      return weights;
    });
    var scores = new Map();
    var counts = new Map();
    perTerm.forEach(function (weights) {
      weights.forEach(function (weight, page) {
        scores.set(page, (scores.get(page) || 0) + weight);
        counts.set(page, (counts.get(page) || 0) + 1);
      });
    });
    var whole = queryTerms.join(" ");
    var everyTerm = [];
    var someTerms = [];
    scores.forEach(function (score, page) {
      var entry = index.pages[page];
      // An offer's (or role's, or table's) own page comes first for its name, id or alias.
      if (entry[4].indexOf(whole) >= 0) score += 1e9;
      else if (termsOf(entry[1], index).join(" ") === whole) score += 1e8;
      (counts.get(page) === queryTerms.length ? everyTerm : someTerms).push({ page: page, score: score });
    });
    function order(a, b) {
      if (b.score !== a.score) return b.score - a.score;
      var x = index.pages[a.page], y = index.pages[b.page];
      return x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[0] < y[0] ? -1 : 1;
    }
    everyTerm.sort(order);
    someTerms.sort(order);
    return { every: everyTerm, some: everyTerm.length ? [] : someTerms };
  }

  /// Why a page answers a query that names it otherwise than by its title: a former name leads to
  /// the offer's page under today's name, and the agent should see why.
  function why(entry, queryTerms) {
    var whole = queryTerms.join(" "), found = (entry[5] || []).filter(function (reason) { return reason[0] === whole; });
    return found.length ? found[0][1] : null;
  }

  /// A query that names two offers ("E1 to E3", "E1 → E3", "from Business Basic to E5") is a
  /// question the checker answers: its verdict for the pair, in the matrices' case (an active
  /// subscription, no other subscriptions, the site's date), and a link to ask it with the
  /// customer's details. Names resolve as everywhere else, through the checker's table of names.
  /// Null when the query is not two offers' names.
  var answering = null;

  function directAnswer(query, checker, data) {
    if (!checker || !data) return null;
    var text = String(query).trim().replace(/^(?:upgrade\s+)?(?:from\s+)/i, "");
    var sides = text.split(/\s+(?:to|into)\s+|\s*(?:→|->|=>|⇒)\s*/i);
    if (sides.length !== 2 || !sides[0] || !sides[1]) return null;
    // The core indexes the whole catalogue: made once per page, not once per query.
    if (!answering || answering.data !== data) answering = { data: data, core: checker.makeCore(data) };
    var core = answering.core, from = core.resolve(sides[0]).offer, to = core.resolve(sides[1]).offer;
    if (!from || !to) return null;
    var request = { from: from, to: to, status: "active", holdings: [], asOf: data.asOf };
    var decision = core.decide(request), caution = checker.cautionOf(decision, data);
    var verdict = decision.verdict === "blocked"
      ? "✗ Blocked" : caution ? "✓⚠ Eligible, with caution: " + caution : "✓ Eligible";
    return {
      from: from.id, to: to.id, verdict: decision.verdict, text: verdict,
      why: decision.reasons.map(function (r) { return r.message; }).join(" "),
      question: from.name + " → " + to.name + ", for an active subscription with no other subscriptions, as of " +
        data.asOf + ".",
      href: "checker.html?from=" + encodeURIComponent(from.id) + "&to=" + encodeURIComponent(to.id)
    };
  }

  function showDirectAnswer(query) {
    var box = document.getElementById("direct-answer");
    if (!box) return;
    box.textContent = "";
    var answer = directAnswer(query, window.UpgradeChecker, window.UPGRADEDOCS_DATA);
    box.hidden = !answer;
    if (!answer) return;
    box.setAttribute("data-verdict", answer.verdict);
    var verdict = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = answer.text;
    verdict.appendChild(strong);
    verdict.appendChild(document.createTextNode(" " + answer.question + (answer.why ? " " + answer.why : "") + " "));
    var link = document.createElement("a");
    link.href = root + answer.href;
    link.textContent = "Ask the checker with the customer's status and subscriptions";
    verdict.appendChild(link);
    box.appendChild(verdict);
  }

  var LIMIT = 100;

  function show(query) {
    showDirectAnswer(query);
    var status = document.getElementById("search-status");
    var list = document.getElementById("results");
    list.textContent = "";
    var asked = queryTermsOf(query, index), queryTerms = asked.terms;
    if (!query.trim()) {
      status.textContent = "Type an offer's name, a service, a role or any words, then press Enter.";
      return;
    }
    if (!queryTerms.length) {
      status.textContent = "“" + query + "” has no word search can look for: try a longer or less common word.";
      return;
    }
    var needed = [];
    for (var number = 0; number < index.shards; number++) needed.push(number);
    var left = needed.length;
    status.textContent = "Searching…";
    needed.forEach(function (number) {
      loadShard(number, function () {
        left -= 1;
        if (left === 0) {
          render(query, rank(index, shards, queryTerms), status, list);
          if (asked.replaced.length) {
            status.textContent += " Searched " + asked.replaced.map(function (pair) {
              return "“" + pair[0] + "” as “" + pair[1] + "”";
            }).join(", ") + ", as the site words it.";
          }
        }
      });
    });
  }

  function render(query, found, status, list) {
    var results = found.every.length ? found.every : found.some;
    if (!results.length) {
      status.textContent = "No page has “" + query + "”. Check the spelling, or try fewer words.";
    } else {
      var count = results.length === 1 ? "1 page" : results.length + " pages";
      status.textContent = found.every.length
        ? count + " with every word of “" + query + "”" + (results.length > LIMIT ? "; the first " + LIMIT + " follow." : ".")
        : "No page has every word of “" + query + "”; " + count + " with some of them" + (results.length > LIMIT ? ", the first " + LIMIT + ":" : ":");
    }
    if (problems.length) status.textContent += " " + problems.join(" ");
    results.slice(0, LIMIT).forEach(function (result) {
      var entry = index.pages[result.page];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + entry[0];
      link.textContent = entry[1];
      var kind = document.createElement("span");
      kind.className = "result-kind";
      kind.textContent = entry[2];
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(kind);
      var reason = why(entry, terms(query));
      if (reason) {
        var note = document.createElement("span");
        note.className = "result-why";
        note.textContent = " (" + reason + ")";
        item.appendChild(note);
      }
      if (entry[3]) {
        var summary = document.createElement("p");
        summary.textContent = entry[3];
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
  }

  if (typeof module !== "undefined" && module.exports) {
    // Under Node.js, for the tests that hold this script to the build's index.
    module.exports = { termsOf: termsOf, queryTermsOf: queryTermsOf, rank: rank, why: why, directAnswer: directAnswer };
    return;
  }

  window.UpgradeSearch = {
    pages: function (data) {
      index = data;
      var query = new URLSearchParams(window.location.search).get("q") || "";
      var input = document.getElementById("q");
      if (input) input.value = query;
      show(query);
    },
    terms: function (number, table) {
      shards[number] = table;
      finish(number);
    }
  };
})();
