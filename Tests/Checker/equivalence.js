// Holds the checker's decisions against the rule core's, field by field, under Node.
//   node equivalence.js checker-data.js checker.js cases.json
// Each case is a request and what `RuleCore.decide` answered; prints a count,
// the first mismatches, and exits 1 on any.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const [dataFile, checkerFile, casesFile] = process.argv.slice(2);
vm.runInThisContext(fs.readFileSync(dataFile, "utf8"), { filename: dataFile });
const checker = require(path.resolve(checkerFile));
const compare = require(path.join(__dirname, "compare.js"));
const result = compare(checker, globalThis.UPGRADEDOCS_DATA, JSON.parse(fs.readFileSync(casesFile, "utf8")));
console.log(result.text);
process.exit(result.mismatches ? 1 : 0);
