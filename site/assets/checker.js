// The upgrade checker: the rule core again, in plain JavaScript, deciding from
// data/checker-data.js, which the build makes from the model. It is a second
// implementation, so the tests hold it against the Swift rule core on every
// test vector and on ten thousand random requests, message for message.
// It reads its question from the page's address, so a link shows its answer
// with no typing, from file:// or any server, with no network request.
(function (global) {
  "use strict";

  // ---- The rule core -------------------------------------------------------

  function fold(text) {
    return String(text).toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }

  function joinedAsList(items) {
    if (items.length === 0) return "";
    if (items.length === 1) return items[0];
    return items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
  }

  function byCodePoints(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  function levenshtein(a, b) {
    a = Array.from(a); b = Array.from(b);
    if (!a.length) return b.length;
    if (!b.length) return a.length;
    var previous = [], current = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      current = [i];
      for (j = 1; j <= b.length; j++) {
        current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
      }
      previous = current;
    }
    return previous[b.length];
  }

  function makeCore(data) {
    var offers = {}, names = {}, services = {}, programs = {}, regions = {}, paths = {}, families = {};
    data.offers.forEach(function (offer) {
      offers[offer.id] = offer;
      [offer.id, offer.name].concat(offer.aliases).forEach(function (name) {
        var key = fold(name);
        if (!(key in names)) names[key] = offer;
      });
      var family = offer.variantOf || offer.id;
      (families[family] = families[family] || []).push(offer);
    });
    data.services.forEach(function (service) { services[service.id] = service.name; });
    data.programs.forEach(function (program) { programs[program.id] = program; });
    data.regions.forEach(function (region) { regions[region.id] = region.name; });
    Object.keys(data.paths).forEach(function (from) {
      paths[from] = {};
      data.paths[from].forEach(function (to) { paths[from][to] = true; });
    });

    function hasPath(from, to) { return !!(paths[from] && paths[from][to]); }
    function serviceNames(ids) { return ids.map(function (id) { return services[id] || id; }); }
    function regionName(id) { return id == null ? "the global market" : (regions[id] || id); }
    function channelPhrase(channel) { return channel === "other" ? " (bought through another partner or channel)" : ""; }

    function counterpart(from, to) {
      if (from.region === to.region) return null;
      var variant = (families[to.variantOf || to.id] || []).filter(function (o) { return o.region === from.region; })[0];
      if (!variant || variant.id === to.id || !hasPath(from.id, variant.id)) return null;
      return variant;
    }

    function withdrawn(source, asOf) {
      var program = programs[source.program];
      return !!(program && program.withdrawnFrom && asOf >= program.withdrawnFrom);
    }

    /// The decision `explain --format json` gives, with each advisory's offer.
    function decide(request) {
      var from = request.from, to = request.to;
      var variant = counterpart(from, to);
      var fromServices = {};
      from.services.forEach(function (s) { fromServices[s] = true; });
      var added = to.services.filter(function (s) { return !fromServices[s]; }).sort(byCodePoints);
      var addedSet = {};
      added.forEach(function (s) { addedSet[s] = true; });
      var targetHoldings = request.holdings.filter(function (h) { return h.offer.id === to.id; });
      var overlapping = [];
      request.holdings.forEach(function (h) {
        if (h.offer.id === to.id) return;
        var overlap = h.offer.services.filter(function (s) { return addedSet[s]; }).sort(byCodePoints);
        if (overlap.length) overlapping.push({ holding: h, services: overlap });
      });
      var seen = {};
      var otherChannel = targetHoldings.concat(overlapping.map(function (o) { return o.holding; })).filter(function (h) {
        if (h.channel !== "other" || seen[h.offer.id]) return false;
        seen[h.offer.id] = true;
        return true;
      });

      var listed = hasPath(from.id, to.id);
      var fired = {};
      if (!listed && !variant) fired["path-not-supported"] = true;
      if (variant) fired["region-mismatch"] = true;
      if (request.status !== "active") fired["subscription-not-active"] = true;
      if (targetHoldings.length) fired["already-owns-target"] = true;
      if (overlapping.length) fired["owns-included-services"] = true;

      function message(code) {
        switch (code) {
          case "path-not-supported":
            var program = programs[from.program];
            return from.name + " has no listed upgrade path to " + to.name + " in the " +
              (program ? program.name : from.program) + " program.";
          case "region-mismatch":
            return from.name + " is sold in " + regionName(from.region) + "; it can be upgraded to " +
              (variant ? variant.name : "its own region's variant") + ", not to " + to.name + ", which is sold in " +
              regionName(to.region) + ".";
          case "subscription-not-active":
            return "The subscription is " + request.status + "; only an active subscription can be upgraded.";
          case "already-owns-target":
            return "The customer already has " + to.name + channelPhrase(targetHoldings[0].channel) + ".";
          case "owns-included-services":
            return overlapping.map(function (o) {
              return o.holding.offer.name + channelPhrase(o.holding.channel) + " already includes " +
                joinedAsList(serviceNames(o.services));
            }).join("; ") + ", which " + to.name + " would add.";
        }
      }

      var reasons = data.rules.filter(function (rule) { return fired[rule.code]; }).map(function (rule) {
        return { code: rule.code, rule: rule.id, message: message(rule.code) };
      });
      var verdict = reasons.length ? "blocked" : "eligible";
      var advisories = [];
      if (variant) {
        advisories.push({ code: "use-regional-variant", offer: variant.id, message: "Upgrade to " + variant.name + " (" +
          variant.id + ") instead: it is " + (variant.region == null ? "the global" : "the " + regionName(variant.region)) +
          " variant of " + to.name + "." });
      }
      otherChannel.forEach(function (h) {
        advisories.push({ code: "cancel-other-channel-first", offer: h.offer.id, message: h.offer.name +
          " was bought through another partner or channel: the customer must cancel it there before buying " +
          to.name + " from you." });
      });
      if (verdict === "eligible" && added.length) {
        advisories.push({ code: "account-transition", message: to.name + " adds " + joinedAsList(serviceNames(added)) +
          ". Some user accounts may need extra work to move to them; Partner Center lists the accounts and services " +
          "affected after the upgrade." });
      }
      if (withdrawn(from, request.asOf)) {
        var p = programs[from.program];
        advisories.push({ code: "legacy-withdrawn", message: p.withdrawalNote ||
          ("Since " + p.withdrawnFrom + ", most " + p.name + " upgrade options have been withdrawn.") });
      }
      return {
        from: from.id, to: to.id, status: request.status, asOf: request.asOf, verdict: verdict,
        reasons: reasons, advisories: advisories
      };
    }

    function lookUp(text) { return names[fold(text)] || null; }

    /// The id closest to what was typed, by the same measure `explain` uses.
    function closest(text) {
      var key = fold(text), limit = Math.max(3, Math.floor(Array.from(key).length / 2)), best = null;
      data.offers.forEach(function (offer) {
        [offer.id, offer.name].concat(offer.aliases).forEach(function (name) {
          var candidate = fold(name);
          if (Math.abs(Array.from(candidate).length - Array.from(key).length) > limit) return;
          var distance = levenshtein(key, candidate);
          if (distance <= limit && (!best || distance < best.distance || (distance === best.distance && offer.id < best.id))) {
            best = { id: offer.id, distance: distance };
          }
        });
      });
      return best && best.id;
    }

    return { decide: decide, lookUp: lookUp, closest: closest, offers: offers, data: data };
  }

  // ---- The question, from the address --------------------------------------

  var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

  function validDate(text) {
    var m = DATE.exec(text);
    if (!m) return false;
    var y = +m[1], mo = +m[2], d = +m[3];
    var days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    return mo >= 1 && mo <= 12 && d >= 1 && d <= days[mo - 1];
  }

  /// The request a query string asks, or the problems that stop it being asked.
  function parseQuery(core, params) {
    var problems = [];
    function offer(text, what) {
      if (!text) { problems.push(what + ": name an offer (an id, official name or alias)."); return null; }
      var found = core.lookUp(text);
      if (!found) {
        var hint = core.closest(text);
        problems.push(what + ": there is no offer '" + text + "'" + (hint ? "; did you mean '" + hint + "'?" : "."));
      }
      return found;
    }
    var from = offer(params.get("from"), "Current offer");
    var to = offer(params.get("to"), "Upgrade to");
    var status = (params.get("status") || "active").toLowerCase();
    if (core.data.statuses.indexOf(status) < 0) {
      problems.push("Status: '" + params.get("status") + "' is not a status; use one of " + core.data.statuses.join(", ") + ".");
    }
    var holdings = [];
    params.getAll("holds").forEach(function (list) {
      list.split(",").map(function (s) { return s.trim(); }).filter(Boolean).forEach(function (item) {
        var at = item.lastIndexOf("@"), name = item, channel = "partner";
        if (at > 0) {
          channel = item.slice(at + 1).toLowerCase();
          name = item.slice(0, at);
          if (channel !== "other" && channel !== "partner") {
            problems.push("Other subscriptions: '" + item + "' is not offer, offer@partner or offer@other.");
            return;
          }
        }
        var held = offer(name, "Other subscriptions");
        if (held) holdings.push({ offer: held, channel: channel });
      });
    });
    var asOf = params.get("asOf") || core.data.asOf;
    if (!validDate(asOf)) problems.push("As of: '" + asOf + "' is not a date; write YYYY-MM-DD, such as 2022-03-01.");
    if (problems.length) return { problems: problems };
    return { request: { from: from, to: to, status: status, holdings: holdings, asOf: asOf } };
  }

  // ---- The page --------------------------------------------------------------

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function queryOf(request) {
    var params = new URLSearchParams();
    params.set("from", request.from.id);
    params.set("to", request.to.id);
    if (request.status !== "active") params.set("status", request.status);
    if (request.holdings.length) {
      params.set("holds", request.holdings.map(function (h) { return h.offer.id + (h.channel === "other" ? "@other" : ""); }).join(","));
    }
    params.set("asOf", request.asOf);
    return "?" + params.toString();
  }

  function summaryLine(decision, request) {
    var held = request.holdings.map(function (h) { return h.offer.name + (h.channel === "other" ? " (other channel)" : ""); });
    return (decision.verdict === "eligible" ? "ELIGIBLE" : "BLOCKED") + ": " + request.from.name + " → " + request.to.name +
      " (" + request.status + (held.length ? "; also has " + held.join(", ") : "") + "; as of " + request.asOf + ")" +
      (decision.reasons.length ? ". Why: " + decision.reasons.map(function (r) { return r.rule + " " + r.message; }).join(" ") : ".");
  }

  function renderAnswer(answer, core, parsed) {
    while (answer.firstChild) answer.removeChild(answer.firstChild);
    ["data-verdict", "data-reasons", "data-advisories"].forEach(function (name) { answer.removeAttribute(name); });
    if (parsed.problems) {
      answer.appendChild(element("div", { role: "alert", class: "checker-problems" }, [
        element("p", {}, ["This question cannot be asked yet:"]),
        element("ul", {}, parsed.problems.map(function (p) { return element("li", {}, [p]); }))
      ]));
      return;
    }
    var request = parsed.request, decision = core.decide(request);
    answer.setAttribute("data-verdict", decision.verdict);
    answer.setAttribute("data-reasons", decision.reasons.map(function (r) { return r.code; }).join(" "));
    answer.setAttribute("data-advisories", decision.advisories.map(function (a) { return a.code; }).join(" "));
    var count = decision.reasons.length;
    answer.appendChild(element("h2", { class: "verdict verdict-" + decision.verdict }, [
      decision.verdict === "eligible" ? "✓ Eligible" : "✗ Blocked (" + count + " reason" + (count === 1 ? "" : "s") + ")"
    ]));
    answer.appendChild(element("p", { class: "question" }, [request.from.name + " → " + request.to.name + ", status " +
      request.status + ", as of " + request.asOf + "."]));
    if (count) {
      answer.appendChild(element("h3", {}, ["Why"]));
      answer.appendChild(element("ol", { class: "reasons" }, decision.reasons.map(function (reason) {
        var rule = core.data.rules.filter(function (r) { return r.id === reason.rule; })[0];
        return element("li", { "data-code": reason.code }, [
          element("a", { href: core.data.ruleLink + encodeURIComponent(reason.rule) }, [reason.rule]), " ",
          element("span", { class: "message" }, [reason.message]),
          element("p", { class: "remedy" }, ["What to do: " + rule.remedy])
        ]);
      })));
    }
    if (decision.advisories.length) {
      answer.appendChild(element("h3", {}, ["Advice"]));
      answer.appendChild(element("ul", { class: "advisories" }, decision.advisories.map(function (advisory) {
        var children = [element("span", { class: "message" }, [advisory.message])];
        if (advisory.code === "use-regional-variant") {
          var again = { from: request.from, to: core.offers[advisory.offer], status: request.status,
                        holdings: request.holdings, asOf: request.asOf };
          children.push(" ", element("a", { href: queryOf(again) }, ["Ask again with " + again.to.name]));
        }
        return element("li", { "data-code": advisory.code }, children);
      })));
    }
    var line = summaryLine(decision, request);
    answer.appendChild(element("h3", {}, ["Share this answer"]));
    answer.appendChild(element("p", {}, [
      element("label", { for: "summary-line" }, ["For a ticket: "]),
      element("input", { id: "summary-line", readonly: "readonly", value: line, size: "60" })
    ]));
    answer.appendChild(element("p", {}, [element("a", { href: queryOf(request), id: "permalink" }, ["Link to this question"])]));
  }

  function start() {
    var data = global.UPGRADEDOCS_DATA, answer = document.getElementById("answer"), form = document.getElementById("checker");
    if (!data || !answer || !form) return;
    var core = makeCore(data);
    var names = document.getElementById("offer-names");
    data.offers.forEach(function (offer) {
      [offer.name, offer.id].concat(offer.aliases).forEach(function (name) {
        names.appendChild(element("option", { value: name }));
      });
    });
    var holdings = document.getElementById("holdings-list");

    function addHolding(name, channel) {
      var index = holdings.children.length + 1;
      var offerInput = element("input", { id: "held-" + index, list: "offer-names", autocomplete: "off", value: name || "" });
      var channelSelect = element("select", { id: "channel-" + index }, [
        element("option", { value: "partner" }, ["through this partner"]),
        element("option", { value: "other" }, ["through another partner or channel"])
      ]);
      channelSelect.value = channel || "partner";
      var remove = element("button", { type: "button" }, ["Remove"]);
      var row = element("li", {}, [
        element("label", { for: "held-" + index }, ["Offer"]), " ", offerInput, " ",
        element("label", { for: "channel-" + index }, ["bought"]), " ", channelSelect, " ", remove
      ]);
      remove.addEventListener("click", function () { holdings.removeChild(row); update(); });
      offerInput.addEventListener("input", update);
      channelSelect.addEventListener("change", update);
      holdings.appendChild(row);
      return offerInput;
    }

    function paramsFromForm() {
      var params = new URLSearchParams();
      ["from", "to", "status", "asOf"].forEach(function (name) {
        var value = form.elements[name].value.trim();
        if (value) params.set(name, value);
      });
      var held = Array.prototype.map.call(holdings.children, function (row) {
        var input = row.querySelector("input"), select = row.querySelector("select");
        return input.value.trim() ? input.value.trim() + (select.value === "other" ? "@other" : "") : "";
      }).filter(Boolean);
      if (held.length) params.set("holds", held.join(","));
      return params;
    }

    function update() {
      var params = paramsFromForm();
      renderAnswer(answer, core, parseQuery(core, params));
      if (global.history && history.replaceState) {
        try { history.replaceState(null, "", "?" + params.toString()); } catch (e) { /* some file:// pages refuse */ }
      }
    }

    // The question in the address fills the form, so the answer shows with no typing.
    var params = new URLSearchParams(global.location.search);
    form.elements.from.value = params.get("from") || "";
    form.elements.to.value = params.get("to") || "";
    form.elements.status.value = (params.get("status") || "active").toLowerCase();
    form.elements.asOf.value = params.get("asOf") || data.asOf;
    params.getAll("holds").forEach(function (list) {
      list.split(",").map(function (s) { return s.trim(); }).filter(Boolean).forEach(function (item) {
        var at = item.lastIndexOf("@");
        addHolding(at > 0 ? item.slice(0, at) : item, at > 0 ? item.slice(at + 1).toLowerCase() : "partner");
      });
    });
    document.getElementById("add-holding").addEventListener("click", function () { addHolding().focus(); });
    form.addEventListener("input", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    form.hidden = false;
    if (params.get("from") || params.get("to")) {
      renderAnswer(answer, core, parseQuery(core, params));
    }
  }

  global.UpgradeChecker = { makeCore: makeCore, parseQuery: parseQuery, summaryLine: summaryLine };
  if (typeof module !== "undefined" && module.exports) module.exports = global.UpgradeChecker;
  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
  }
})(typeof window !== "undefined" ? window : globalThis);
