// Asks the checker's address parser questions, for a test to hold against `explain`'s.
//   node questions.js checker-data.js checker.js questions.json
// Each question is {from, to, status, holds: [...], asOf, params: {name: value}}, each holding its
// own `holds` parameter; `params` are the rest of the address (program, term, seats, …). Prints one JSON array: for each, {"request": {...}} with ids, or {"refused": n},
// the number of problems; a question that throws is a failure of its own.
"use strict";
const fs = require("fs");
const vm = require("vm");
const [dataFile, checkerFile, questionsFile] = process.argv.slice(2);
vm.runInThisContext(fs.readFileSync(dataFile, "utf8"), { filename: dataFile });
const checker = require(require("path").resolve(checkerFile));
const core = checker.makeCore(globalThis.UPGRADEDOCS_DATA);
const questions = JSON.parse(fs.readFileSync(questionsFile, "utf8"));
console.log(JSON.stringify(questions.map((question) => {
  const params = new URLSearchParams();
  params.set("from", question.from);
  if (question.to) params.set("to", question.to);
  params.set("status", question.status);
  question.holds.forEach((held) => params.append("holds", held));
  params.set("asOf", question.asOf);
  Object.keys(question.params || {}).forEach((name) => params.set(name, question.params[name]));
  const parsed = checker.parseQuery(core, params);
  if (parsed.problems) return { refused: parsed.problems.length, problems: parsed.problems };
  const request = parsed.request;
  // A question that migrates is answered by its plan: the verdict and every step's reasons.
  const plan = request.migration ? core.plan(request) : null;
  const decision = plan
    ? { verdict: plan.verdict, reasons: plan.steps.reduce((all, step) => all.concat(step.decision.reasons), []) }
    : core.decide(request);
  return {
    request: {
      from: request.from.id, to: request.to.id, status: request.status, asOf: request.asOf,
      holds: request.holdings.map((h) => h.offer.id + "@" + h.channel),
    },
    commitment: request.commitment ? JSON.stringify(request.commitment) : null,
    verdict: decision.verdict,
    reasons: decision.reasons.map((r) => r.code),
  };
})));
