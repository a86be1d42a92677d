// The upgrade checker. It decides from data/checker-data.js, which the build
// makes from the model: the catalogue, and the policy as data (each rule's and
// advice's conditions, remedy and message template). This script works out a
// request's facts (paths, variants, services, holdings) and interprets the
// policy; it holds no rule, remedy or message of its own, so every rule exists
// once, in content/. The tests hold its answers against the Swift rule core on
// every test vector and on ten thousand random requests, message for message.
// It reads its question from the page's address, so a link shows its answer
// with no typing, from file:// or any server, with no network request.
(function (global) {
  "use strict";

  // ---- Facts, and the policy's interpreter ----------------------------------

  /// A name as the model's resolver compares it (Catalog.fold): composed (NFC), case-folded
  /// (upper, then lower case: "ß" is "ss"), letters and digits only, so the way it was typed,
  /// case, spacing and punctuation never matter. A test holds the two together.
  function fold(text) {
    return String(text).normalize("NFC").toUpperCase().toLowerCase().replace(/[^\p{L}\p{N}]/gu, "").replace(/ς/g, "σ");
  }

  // Every lookup keyed by the model's data or the reader's query is a Map or an own-property
  // test: an id or a query such as `constructor` or `__proto__` must find nothing it did not put there.
  function own(object, key) { return object != null && Object.prototype.hasOwnProperty.call(object, key); }
  function mapOf(object) {
    var map = new Map();
    Object.keys(object || {}).forEach(function (key) { map.set(key, object[key]); });
    return map;
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

  // A message template's nodes (MessageTemplate in the Swift core): text, a
  // fact's value, or a section shown when a fact is there (once per item of a
  // list) or, inverted, when it is not.
  function present(value) {
    return value != null && value !== false && value !== "" && !(Array.isArray(value) && value.length === 0);
  }

  function factAt(path, scopes) {
    if (path.length === 0) return scopes[scopes.length - 1];
    var value;
    for (var i = scopes.length - 1; i >= 0; i--) {
      var scope = scopes[i];
      if (scope && typeof scope === "object" && !Array.isArray(scope) && own(scope, path[0])) { value = scope[path[0]]; break; }
    }
    for (var k = 1; k < path.length && value != null; k++) {
      value = typeof value === "object" && !Array.isArray(value) && own(value, path[k]) ? value[path[k]] : null;
    }
    return value == null ? null : value;
  }

  function printed(value) {
    if (typeof value === "string") return value;
    if (!Array.isArray(value)) return "";
    var names = value.filter(function (item) { return typeof item === "string"; });
    if (names.length < 2) return names.join("");
    return names.slice(0, -1).join(", ") + " and " + names[names.length - 1];
  }

  function render(nodes, scopes) {
    return nodes.map(function (node) {
      if (typeof node === "string") return node;
      if (node.value) return printed(factAt(node.value, scopes));
      var value = factAt(node.section, scopes);
      if (node.inverted) return present(value) ? "" : render(node.nodes, scopes);
      if (Array.isArray(value)) {
        return value.map(function (item, index) {
          return render(node.nodes, scopes.concat([{ "@first": index === 0 }, item]));
        }).join("");
      }
      return present(value) ? render(node.nodes, scopes.concat([value])) : "";
    }).join("");
  }

  function holds(when, point) {
    return Object.keys(when).every(function (condition) { return own(point, condition) && point[condition] === when[condition]; });
  }

  /// A rule's remedy for the request: the first of its remedies whose conditions all hold of the
  /// facts ("yes": there, "no": not there, else equal), worded for it; else its general remedy.
  function remedyFor(rule, facts) {
    var fitting = (rule.remedies || []).filter(function (remedy) {
      return Object.keys(remedy.when).every(function (path) {
        var value = factAt(path.split("."), [facts]), wanted = remedy.when[path];
        if (wanted === "yes") return present(value);
        if (wanted === "no") return !present(value);
        return printed(value) === wanted;
      });
    })[0];
    return fitting ? render(fitting.text, [facts]) : rule.remedy;
  }

  /// The same day `months` later, or the month's last day where it is shorter; 9999-12-31 past it
  /// (CalendarDate.adding(months:)).
  function addMonths(day, months) {
    var y = +day.slice(0, 4), m = +day.slice(5, 7), d = +day.slice(8, 10);
    var index = y * 12 + (m - 1) + months, year = Math.floor(index / 12), month = index % 12 + 1;
    if (year > 9999) return "9999-12-31";
    var last = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    function pad(n, w) { n = String(n); while (n.length < w) n = "0" + n; return n; }
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(Math.min(d, last), 2);
  }

  function pad(n, w) { n = String(n); while (n.length < w) n = "0" + n; return n; }
  function daysIn(year, month) {
    return [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  }
  function day(y, m, d) { return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2); }
  /// The day before, or null before the first day (CalendarDate.previousDay).
  function previousDay(text) {
    var y = +text.slice(0, 4), m = +text.slice(5, 7), d = +text.slice(8, 10);
    if (d > 1) return day(y, m, d - 1);
    if (m > 1) return day(y, m - 1, daysIn(y, m - 1));
    return y > 1 ? day(y - 1, 12, 31) : null;
  }
  /// The day after, or null past the last day (CalendarDate.nextDay).
  function nextDay(text) {
    var y = +text.slice(0, 4), m = +text.slice(5, 7), d = +text.slice(8, 10);
    if (d < daysIn(y, m)) return day(y, m, d + 1);
    if (m < 12) return day(y, m + 1, 1);
    return y < 9999 ? day(y + 1, 1, 1) : null;
  }

  function makeCore(data) {
    var offers = new Map(), services = new Map(), programs = new Map(), regions = new Map(), families = new Map();
    var paths = new Map(), names = mapOf(data.names);
    data.offers.forEach(function (offer) {
      offers.set(offer.id, offer);
      var family = offer.variantOf || offer.id;
      if (!families.has(family)) families.set(family, []);
      families.get(family).push(offer);
    });
    data.services.forEach(function (service) { services.set(service.id, service.name); });
    data.programs.forEach(function (program) { programs.set(program.id, program); });
    data.regions.forEach(function (region) { regions.set(region.id, region.name); });
    data.paths.forEach(function (path) { paths.set(path.from, new Set(path.to)); });
    var ruleSets = new Map(), termMonths = new Map(), billingMonths = new Map();
    data.ruleSets.forEach(function (set) { ruleSets.set(set.program, set); });
    var migrationSets = new Map();
    (data.migrationSets || []).forEach(function (set) { migrationSets.set(set.program, set); });
    data.terms.forEach(function (term) { termMonths.set(term.id, term.months); });
    data.billings.forEach(function (billing) { billingMonths.set(billing.id, billing.months); });

    function hasPath(from, to) { return paths.has(from) && paths.get(from).has(to); }
    function serviceNames(ids) { return ids.map(function (id) { return services.has(id) ? services.get(id) : id; }); }

    function counterpart(from, to) {
      if (from.region === to.region) return null;
      var variant = (families.get(to.variantOf || to.id) || []).filter(function (o) { return o.region === from.region; })[0];
      if (!variant || variant.id === to.id || !hasPath(from.id, variant.id)) return null;
      return variant;
    }

    // The facts a message can name, shaped as the Swift core's Facts.values.
    function offerFacts(offer) {
      var program = programs.get(offer.program);
      return {
        id: offer.id, name: offer.name, hasUpgrades: paths.has(offer.id) && paths.get(offer.id).size > 0,
        program: { id: offer.program, name: program ? program.name : offer.program,
                   withdrawnFrom: program ? program.withdrawnFrom : null,
                   withdrawalNote: program ? program.withdrawalNote : null },
        region: offer.region == null ? null : { id: offer.region, name: regions.has(offer.region) ? regions.get(offer.region) : offer.region }
      };
    }

    function holdingFacts(holding) { return { offer: offerFacts(holding.offer), otherChannel: holding.channel === "other" }; }

    /// What a question that says nothing of the commitment means (Commitment's defaults): paid,
    /// auto-renewing, annual and billed monthly, moved whole and now, on the same plan.
    function plainCommitment(asOf) {
      return { trial: false, autoRenew: true, term: "P1Y", billing: "monthly", toTerm: "P1Y", toBilling: "monthly",
               when: "now", seats: null, of: null, ends: addMonths(asOf, 12), destination: null };
    }

    /// The decision `explain --format json` gives, with each advisory's offer.
    function decide(request) {
      var from = request.from, to = request.to;
      var variant = counterpart(from, to);
      var fromServices = new Set(from.services);
      var added = to.services.filter(function (s) { return !fromServices.has(s); })
        .filter(function (s, i, all) { return all.indexOf(s) === i; }).sort(byCodePoints);
      var addedSet = new Set(added);
      var targetHoldings = request.holdings.filter(function (h) { return h.offer.id === to.id; });
      var overlapping = [];
      request.holdings.forEach(function (h) {
        if (h.offer.id === to.id) return;
        var overlap = h.offer.services.filter(function (s, i, all) { return addedSet.has(s) && all.indexOf(s) === i; })
          .sort(byCodePoints);
        if (overlap.length) overlapping.push({ holding: h, services: overlap });
      });
      var seen = new Set();
      var otherChannel = targetHoldings.concat(overlapping.map(function (o) { return o.holding; })).filter(function (h) {
        if (h.channel !== "other" || seen.has(h.offer.id)) return false;
        seen.add(h.offer.id);
        return true;
      });
      var program = programs.get(from.program), set = ruleSets.get(from.program);
      var commitment = request.commitment || plainCommitment(request.asOf);
      if (request.migration) {
        set = migrationSets.get(from.program);
        var migrated = migrationFacts(request, commitment, program);
        return conclude(set, migrated.all, migrated.facts, request);
      }
      var destination = commitment.destination, trial = commitment.trial, sale = to.sale || {};
      var moved = commitment.seats == null ? 0 : commitment.seats;

      // Every condition the request has, as Facts.conditions works them out; the point of the
      // program's condition space keeps those its rule set names (data.ruleSets[].conditions).
      var all = {
        "listed-path": hasPath(from.id, to.id) ? "yes" : "no",
        "regional-variant-path": variant ? "yes" : "no",
        "status": request.status === "active" ? "active" : "inactive",
        "holds-target": targetHoldings.length ? "yes" : "no",
        "holds-added-service": overlapping.length ? "yes" : "no",
        "other-channel-conflict": otherChannel.length ? "yes" : "no",
        "target-adds-services": added.length ? "yes" : "no",
        "legacy-withdrawn": program && program.withdrawnFrom && request.asOf >= program.withdrawnFrom ? "yes" : "no",
        "trial": trial ? "yes" : "no",
        "target-end-of-sale": sale.endOfSale && !sale.convertibleAfterEndOfSale && request.asOf >= sale.endOfSale ? "yes" : "no",
        "term-shorter": !trial && termMonths.get(commitment.toTerm) < termMonths.get(commitment.term) ? "yes" : "no",
        "billing-exceeds-term": billingMonths.get(commitment.toBilling) > termMonths.get(commitment.toTerm) ? "yes" : "no",
        "plan-offered": !sale.plans || !sale.plans.length || sale.plans.indexOf(commitment.toTerm + "/" + commitment.toBilling) >= 0 ? "yes" : "no",
        "when": commitment.when,
        "auto-renew": commitment.autoRenew ? "on" : "off",
        "destination": destination ? "yes" : "no",
        "destination-inactive": destination && destination.status !== "active" ? "yes" : "no",
        "destination-in-window": destination && destination.inWindow ? "yes" : "no",
        "destination-term-shorter": destination && !trial && termMonths.get(destination.term) < termMonths.get(commitment.term) ? "yes" : "no",
        "destination-ends-earlier": destination && destination.ends < commitment.ends ? "yes" : "no",
        "partial": commitment.seats != null && commitment.seats < commitment.of ? "yes" : "no",
        "over-seat-limit": sale.maxSeats != null && moved > sale.maxSeats ? "yes" : "no",
        "target-held-elsewhere": targetHoldings.some(function (h) { return h.channel === "other"; }) ? "yes" : "no"
      };
      // A trial converts to its own paid offer, or to any target its offer lists.
      if (trial && from.id === to.id) all["listed-path"] = "yes";
      var facts = {
        from: offerFacts(from), to: offerFacts(to), status: request.status, asOf: request.asOf,
        counterpart: variant ? offerFacts(variant) : null, addedServices: serviceNames(added),
        targetHolding: targetHoldings.length ? holdingFacts(targetHoldings[0]) : null,
        overlappingHoldings: overlapping.map(function (o) {
          var fields = holdingFacts(o.holding);
          fields.services = serviceNames(o.services);
          return fields;
        }),
        otherChannelHoldings: otherChannel.map(holdingFacts),
        commitment: commitmentFacts(commitment, sale)
      };

      return conclude(set, all, facts, request);
    }

    /// The commitment's facts a message can name, with the target's sale (Facts.commitmentValues).
    function commitmentFacts(commitment, sale) {
      var destination = commitment.destination;
      return {
        trial: commitment.trial, autoRenew: commitment.autoRenew, term: commitment.term, billing: commitment.billing,
        toTerm: commitment.toTerm, toBilling: commitment.toBilling, when: commitment.when, ends: commitment.ends,
        seats: commitment.seats == null ? null : String(commitment.seats),
        of: commitment.of == null ? null : String(commitment.of),
        plans: (sale.plans || []).join(", "),
        maxSeats: sale.maxSeats == null ? null : String(sale.maxSeats),
        endOfSale: sale.endOfSale || null,
        destination: destination ? { status: destination.status, term: destination.term, ends: destination.ends,
                                     inWindow: destination.inWindow } : null
      };
    }

    /// The conditions and facts of a migration, as Facts.migrationConditions and migrationValues work
    /// them out: `request.to` is the source's equivalent, or the source itself where it has none.
    function migrationFacts(request, commitment, program) {
      var from = request.from, to = request.to, terms = request.migration;
      var equivalent = from.equivalent ? offers.get(from.equivalent.offer) : null, sale = equivalent ? equivalent.sale || {} : {};
      var led = program && program.migration ? program.migration.microsoftLedFrom : null;
      var firstDay = terms.started ? nextDay(addMonths(terms.started, 1)) || "9999-12-31" : null;
      var moved = commitment.seats == null ? 0 : commitment.seats;
      var all = {
        "status": request.status === "active" ? "active" : "inactive",
        "has-equivalent": equivalent ? "yes" : "no",
        "migration-enabled": equivalent && from.equivalent.migrationEnabled ? "yes" : "no",
        "trial": commitment.trial ? "yes" : "no",
        "first-month": firstDay && request.asOf < firstDay ? "yes" : "no",
        // Days only: the end day and the day before hold the last 24 hours (migration-last-day).
        "last-day": commitment.when === "now" && (previousDay(commitment.ends) || "0001-01-01") <= request.asOf ? "yes" : "no",
        "new-term": terms.newTerm ? "yes" : "no",
        "promotion": terms.promotion ? "yes" : "no",
        "special-segment": terms.segment !== "commercial" ? "yes" : "no",
        "in-progress": terms.inProgress ? "yes" : "no",
        "add-ons": terms.addOns !== "none" ? "yes" : "no",
        "add-ons-block": terms.addOns === "ineligible" || terms.addOns === "recent" ? "yes" : "no",
        "billing-exceeds-term": billingMonths.get(commitment.toBilling) > termMonths.get(commitment.toTerm) ? "yes" : "no",
        "plan-offered": !equivalent || !sale.plans || !sale.plans.length || sale.plans.indexOf(commitment.toTerm + "/" + commitment.toBilling) >= 0 ? "yes" : "no",
        "over-seat-limit": equivalent && sale.maxSeats != null && moved > sale.maxSeats ? "yes" : "no",
        "when": commitment.when,
        "microsoft-led": led && request.asOf >= led ? "yes" : "no"
      };
      var facts = {
        from: offerFacts(from), to: offerFacts(to), status: request.status, asOf: request.asOf,
        counterpart: null, addedServices: [], targetHolding: null, overlappingHoldings: [], otherChannelHoldings: [],
        commitment: commitmentFacts(commitment, to.sale || {}),
        migration: {
          started: terms.started || null, canMigrateFrom: firstDay, newTerm: !!terms.newTerm, promotion: !!terms.promotion,
          segment: terms.segment, addOns: terms.addOns,
          addOnProblem: terms.addOns === "recent" ? "was bought in the last 30 days"
            : terms.addOns === "ineligible" ? "has no eligible new-commerce equivalent" : null,
          inProgress: !!terms.inProgress, microsoftLedFrom: led || null,
          mapping: from.equivalent ? from.equivalent.source : null
        }
      };
      return { all: all, facts: facts };
    }

    /// The reasons and advice of a rule set at the request's point, as RuleCore.decide gives them.
    function conclude(set, all, facts, request) {
      var point = {};
      set.conditions.forEach(function (condition) { if (own(all, condition.id)) point[condition.id] = all[condition.id]; });
      var reasons = set.rules.filter(function (rule) { return holds(rule.when, point); }).map(function (rule) {
        return { code: rule.code, rule: rule.id, message: render(rule.message, [facts]), remedy: remedyFor(rule, facts) };
      });
      var verdict = reasons.length ? "blocked" : "eligible";
      point.verdict = verdict;
      var advisories = [];
      set.advisories.forEach(function (advice) {
        if (!holds(advice.when, point)) return;
        var scopes = [[facts]];
        if (advice.each) {
          var items = factAt(advice.each.split("."), [facts]);
          scopes = Array.isArray(items) ? items.map(function (item) { return [facts, item]; }) : [];
        }
        scopes.forEach(function (scope) {
          var entry = { code: advice.code, message: render(advice.message, scope) };
          var offer = advice.offer ? printed(factAt(advice.offer.split("."), scope)) : "";
          if (offer) entry.offer = offer;
          advisories.push(entry);
        });
      });
      return {
        from: request.from.id, to: request.to.id, status: request.status, asOf: request.asOf, verdict: verdict,
        reasons: reasons, advisories: advisories
      };
    }

    /// The migration of a request's source to its equivalent (RuleCore.migration(of:terms:)).
    function migrationOf(request) {
      var from = request.from, equivalent = from.equivalent ? offers.get(from.equivalent.offer) : null;
      return { from: from, to: equivalent || from, status: request.status, holdings: [], asOf: request.asOf,
               commitment: request.commitment || plainCommitment(request.asOf), migration: request.migration };
    }

    /// The subscription a migration leaves, for the upgrade after it (RuleCore.commitmentAfter).
    function commitmentAfter(migration) {
      var asked = migration.commitment, terms = migration.migration;
      var start = asked.when === "renewal" ? asked.ends : migration.asOf;
      var fresh = addMonths(start, termMonths.get(asked.toTerm));
      var ends = terms.newTerm || asked.when === "renewal" ? fresh
        : asked.toTerm === asked.term ? asked.ends : (asked.ends < fresh ? asked.ends : fresh);
      return { trial: false, autoRenew: true, term: asked.toTerm, billing: asked.toBilling, toTerm: asked.toTerm,
               toBilling: asked.toBilling, when: "now", seats: asked.seats, of: asked.seats, ends: ends, destination: null };
    }

    /// A request that migrates, as steps (RuleCore.plan): the migration, then the upgrade to the
    /// target where that is another offer. Eligible exactly when every step is.
    function plan(request) {
      var migration = migrationOf(request);
      var steps = [{ kind: "migrate", decision: decide(migration) }];
      if (request.from.equivalent && migration.to.id !== request.to.id) {
        var upgrade = { from: migration.to, to: request.to, status: "active", holdings: [], asOf: request.asOf,
                        commitment: commitmentAfter(migration) };
        steps.push({ kind: "upgrade", decision: decide(upgrade) });
      }
      var verdict = steps.every(function (step) { return step.decision.verdict === "eligible"; }) ? "eligible" : "blocked";
      return { verdict: verdict, steps: steps };
    }

    /// Whether a question from `from` to `to` crosses into the program `from`'s migrates to.
    function crosses(from, to) {
      var program = programs.get(from.program);
      return !!(program && program.migration && to && program.migration.to === to.program);
    }

    /// What a typed name stands for, from the model's own table of names: `{offer}`, with a
    /// `note` for a former name; `{refusal}` for a different product; or `{suggestion}`.
    function resolve(text, program) {
      var key = fold(text), entry = names.has(key) ? names.get(key) : null;
      if (entry && entry.shared) {
        var meaning = entry.shared.filter(function (m) { return m.program === program; })[0];
        if (!meaning) return { shared: entry.shared.map(function (m) { return offers.get(typeof m.meaning === "string" ? m.meaning : m.meaning.offer); }) };
        entry = meaning.meaning;
      }
      if (typeof entry === "string") return { offer: offers.get(entry) };
      if (entry && entry.offer) return { offer: offers.get(entry.offer), note: entry.note };
      if (entry && entry.refusal) return { refusal: entry.refusal };
      return { suggestion: closest(key, program) };
    }

    /// The offer nearest a folded name, by the same measure `explain` uses, over every name that
    /// resolves to an offer (of `program`, when the question names one); ties go to the smaller id.
    function closest(key, program) {
      var length = Array.from(key).length, limit = Math.max(1, Math.floor(length / 2)), best = null;
      names.forEach(function (entry, candidate) {
        if (Math.abs(Array.from(candidate).length - length) > limit) return;
        var meanings = entry && entry.shared ? entry.shared.map(function (m) { return m.meaning; }) : [entry];
        meanings.forEach(function (meaning) {
          var id = typeof meaning === "string" ? meaning : meaning.offer;
          if (!id || (program && offers.get(id).program !== program)) return;
          var distance = levenshtein(key, candidate);
          if (distance <= limit && (!best || distance < best.distance || (distance === best.distance && id < best.id))) {
            best = { id: id, distance: distance };
          }
        });
      });
      return best && best.id;
    }

    return {
      decide: decide, resolve: resolve, fold: fold, offers: offers, data: data, ruleSets: ruleSets, addMonths: addMonths,
      termMonths: termMonths, billingMonths: billingMonths, plan: plan, crosses: crosses, migrationSets: migrationSets,
      programs: programs
    };
  }

  // ---- The question, from the address --------------------------------------

  var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

  /// A day as `explain` accepts one: `YYYY-MM-DD`, a day of the calendar, within the limits the
  /// checker's data gives (no year 0).
  function validDate(text, limits) {
    var m = DATE.exec(text);
    if (!m || text < limits.earliest || text > limits.latest) return false;
    var y = +m[1], mo = +m[2], d = +m[3];
    var days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    return mo >= 1 && mo <= 12 && d >= 1 && d <= days[mo - 1];
  }

  /// The other subscriptions a query string names: `holds` lists, comma-separated, any number of times.
  function heldItems(params) {
    var items = [];
    params.getAll("holds").forEach(function (list) {
      list.split(",").map(function (s) { return s.trim(); }).filter(Boolean).forEach(function (item) { items.push(item); });
    });
    return items;
  }

  /// The commitment fields of a query, as `explain` names them in its flags and Question.Terms reads
  /// them: parameter, label, and `explain`'s flag.
  var TERM_FIELDS = [
    ["trial", "Trial"], ["autoRenew", "Auto-renew"], ["term", "Term"], ["billing", "Billing"], ["toTerm", "Target term"],
    ["toBilling", "Target billing"], ["when", "When"], ["seats", "Seats"], ["of", "Of seats"], ["ends", "Term ends"],
    ["destStatus", "Existing subscription's status"], ["destTerm", "Existing subscription's term"],
    ["destEnds", "Existing subscription ends"], ["destInWindow", "Existing subscription in its cancellation window"]
  ];

  /// The migration fields of a query, as `explain` names them and Question.MigrationParts reads them.
  var MIGRATION_FIELDS = [
    ["started", "Started"], ["newTerm", "New term"], ["promotion", "Promotion"], ["segment", "Segment"],
    ["addOns", "Add-ons"], ["inProgress", "Migration in progress"]
  ];

  function flagOf(params, name) {
    var v = params.get(name);
    return v != null && v !== "" && v !== "0" && v.toLowerCase() !== "false";
  }

  /// The migration's terms a query says (Question.MigrationParts.terms), or null with each problem added.
  function parseMigration(core, params, asOf, problems) {
    var data = core.data, before = problems.length;
    function choice(name, label, known, what) {
      var text = params.get(name);
      if (text == null || text === "") return null;
      var found = known.filter(function (k) { return k.toLowerCase() === text.toLowerCase(); })[0];
      if (!found) problems.push(label + ": unknown " + what + " '" + text + "'; use one of " + known.join(", ") + ".");
      return found || null;
    }
    var started = params.get("started") || null;
    if (started && !validDate(started, data.limits)) {
      problems.push("Started: '" + started + "' is not a valid date; write YYYY-MM-DD, from " + data.limits.earliest +
        " to " + data.limits.latest + ".");
    } else if (started && asOf < started) {
      problems.push("Started: the subscription starts on " + started + ", after the day asked about (" + asOf + ").");
    }
    var segment = choice("segment", "Segment", data.segments, "segment");
    var addOns = choice("addOns", "Add-ons", data.addOns, "add-ons");
    if (problems.length > before) return null;
    return { started: started, newTerm: flagOf(params, "newTerm"), promotion: flagOf(params, "promotion"),
             segment: segment || "commercial", addOns: addOns || "none", inProgress: flagOf(params, "inProgress") };
  }

  /// The commitment a query says, as Question.Terms.commitment reads it, or null with each problem added.
  function parseTerms(core, params, asOf, problems, migrating) {
    var data = core.data, before = problems.length;
    function problem(label, message) { problems.push(label + ": " + message + "."); }
    function flag(name) { var v = params.get(name); return v != null && v !== "" && v !== "0" && v.toLowerCase() !== "false"; }
    function choice(name, label, known, what) {
      var text = params.get(name);
      if (text == null || text === "") return null;
      var found = known.filter(function (k) { return k.toLowerCase() === text.toLowerCase(); })[0];
      if (!found) problem(label, "unknown " + what + " '" + text + "'; use one of " + known.join(", "));
      return found || null;
    }
    function date(name, label) {
      var text = params.get(name);
      if (text == null || text === "") return null;
      if (!validDate(text, data.limits)) {
        problem(label, "'" + text + "' is not a valid date; write YYYY-MM-DD, from " + data.limits.earliest + " to " + data.limits.latest);
        return null;
      }
      return text;
    }
    function count(name, label) {
      var text = params.get(name);
      if (text == null || text === "") return null;
      if (!/^[0-9]+$/.test(text) || +text < 1 || +text > data.limits.seats) {
        problem(label, "'" + text + "' is not a number of seats from 1 to " + data.limits.seats);
        return null;
      }
      return +text;
    }
    var terms = data.terms.map(function (t) { return t.id; }), billings = data.billings.map(function (b) { return b.id; });
    var renew = params.get("autoRenew"), autoRenew = true;
    if (renew != null && renew !== "") {
      if (renew.toLowerCase() === "off") autoRenew = false;
      else if (renew.toLowerCase() !== "on") problem("Auto-renew", "auto-renew is on or off, not '" + renew + "'");
    }
    var term = choice("term", "Term", terms, "term"), billing = choice("billing", "Billing", billings, "billing");
    var toTerm = choice("toTerm", "Target term", terms, "term"), toBilling = choice("toBilling", "Target billing", billings, "billing");
    var when = choice("when", "When", data.timings, "timing");
    var seatsGiven = params.get("seats"), ofGiven = params.get("of");
    var moved = count("seats", "Seats"), held = count("of", "Of seats"), seats = null, of = null;
    if (migrating && moved != null) {
      // A migration's seats are the new subscription's, more or fewer than those held.
      seats = moved; of = held != null ? held : moved;
    } else if (migrating && !seatsGiven && ofGiven) {
      problem("Seats", "give the seats the new subscription is to have: --seats N");
    } else if (moved != null && held != null) {
      if (moved > held) problem("Seats", moved + " seats cannot move from a subscription of " + held + "; move at most " + held + ", then add seats");
      else { seats = moved; of = held; }
    } else if (held == null && seatsGiven && !ofGiven) {
      problem("Of seats", "give the seats held with the seats moved: --seats N --of M");
    } else if (moved == null && !seatsGiven && ofGiven) {
      problem("Seats", "give the seats moved with the seats held: --seats N --of M");
    }
    var ends = date("ends", "Term ends");
    if (ends && ends < asOf) problem("Term ends", "the source's term ends on " + ends + ", before the day asked about (" + asOf + ")");
    var destStatus = choice("destStatus", "Existing subscription's status", data.statuses, "status");
    var destTerm = choice("destTerm", "Existing subscription's term", terms, "term");
    var destEnds = date("destEnds", "Existing subscription ends");
    if (problems.length > before) return null;
    term = term || "P1Y"; billing = billing || "monthly";
    var commitment = {
      trial: flag("trial"), autoRenew: autoRenew, term: term, billing: billing, toTerm: toTerm || term,
      toBilling: toBilling || billing, when: when || "now", seats: seats, of: of,
      ends: ends || core.addMonths(asOf, core.termMonths.get(term)), destination: null
    };
    var hasDestination = ["destStatus", "destTerm", "destEnds"].some(function (n) { return params.get(n); }) || flag("destInWindow");
    if (hasDestination) {
      commitment.destination = { status: destStatus || "active", term: destTerm || commitment.term,
                                 ends: destEnds || commitment.ends, inWindow: flag("destInWindow") };
    }
    return commitment;
  }

  /// The request a query string asks, or the problems that stop it being asked.
  function parseQuery(core, params) {
    var problems = [], notes = [], missing = 0, program = null;
    var programText = params.get("program");
    if (programText) {
      program = core.data.programs.filter(function (p) { return fold(p.id) === fold(programText); }).map(function (p) { return p.id; })[0] || null;
      if (!program) {
        problems.push("Program: unknown program '" + programText + "'; use one of " +
          core.data.programs.map(function (p) { return p.id; }).join(", ") + ".");
      }
    }
    function offer(text, what) {
      if (!text) {
        problems.push(what + ": name an offer (an id, official name, alias or former name).");
        missing++;
        return null;
      }
      var found = core.resolve(text, program);
      if (found.shared) {
        problems.push(what + ": '" + text + "' names offers of several programs: " +
          found.shared.map(function (o) { return o.id + " (" + o.program + ")"; }).join(", ") + "; name the program, or use an id.");
        return null;
      }
      if (found.note && notes.indexOf(found.note) < 0) notes.push(found.note);
      if (found.refusal) problems.push(what + ": " + found.refusal);
      if (!found.offer && !found.refusal) {
        var hint = found.suggestion;
        problems.push(what + ": there is no offer '" + text + "'" + (hint ? "; did you mean '" + hint + "'?" : "."));
      }
      return found.offer || null;
    }
    var from = offer(params.get("from"), "Current offer");
    var migrate = flagOf(params, "migrate"), to = null;
    if (migrate) {
      if (params.get("to")) {
        problems.push("Migrate: a migration goes to the source's equivalent only; leave out the target, or ask " +
          "without the migration for a plan of steps to it.");
      }
      var route = from && core.programs.get(from.program).migration;
      if (from && !route) {
        problems.push("Migrate: " + from.name + " is an offer of the " + from.program + " program, whose subscriptions " +
          "do not migrate to another program.");
      }
      to = from ? (from.equivalent && core.offers.get(from.equivalent.offer)) || from : null;
    } else {
      to = offer(params.get("to"), "Upgrade to");
    }
    // A question from a program that migrates to the target's is answered by migrating first.
    var migrating = migrate || (from != null && core.crosses(from, to));
    var status = (params.get("status") || "active").toLowerCase();
    if (core.data.statuses.indexOf(status) < 0) {
      problems.push("Status: '" + params.get("status") + "' is not a status; use one of " + core.data.statuses.join(", ") + ".");
    }
    var holdings = [], limits = core.data.limits, items = heldItems(params);
    // Counted before any is resolved, so a link naming thousands costs no more than one naming a few.
    if (items.length > limits.holdings) {
      problems.push("Other subscriptions: " + limits.tooManyHoldings.replace("{count}", String(items.length)) + ".");
      items = [];
    }
    items.forEach(function (item) {
      // Split at the first "@", as explain's HoldingSpec does.
      var at = item.indexOf("@"), name = item, channel = "partner";
      if (at >= 0) {
        channel = item.slice(at + 1).toLowerCase();
        name = item.slice(0, at);
        if (!name || (channel !== "other" && channel !== "partner")) {
          problems.push("Other subscriptions: '" + item + "' is not offer, offer@partner or offer@other.");
          return;
        }
      }
      var held = offer(name, "Other subscriptions");
      if (held) holdings.push({ offer: held, channel: channel });
    });
    var asOf = params.get("asOf") || core.data.asOf;
    if (!validDate(asOf, limits)) problems.push("As of: '" + asOf + "' is not a date; write YYYY-MM-DD, such as 2022-03-01.");
    var commitment = null, migration = null;
    if (from && validDate(asOf, limits)) {
      if (migrating) {
        TERM_FIELDS.slice(10).forEach(function (field) {
          if (field[0] === "destInWindow" ? flagOf(params, field[0]) : params.get(field[0])) {
            problems.push(field[1] + ": a migration makes a new subscription; it joins no existing one.");
          }
        });
        commitment = parseTerms(core, params, asOf, problems, true);
        migration = parseMigration(core, params, asOf, problems);
      } else if (core.ruleSets.get(from.program).readsCommitment) {
        commitment = parseTerms(core, params, asOf, problems);
      } else {
        TERM_FIELDS.forEach(function (field) {
          var value = params.get(field[0]);
          if (value == null || value === "" || ((field[0] === "trial" || field[0] === "destInWindow") && (value === "0" || value.toLowerCase() === "false"))) return;
          problems.push(field[1] + ": " + from.name + " is an offer of the " + from.program + " program, which does not " +
            "decide on terms, billing, seats, timing or an existing subscription.");
        });
      }
      if (!migrating) {
        MIGRATION_FIELDS.forEach(function (field) {
          var value = params.get(field[0]), text = field[0] === "started" || field[0] === "segment" || field[0] === "addOns";
          if (text ? value == null || value === "" : !flagOf(params, field[0])) return;
          problems.push(field[1] + ": this is about a migration, and the question asks none: ask with a target in the " +
            "program " + from.name + " migrates to, or ask for the migration alone.");
        });
      }
    }
    if (problems.length) return { problems: problems, onlyMissing: missing === problems.length };
    var request = { from: from, to: to, status: status, holdings: holdings, asOf: asOf };
    if (commitment) request.commitment = commitment;
    if (migration) request.migration = migration;
    if (migrate) request.migrate = true;
    if (program) request.program = program;
    return { request: request, notes: notes };
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
    if (request.migrate) params.set("migrate", "1"); else params.set("to", request.to.id);
    if (request.status !== "active") params.set("status", request.status);
    if (request.holdings.length) {
      params.set("holds", request.holdings.map(function (h) { return h.offer.id + (h.channel === "other" ? "@other" : ""); }).join(","));
    }
    params.set("asOf", request.asOf);
    var c = request.commitment;
    if (c) {
      if (c.trial) params.set("trial", "1");
      if (!c.autoRenew) params.set("autoRenew", "off");
      if (c.term !== "P1Y") params.set("term", c.term);
      if (c.billing !== "monthly") params.set("billing", c.billing);
      if (c.toTerm !== c.term) params.set("toTerm", c.toTerm);
      if (c.toBilling !== c.billing) params.set("toBilling", c.toBilling);
      if (c.when !== "now") params.set("when", c.when);
      if (c.seats != null) { params.set("seats", String(c.seats)); params.set("of", String(c.of)); }
      params.set("ends", c.ends);
      if (c.destination && !request.migration) {
        params.set("destStatus", c.destination.status);
        params.set("destTerm", c.destination.term);
        params.set("destEnds", c.destination.ends);
        if (c.destination.inWindow) params.set("destInWindow", "1");
      }
    }
    var m = request.migration;
    if (m) {
      if (m.started) params.set("started", m.started);
      if (m.newTerm) params.set("newTerm", "1");
      if (m.promotion) params.set("promotion", "1");
      if (m.segment !== "commercial") params.set("segment", m.segment);
      if (m.addOns !== "none") params.set("addOns", m.addOns);
      if (m.inProgress) params.set("inProgress", "1");
    }
    return "?" + params.toString();
  }

  /// Every program's advice; codes are unique across programs.
  function allAdvice(data) {
    return data.ruleSets.reduce(function (all, set) { return all.concat(set.advisories); }, []);
  }

  /// The caution an eligible decision is shown with: the words of its first advice that has one.
  function cautionOf(decision, data) {
    if (decision.verdict !== "eligible") return null;
    var found = decision.advisories.map(function (a) {
      return allAdvice(data).filter(function (advice) { return advice.code === a.code; })[0];
    }).filter(function (advice) { return advice && advice.caution; })[0];
    return found ? found.caution : null;
  }

  function summaryLine(decision, request, data) {
    var held = request.holdings.map(function (h) { return h.offer.name + (h.channel === "other" ? " (other channel)" : ""); });
    var caution = data ? cautionOf(decision, data) : null;
    var verdict = decision.verdict === "eligible" ? (caution ? "ELIGIBLE, WITH CAUTION (" + caution + ")" : "ELIGIBLE") : "BLOCKED";
    return verdict + ": " + request.from.name + " → " + request.to.name +
      " (" + request.status + (held.length ? "; also has " + held.join(", ") : "") + "; as of " + request.asOf + ")" +
      (decision.reasons.length ? ". Why: " + decision.reasons.map(function (r) { return r.rule + " " + r.message; }).join(" ") : ".");
  }

  /// `opened`: the page was just opened with part of a question (an offer page's link names only
  /// the current offer): what is missing is asked for, not shown as a problem.
  function renderAnswer(answer, core, parsed, opened) {
    while (answer.firstChild) answer.removeChild(answer.firstChild);
    ["data-verdict", "data-reasons", "data-advisories"].forEach(function (name) { answer.removeAttribute(name); });
    if (parsed.problems) {
      var prompt = opened && parsed.onlyMissing;
      answer.appendChild(element("div", { role: "alert", class: prompt ? "checker-prompt" : "checker-problems" }, [
        element("p", {}, [prompt ? "To ask the question, name:" : "This question cannot be asked yet:"]),
        element("ul", {}, parsed.problems.map(function (p) { return element("li", {}, [p]); }))
      ]));
      return;
    }
    var request = parsed.request;
    if (request.migration) {
      renderPlan(answer, core, parsed);
      return;
    }
    var decision = core.decide(request);
    answer.setAttribute("data-verdict", decision.verdict);
    answer.setAttribute("data-reasons", decision.reasons.map(function (r) { return r.code; }).join(" "));
    answer.setAttribute("data-advisories", decision.advisories.map(function (a) { return a.code; }).join(" "));
    var count = decision.reasons.length;
    var caution = cautionOf(decision, core.data);
    answer.appendChild(element("h2", { class: "verdict verdict-" + decision.verdict + (caution ? " verdict-caution" : "") }, [
      decision.verdict !== "eligible" ? "✗ Blocked (" + count + " reason" + (count === 1 ? "" : "s") + ")"
        : caution ? "✓⚠ Eligible, with caution: " + caution : "✓ Eligible"
    ]));
    answer.appendChild(element("p", { class: "question" }, [request.from.name + " → " + request.to.name + ", status " +
      request.status + ", as of " + request.asOf + "."]));
    (parsed.notes || []).forEach(function (note) { answer.appendChild(element("p", { class: "name-note" }, [note])); });
    if (count) {
      answer.appendChild(element("h3", {}, ["Why"]));
      answer.appendChild(reasonList(decision, core.ruleSets.get(request.from.program)));
    }
    if (decision.advisories.length) {
      answer.appendChild(element("h3", {}, ["Advice"]));
      answer.appendChild(element("ul", { class: "advisories" }, decision.advisories.map(function (advisory) {
        var children = [element("span", { class: "message" }, [advisory.message])];
        // Advice that points to an offer the question did not name can be asked again with it.
        var pointed = advisory.offer && core.offers.get(advisory.offer);
        if (pointed && pointed.id !== request.to.id && request.holdings.every(function (h) { return h.offer.id !== pointed.id; })) {
          var again = { from: request.from, to: pointed, status: request.status,
                        holdings: request.holdings, asOf: request.asOf, commitment: request.commitment };
          children.push(" ", element("a", { href: queryOf(again) }, ["Ask again with " + again.to.name]));
        }
        return element("li", { "data-code": advisory.code }, children);
      })));
    }
    share(answer, summaryLine(decision, request, core.data), request);
  }

  /// The reasons of a decision, each with its rule's link and what to do; the rule comes from the
  /// set that decided.
  function reasonList(decision, set) {
    return element("ol", { class: "reasons" }, decision.reasons.map(function (reason) {
      var rule = set.rules.filter(function (r) { return r.id === reason.rule; })[0];
      return element("li", { "data-code": reason.code }, [
        rule.link ? element("a", { href: rule.link }, [reason.rule]) : reason.rule, " ",
        element("span", { class: "message" }, [reason.message]),
        element("p", { class: "remedy" }, ["What to do: " + reason.remedy])
      ]);
    }));
  }

  /// A question that migrates, answered as its plan: one element per step, each with its kind,
  /// verdict and reasons, as `explain` gives the steps.
  function renderPlan(answer, core, parsed) {
    var request = parsed.request, plan = core.plan(request);
    var reasons = [], advisories = [];
    plan.steps.forEach(function (step) {
      reasons = reasons.concat(step.decision.reasons);
      advisories = advisories.concat(step.decision.advisories);
    });
    answer.setAttribute("data-verdict", plan.verdict);
    answer.setAttribute("data-reasons", reasons.map(function (r) { return r.code; }).join(" "));
    answer.setAttribute("data-advisories", advisories.map(function (a) { return a.code; }).join(" "));
    var count = reasons.length, alone = request.migrate || plan.steps.length === 1 && request.to.id === plan.steps[0].decision.to;
    var what = alone ? "Migration" : "Plan";
    answer.appendChild(element("h2", { class: "verdict verdict-" + plan.verdict }, [
      plan.verdict === "eligible" ? "✓ " + what + " eligible" : "✗ " + what + " blocked (" + count + " reason" + (count === 1 ? "" : "s") + ")"
    ]));
    var name = function (offer) {
      var program = core.programs.get(offer.program);
      return offer.name + " (" + (program ? program.name : offer.program) + ")";
    };
    var target = alone ? "its new-commerce equivalent" : name(request.to);
    answer.appendChild(element("p", { class: "question" }, [name(request.from) + " → " + target + ", status " +
      request.status + ", as of " + request.asOf + (plan.steps.length > 1 ? ": migrate first, then upgrade." :
      alone ? "." : ": no plan, since the migration has nowhere to go.")]));
    (parsed.notes || []).forEach(function (note) { answer.appendChild(element("p", { class: "name-note" }, [note])); });
    plan.steps.forEach(function (step, index) {
      var decision = step.decision, from = core.offers.get(decision.from), to = core.offers.get(decision.to);
      var set = step.kind === "migrate" ? core.migrationSets.get(from.program) : core.ruleSets.get(from.program);
      var nowhere = step.kind === "migrate" && decision.to === decision.from;
      var heading = "Step " + (index + 1) + ": " + (step.kind === "migrate" ? "migrate " : "upgrade ") + name(from) +
        (nowhere ? ", to no equivalent" : " → " + name(to)) + ": " +
        (decision.verdict === "eligible" ? "✓ eligible" : "✗ blocked");
      var children = [element("h3", {}, [heading])];
      if (decision.reasons.length) children.push(reasonList(decision, set));
      if (decision.advisories.length) {
        children.push(element("ul", { class: "advisories" }, decision.advisories.map(function (advisory) {
          return element("li", { "data-code": advisory.code }, [element("span", { class: "message" }, [advisory.message])]);
        })));
      }
      answer.appendChild(element("section", {
        class: "step step-" + step.kind, "data-step": step.kind, "data-verdict": decision.verdict,
        "data-reasons": decision.reasons.map(function (r) { return r.code; }).join(" ")
      }, children));
    });
    var line = (plan.verdict === "eligible" ? "ELIGIBLE " : "BLOCKED ") + what.toUpperCase() + ": " + name(request.from) +
      " → " + target + " (" + request.status + "; as of " + request.asOf + ")" +
      plan.steps.map(function (step, index) {
        return ". Step " + (index + 1) + " " + step.kind + ": " + step.decision.verdict +
          step.decision.reasons.map(function (r) { return " " + r.rule + " " + r.message; }).join("");
      }).join("") + ".";
    share(answer, line, request);
  }

  function share(answer, line, request) {
    answer.appendChild(element("h3", {}, ["Share this answer"]));
    var copy = element("button", { type: "button", id: "copy-summary" }, ["Copy"]);
    copy.addEventListener("click", function () {
      var field = document.getElementById("summary-line");
      var select = function () { field.select(); };
      // The site's script copies; where a layout leaves it out, the line is selected for the agent to copy.
      if (global.UpgradeDocs && global.UpgradeDocs.copy) global.UpgradeDocs.copy(field.value, select, copy);
      else select();
    });
    answer.appendChild(element("p", {}, [
      element("label", { for: "summary-line" }, ["For a ticket: "]),
      element("input", { id: "summary-line", readonly: "readonly", value: line, size: "60" }), " ", copy
    ]));
    answer.appendChild(element("p", {}, [element("a", { href: queryOf(request), id: "permalink" }, ["Link to this question"])]));
  }

  function start() {
    var data = global.UPGRADEDOCS_DATA, answer = document.getElementById("answer"), form = document.getElementById("checker");
    if (!data || !answer || !form) return;
    var core = makeCore(data);
    var names = document.getElementById("offer-names");
    data.offers.forEach(function (offer) {
      [offer.name, offer.id].concat(offer.aliases, offer.formerly).forEach(function (name) {
        names.appendChild(element("option", { value: name }));
      });
    });
    var holdings = document.getElementById("holdings-list");

    function addHolding(name, channel) {
      var index = holdings.children.length + 1;
      var offerInput = element("input", { id: "held-" + index, list: "offer-names", autocomplete: "off", value: name || "" });
      var channelSelect = element("select", { id: "channel-" + index }, [
        element("option", { value: "partner" }, ["from this partner"]),
        element("option", { value: "other" }, ["from another partner or channel"])
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

    // The choices the data gives: programs, statuses, terms, billings and timings.
    data.programs.forEach(function (program) {
      form.elements.program.appendChild(element("option", { value: program.id }, [program.name]));
    });
    data.statuses.forEach(function (status) {
      if (status !== "active") form.elements.status.appendChild(element("option", { value: status }, [status]));
    });
    var CHOICES = { term: "terms", billing: "billings", toTerm: "terms", toBilling: "billings", when: "timings",
                    destStatus: "statuses", destTerm: "terms", segment: "segments", addOns: "addOns" };
    Object.keys(CHOICES).forEach(function (name) {
      data[CHOICES[name]].forEach(function (choice) {
        var id = typeof choice === "string" ? choice : choice.id;
        form.elements[name].appendChild(element("option", { value: id }, [id]));
      });
    });
    var commitment = document.getElementById("commitment"), migrationFields = document.getElementById("migration");
    var destinationFields = commitment.querySelector(".destination");
    var TERM_NAMES = TERM_FIELDS.map(function (field) { return field[0]; });
    var MIGRATION_NAMES = ["migrate"].concat(MIGRATION_FIELDS.map(function (field) { return field[0]; }));
    // Segment and add-on choices, which the data gives; "commercial" and "none" are the defaults.
    ["segment", "addOns"].forEach(function (name) {
      Array.prototype.slice.call(form.elements[name].options, 1).forEach(function (option) {
        if (option.value === "commercial" || option.value === "none") option.parentNode.removeChild(option);
      });
    });

    /// The commitment's fields show for an offer whose program decides on them or migrates, and the
    /// migration's for an offer whose program migrates; the page as written shows them all, for a
    /// reader without the script.
    function showCommitment() {
      var found = core.resolve(form.elements.from.value.trim(), form.elements.program.value || null);
      var set = found.offer && core.ruleSets.get(found.offer.program);
      var migrates = !!(found.offer && core.programs.get(found.offer.program).migration);
      commitment.hidden = !(set && set.readsCommitment) && !migrates;
      // A migration makes a new subscription: an existing one to join is a question of the program's own rules.
      destinationFields.hidden = !(set && set.readsCommitment);
      migrationFields.hidden = !migrates;
      form.elements.to.disabled = migrates && form.elements.migrate.checked;
    }

    function fieldValue(name) {
      var field = form.elements[name];
      return field.type === "checkbox" ? (field.checked ? "1" : "") : field.value.trim();
    }

    function paramsFromForm() {
      var params = new URLSearchParams();
      ["from", "to", "program", "status", "asOf"].forEach(function (name) {
        var value = form.elements[name].disabled ? "" : form.elements[name].value.trim();
        if (value) params.set(name, value);
      });
      if (!commitment.hidden) {
        TERM_NAMES.forEach(function (name) {
          if (destinationFields.hidden && name.indexOf("dest") === 0) return;
          var value = fieldValue(name);
          if (value) params.set(name, value);
        });
      }
      if (!migrationFields.hidden) {
        MIGRATION_NAMES.forEach(function (name) {
          var value = fieldValue(name);
          if (value) params.set(name, value);
        });
      }
      var held = Array.prototype.map.call(holdings.children, function (row) {
        var input = row.querySelector("input"), select = row.querySelector("select");
        return input.value.trim() ? input.value.trim() + (select.value === "other" ? "@other" : "") : "";
      }).filter(Boolean);
      if (held.length) params.set("holds", held.join(","));
      return params;
    }

    function update() {
      showCommitment();
      var params = paramsFromForm();
      renderAnswer(answer, core, parseQuery(core, params));
      if (global.history && history.replaceState) {
        try { history.replaceState(null, "", "?" + params.toString()); } catch (e) { /* some file:// pages refuse */ }
      }
    }

    // The question in the address fills the form, so the answer shows with no typing.
    var params = new URLSearchParams(global.location.search);
    // An id in the address shows as the offer's name, as an agent would type it, unless the name
    // is sold in several programs and would then stand for either.
    function shown(text) {
      if (!text || !core.offers.has(text)) return text || "";
      var name = core.offers.get(text).name, found = core.resolve(name, params.get("program"));
      return found.offer && found.offer.id === text ? name : text;
    }
    // As the fields' default values, so the page as saved or printed shows them too.
    form.elements.from.defaultValue = shown(params.get("from"));
    form.elements.to.defaultValue = shown(params.get("to"));
    form.elements.program.value = params.get("program") || "";
    form.elements.status.value = (params.get("status") || "active").toLowerCase();
    form.elements.asOf.value = params.get("asOf") || data.asOf;
    TERM_NAMES.concat(MIGRATION_NAMES).forEach(function (name) {
      var field = form.elements[name], value = params.get(name);
      if (value == null) return;
      if (field.type === "checkbox") field.checked = value !== "" && value !== "0" && value.toLowerCase() !== "false";
      else field.value = value;
    });
    showCommitment();
    var held = heldItems(params);
    // More than a question may name are not laid out: the answer says why it cannot be asked.
    if (held.length <= data.limits.holdings) {
      held.forEach(function (item) {
        var at = item.indexOf("@");
        addHolding(at >= 0 ? item.slice(0, at) : item, at >= 0 ? item.slice(at + 1).toLowerCase() : "partner");
      });
    }
    document.getElementById("add-holding").addEventListener("click", function () { addHolding().focus(); });
    form.addEventListener("input", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    form.hidden = false;
    if (params.get("from") || params.get("to")) {
      renderAnswer(answer, core, parseQuery(core, params), true);
    }
  }

  global.UpgradeChecker = { makeCore: makeCore, parseQuery: parseQuery, summaryLine: summaryLine, cautionOf: cautionOf };
  if (typeof module !== "undefined" && module.exports) module.exports = global.UpgradeChecker;
  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
  }
})(typeof window !== "undefined" ? window : globalThis);
