// Resolves names the way the checker does, for a test to hold against the model's resolver.
//   node names.js checker-data.js checker.js queries.json
// Prints one JSON array: for each query, {"offer", "note"}, {"refusal"}, {"suggestion"}, or {"shared"}
// with each program's offer and what the name means read in that program.
"use strict";
const fs = require("fs");
const vm = require("vm");
const [dataFile, checkerFile, queriesFile] = process.argv.slice(2);
vm.runInThisContext(fs.readFileSync(dataFile, "utf8"), { filename: dataFile });
const checker = require(require("path").resolve(checkerFile));
const core = checker.makeCore(globalThis.UPGRADEDOCS_DATA);
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
console.log(JSON.stringify(queries.map((query) => {
  const found = core.resolve(query);
  if (found.shared) {
    return { shared: found.shared.map((o) => ({ id: o.id, program: o.program, offer: core.resolve(query, o.program).offer.id })) };
  }
  if (found.offer) return { offer: found.offer.id, note: found.note || null };
  if (found.refusal) return { refusal: found.refusal };
  return { suggestion: found.suggestion || null };
})));
