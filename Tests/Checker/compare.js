// The comparison both runners share, under Node (equivalence.js) and in Chromium
// (CheckerEquivalenceTests): each case's request decided by the checker, held
// field by field against what `RuleCore.decide` answered; a case that migrates,
// planned, against `RuleCore.plan`'s steps.
(function (global) {
  "use strict";

  function strip(decision) {
    return {
      from: decision.from, to: decision.to, status: decision.status, asOf: decision.asOf, verdict: decision.verdict,
      reasons: decision.reasons.map((r) => ({ code: r.code, rule: r.rule, message: r.message, remedy: r.remedy })),
      advisories: decision.advisories.map((a) => ({ code: a.code, message: a.message })),
    };
  }

  // Returns the count line, after the first five mismatches.
  function compareWithRuleCore(checker, data, cases) {
    const core = checker.makeCore(data);
    const lines = [];
    let mismatches = 0;
    for (const c of cases) {
      const request = {
        from: core.offers.get(c.from), to: core.offers.get(c.to), status: c.status, asOf: c.asOf,
        holdings: c.holds.map((h) => ({ offer: core.offers.get(h.offer), channel: h.channel })),
        commitment: c.commitment,
      };
      let got;
      if (c.migration) {
        request.migration = c.migration;
        const plan = core.plan(request);
        got = JSON.stringify({
          verdict: plan.verdict, steps: plan.steps.map((s) => ({ kind: s.kind, decision: strip(s.decision) })),
        });
      } else {
        got = JSON.stringify(strip(core.decide(request)));
      }
      if (got !== JSON.stringify(c.expected)) {
        mismatches++;
        if (mismatches <= 5) lines.push("MISMATCH\n  request " + JSON.stringify(c) + "\n  checker " + got);
      }
    }
    lines.push(`${cases.length} requests, ${mismatches} mismatches`);
    return { mismatches: mismatches, text: lines.join("\n") };
  }

  global.compareWithRuleCore = compareWithRuleCore;
  if (typeof module !== "undefined" && module.exports) module.exports = compareWithRuleCore;
})(typeof window !== "undefined" ? window : globalThis);
