// Holds the checker's decisions against the rule core's, field by field.
//   node equivalence.js checker-data.js checker.js cases.json
// Each case is a request and what `RuleCore.decide` answered; prints a count,
// the first mismatches, and exits 1 on any.
"use strict";
const fs = require("fs");
const vm = require("vm");
const [dataFile, checkerFile, casesFile] = process.argv.slice(2);
vm.runInThisContext(fs.readFileSync(dataFile, "utf8"), { filename: dataFile });
const checker = require(require("path").resolve(checkerFile));
const core = checker.makeCore(globalThis.UPGRADEDOCS_DATA);
const cases = JSON.parse(fs.readFileSync(casesFile, "utf8"));

function strip(decision) {
  return {
    from: decision.from, to: decision.to, status: decision.status, asOf: decision.asOf, verdict: decision.verdict,
    reasons: decision.reasons.map((r) => ({ code: r.code, rule: r.rule, message: r.message, remedy: r.remedy })),
    advisories: decision.advisories.map((a) => ({ code: a.code, message: a.message })),
  };
}

let mismatches = 0;
for (const c of cases) {
  const request = {
    from: core.offers.get(c.from), to: core.offers.get(c.to), status: c.status, asOf: c.asOf,
    holdings: c.holds.map((h) => ({ offer: core.offers.get(h.offer), channel: h.channel })),
    commitment: c.commitment,
  };
  const got = JSON.stringify(strip(core.decide(request)));
  const want = JSON.stringify(c.expected);
  if (got !== want) {
    mismatches++;
    if (mismatches <= 5) console.log("MISMATCH\n  request " + JSON.stringify(c) + "\n  checker " + got);
  }
}
console.log(`${cases.length} requests, ${mismatches} mismatches`);
process.exit(mismatches ? 1 : 0);
