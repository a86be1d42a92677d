// Search for the UpgradeDocs site: reads `?q=` and lists the matching pages in
// <ol id="results">, best first, each with a snippet of the section that matched, its words
// marked. The index is the build's: data/search/pages.js lists the pages, each
// data/search/terms-N.js holds the terms of a run of them and data/search/text-N.js their
// sections' text, loaded as a <script>, so search works from file:// as from any server.
// How text becomes terms must match the build's (SearchTerms.swift): runs of letters, digits
// and the marks that combine with them, composed (NFC) and lower-cased, at least `minimumLength`
// long, stop words left out.
(function () {
  "use strict";

  var index = null;
  var shards = {};
  var texts = {};
  var waiting = {};
  var root = (function () {
    var src = typeof document !== "undefined" && document.currentScript ? document.currentScript.getAttribute("src") : "";
    return src.replace(/assets\/search\.js$/, "");
  })();

  /// A run of letters, digits and marks as a term: composed, so "é" typed as e and an accent finds
  /// the page that has it as one character, then case-folded a code point at a time (upper, then
  /// lower case: "ß" is "ss"), as the build folds: no final-sigma rule.
  function termOf(run) {
    return Array.from(run.normalize("NFC")).map(function (c) { return c.toUpperCase().toLowerCase(); }).join("");
  }

  var RUN = /[\p{L}\p{N}\p{M}]+/gu;

  function termsOf(text, index) {
    var found = [];
    (String(text).match(RUN) || []).forEach(function (run) {
      var term = termOf(run);
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

  // kind: "terms" or "text"; each shard's script calls UpgradeSearch.terms or .text.
  function loadShard(number, done, kind) {
    kind = kind || "terms";
    var store = kind === "terms" ? shards : texts, key = kind + number;
    if (store[number]) return done();
    if (waiting[key]) return waiting[key].push(done);
    waiting[key] = [done];
    var script = document.createElement("script");
    script.src = root + "data/search/" + kind + "-" + number + ".js";
    script.onerror = function () {
      store[number] = {};
      report("Part of the search index could not be loaded (" + script.src + "); results may be missing.");
      finish(key);
    };
    document.body.appendChild(script);
  }

  function finish(key) {
    var callbacks = waiting[key] || [];
    delete waiting[key];
    callbacks.forEach(function (callback) { callback(); });
  }

  var SNIPPET = 220;

  /// The section of a page that holds most of the query's terms (the first, on a tie), and a window
  /// of its text around the first of them, cut into runs, each marked when it is a query term:
  /// {anchor, heading, parts: [[text, marked], ...]}. Null when no section holds any.
  function snippetOf(sections, queryTerms, index) {
    var wanted = new Set(queryTerms), best = null;
    (sections || []).forEach(function (section) {
      var words = [], re = new RegExp(RUN.source, "gu"), match, found = new Set();
      while ((match = re.exec(section[2])) !== null) {
        var term = termOf(match[0]);
        var hit = wanted.has(term);
        if (hit) found.add(term);
        words.push({ start: match.index, end: match.index + match[0].length, hit: hit });
      }
      if (found.size && (!best || found.size > best.count)) best = { section: section, words: words, count: found.size };
    });
    if (!best) return null;
    var text = best.section[2], first = best.words.filter(function (w) { return w.hit; })[0];
    var start = Math.max(0, first.start - 60);
    if (start > 0) start = text.indexOf(" ", start) + 1 || first.start;
    if (start > first.start) start = first.start;
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) end = Math.max(first.end, text.lastIndexOf(" ", end));
    var parts = [], at = start;
    best.words.forEach(function (word) {
      if (!word.hit || word.start < start || word.end > end) return;
      if (word.start > at) parts.push([text.slice(at, word.start), false]);
      parts.push([text.slice(word.start, word.end), true]);
      at = word.end;
    });
    if (at < end) parts.push([text.slice(at, end), false]);
    if (start > 0) parts.unshift(["… ", false]);
    if (end < text.length) parts.push([" …", false]);
    return { anchor: best.section[0], heading: best.section[1], parts: parts };
  }

  var problems = [];
  function report(problem) { problems.push(problem); }

  // Pages that hold every term, by summed weight; when none does, pages that hold any.
  function rank(index, shards, queryTerms) {
    var perTerm = queryTerms.map(function (term) {
      var weights = new Map();
      for (var number = 0; number < index.shards; number++) {
        var shard = shards[number] || {};
        // Own terms only: a query word such as "constructor" is not a term of every shard.
        var postings = Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : [];
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

  /// The two offers a question names. A name two programs share stands for its offer in the
  /// program the other name is in; where both are shared, a program still sold on the site's day
  /// (no withdrawal by then) comes before one whose upgrades were withdrawn, then program order.
  function pairOf(a, b, data) {
    function options(found) { return found.offer ? [found.offer] : found.shared || []; }
    var froms = options(a), tos = options(b), pairs = [];
    froms.forEach(function (from) {
      tos.forEach(function (to) { if (from.program === to.program) pairs.push([from, to]); });
    });
    if (!pairs.length) return froms.length === 1 && tos.length === 1 ? [froms[0], tos[0]] : null;
    var rank = new Map();
    data.programs.forEach(function (program, index) {
      var withdrawn = program.withdrawnFrom && data.asOf >= program.withdrawnFrom;
      rank.set(program.id, (withdrawn ? data.programs.length : 0) + index);
    });
    pairs.sort(function (x, y) { return rank.get(x[0].program) - rank.get(y[0].program); });
    return pairs[0];
  }

  /// "migrate E3", "migrate E3 to Microsoft 365 E5": the offer of a program that migrates, and
  /// the target in the program it migrates to, or the offer alone; null when the names do not fit.
  function migrationOf(sides, core) {
    function options(text) { var found = core.resolve(text); return found.offer ? [found.offer] : found.shared || []; }
    var froms = options(sides[0]).filter(function (o) { return core.programs.get(o.program).migration; });
    if (sides.length === 1) return froms.length === 1 ? [froms[0], null] : null;
    var pairs = [];
    froms.forEach(function (from) {
      options(sides[1]).forEach(function (to) { if (core.crosses(from, to)) pairs.push([from, to]); });
    });
    return pairs.length === 1 ? pairs[0] : null;
  }

  /// A question that crosses into the program its source migrates to, or a migration alone,
  /// answered as the checker's plan: the verdict of every step together.
  function planAnswer(core, from, to, data) {
    // Asked alone, the migration goes to the equivalent, as `explain --migrate` asks it.
    var alone = (from.equivalent && core.offers.get(from.equivalent.offer)) || from;
    var request = { from: from, to: to || alone, status: "active", holdings: [], asOf: data.asOf,
                    migration: { started: null, newTerm: false, promotion: false, segment: "commercial", addOns: "none",
                                 inProgress: false } };
    var plan = core.plan(request), steps = plan.steps;
    var target = to ? to.name : "its new-commerce equivalent";
    var how = steps.length === 2 ? ", migrate, then upgrade" : "";
    return {
      from: from.id, to: to ? to.id : steps[0].decision.to, verdict: plan.verdict,
      text: plan.verdict === "eligible" ? "✓ Eligible" + how : "✗ Blocked",
      why: steps.map(function (step) {
        return step.decision.reasons.map(function (r) { return r.message; }).join(" ");
      }).filter(Boolean).join(" "),
      question: from.name + " → " + target + (steps.length === 2 ? " (in " + steps.length + " steps)" : "") +
        ", for an active paid subscription, as of " + data.asOf + ".",
      href: "checker.html?from=" + encodeURIComponent(from.id) + (to ? "&to=" + encodeURIComponent(to.id) : "&migrate=1")
    };
  }

  function directAnswer(query, checker, data) {
    if (!checker || !data) return null;
    var text = String(query).trim().replace(/^(?:upgrade\s+)?(?:from\s+)/i, "");
    var migrating = /^migrat(?:e|ion(?:\s+of)?)\s+/i.exec(text);
    if (migrating) text = text.slice(migrating[0].length).replace(/^(?:from\s+)/i, "");
    var sides = text.split(/\s+(?:to|into)\s+|\s*(?:→|->|=>|⇒)\s*/i);
    if (sides.length > 2 || !sides[0] || (sides.length === 2 ? !sides[1] : !migrating)) return null;
    // The core indexes the whole catalogue: made once per page, not once per query.
    if (!answering || answering.data !== data) answering = { data: data, core: checker.makeCore(data) };
    var core = answering.core;
    if (migrating) {
      var asked = migrationOf(sides, core);
      return asked ? planAnswer(core, asked[0], asked[1], data) : null;
    }
    var pair = pairOf(core.resolve(sides[0]), core.resolve(sides[1]), data);
    if (!pair) return null;
    var from = pair[0], to = pair[1];
    if (core.crosses(from, to)) return planAnswer(core, from, to, data);
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
          var note = asked.replaced.length ? " Searched " + asked.replaced.map(function (pair) {
            return "“" + pair[0] + "” as “" + pair[1] + "”";
          }).join(", ") + ", as the site words it." : "";
          render(query, rank(index, shards, queryTerms), status, list, queryTerms, note);
        }
      });
    });
  }

  var SNIPPETS = 20;

  /// Loads the text of the shards that hold the first results, then renders them.
  function render(query, found, status, list, queryTerms, note) {
    var results = found.every.length ? found.every : found.some;
    var needed = [];
    results.slice(0, SNIPPETS).forEach(function (result) {
      var number = Math.floor(result.page / index.pagesPerShard);
      if (needed.indexOf(number) < 0) needed.push(number);
    });
    var left = needed.length;
    if (!left) return renderResults(query, found, status, list, queryTerms, note);
    needed.forEach(function (number) {
      loadShard(number, function () {
        left -= 1;
        if (left === 0) renderResults(query, found, status, list, queryTerms, note);
      }, "text");
    });
  }

  function renderResults(query, found, status, list, queryTerms, note) {
    var results = found.every.length ? found.every : found.some;
    if (!results.length) {
      status.textContent = "No page has “" + query + "”. Check the spelling, or try fewer words.";
    } else {
      var count = results.length === 1 ? "1 page" : results.length + " pages";
      status.textContent = found.every.length
        ? count + " with every word of “" + query + "”" + (results.length > LIMIT ? "; the first " + LIMIT + " follow." : ".")
        : "No page has every word of “" + query + "”; " + count + " with some of them" + (results.length > LIMIT ? ", the first " + LIMIT + ":" : ":");
    }
    status.textContent += note || "";
    if (problems.length) status.textContent += " " + problems.join(" ");
    results.slice(0, LIMIT).forEach(function (result, rank) {
      var entry = index.pages[result.page];
      var shard = texts[Math.floor(result.page / index.pagesPerShard)] || {};
      var snippet = rank < SNIPPETS ? snippetOf(shard[result.page], queryTerms, index) : null;
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
      if (snippet) {
        var quoted = document.createElement("p");
        quoted.className = "result-snippet";
        snippet.parts.forEach(function (part) {
          if (!part[1]) return quoted.appendChild(document.createTextNode(part[0]));
          var mark = document.createElement("mark");
          mark.textContent = part[0];
          quoted.appendChild(mark);
        });
        if (snippet.anchor) {
          var section = document.createElement("a");
          section.className = "result-section";
          section.href = root + entry[0] + "#" + encodeURIComponent(snippet.anchor);
          section.textContent = "In “" + snippet.heading + "”";
          item.appendChild(document.createTextNode(" "));
          item.appendChild(section);
        }
        item.appendChild(quoted);
      } else if (entry[3]) {
        var summary = document.createElement("p");
        summary.textContent = entry[3];
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
  }

  if (typeof module !== "undefined" && module.exports) {
    // Under Node.js, for the tests that hold this script to the build's index.
    module.exports = {
      termsOf: termsOf, queryTermsOf: queryTermsOf, rank: rank, why: why, directAnswer: directAnswer,
      snippetOf: snippetOf
    };
    return;
  }

  /// The first `count` pages for a query, for results as you type: [{href, title, kind, why}], and
  /// whether some page has every word. Loads the index's shards first; `done` is called once.
  var asked = [];
  function find(query, count, done) {
    if (!index) return asked.push(function () { find(query, count, done); });
    var queryTerms = queryTermsOf(query, index).terms;
    if (!queryTerms.length) return done([], false);
    var left = index.shards;
    for (var number = 0; number < index.shards; number++) {
      loadShard(number, function () {
        left -= 1;
        if (left) return;
        var found = rank(index, shards, queryTerms), results = found.every.length ? found.every : found.some;
        done(results.slice(0, count).map(function (result) {
          var entry = index.pages[result.page];
          return { href: root + entry[0], title: entry[1], kind: entry[2], why: why(entry, terms(query)) };
        }), found.every.length > 0);
      });
    }
  }

  window.UpgradeSearch = {
    find: find,
    pages: function (data) {
      index = data;
      asked.splice(0).forEach(function (callback) { callback(); });
      var list = document.getElementById("results");
      if (!list) return;
      var query = new URLSearchParams(window.location.search).get("q") || "";
      var input = document.getElementById("q");
      if (input) {
        input.value = query;
        // Results follow the box as the agent types; the address follows too, for the back button
        // and a link to share. Enter still submits the form, which works without scripts.
        var timer = null;
        input.addEventListener("input", function () {
          clearTimeout(timer);
          timer = setTimeout(function () {
            var url = new URL(window.location.href);
            url.searchParams.set("q", input.value);
            history.replaceState(null, "", url.search ? url.pathname + url.search : url.pathname);
            show(input.value);
          }, 200);
        });
      }
      show(query);
    },
    terms: function (number, table) {
      shards[number] = table;
      finish("terms" + number);
    },
    text: function (number, table) {
      texts[number] = table;
      finish("text" + number);
    }
  };
})();
