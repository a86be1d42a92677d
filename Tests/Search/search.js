// Holds the site's search script to the index the build wrote.
//   node search.js SEARCH-SCRIPT SITE-FOLDER QUESTIONS.json
// QUESTIONS: {"texts": [...], "queries": [...]}. Prints one JSON object:
// {"terms": [term, ...] for each text, "results": [[href, ...] (first five) for each query],
//  "why": [what the first result says of why it answers, or null, for each query],
//  "direct": [the pair a query names and the checker's verdict for it, or null, for each query],
//  "snippets": [the first result's snippet: {anchor, heading, text, marked: [word, ...]}, or null]}.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const [scriptFile, site, questionsFile] = process.argv.slice(2);
const search = require(path.resolve(scriptFile));

let index = null;
const shards = {};
const texts = {};
globalThis.UpgradeSearch = {
  pages: (data) => { index = data; },
  terms: (number, table) => { shards[number] = table; },
  text: (number, table) => { texts[number] = table; },
};
const folder = path.join(site, "data", "search");
vm.runInThisContext(fs.readFileSync(path.join(folder, "pages.js"), "utf8"));
for (let number = 0; number < index.shards; number++) {
  vm.runInThisContext(fs.readFileSync(path.join(folder, "terms-" + number + ".js"), "utf8"));
  vm.runInThisContext(fs.readFileSync(path.join(folder, "text-" + number + ".js"), "utf8"));
}
const questions = JSON.parse(fs.readFileSync(questionsFile, "utf8"));
// The checker's core, which answers a query that names two offers.
vm.runInThisContext(fs.readFileSync(path.join(site, "data", "checker-data.js"), "utf8"));
const checker = require(path.join(__dirname, "..", "..", "templates", "assets", "checker.js"));
const terms = questions.texts.map((text) =>
  search.termsOf(text, index));
const ranked = questions.queries.map((query) => {
  const found = search.rank(index, shards, search.queryTermsOf(query, index).terms);
  return (found.every.length ? found.every : found.some).slice(0, 5).map((r) => index.pages[r.page]);
});
const results = ranked.map((pages) => pages.map((page) => page[0]));
const snippets = questions.queries.map((query) => {
  const queryTerms = search.queryTermsOf(query, index).terms;
  const found = search.rank(index, shards, queryTerms);
  const first = (found.every.length ? found.every : found.some)[0];
  if (!first) return null;
  const sections = (texts[Math.floor(first.page / index.pagesPerShard)] || {})[first.page];
  const snippet = search.snippetOf(sections, queryTerms, index);
  return snippet && {
    anchor: snippet.anchor, heading: snippet.heading,
    text: snippet.parts.map((part) => part[0]).join(""),
    marked: snippet.parts.filter((part) => part[1]).map((part) => part[0]),
  };
});
const why = ranked.map((pages, number) =>
  pages.length ? search.why(pages[0], search.queryTermsOf(questions.queries[number], index).terms) : null);
const direct = questions.queries.map((query) => {
  const answer = search.directAnswer(query, checker, globalThis.UPGRADEDOCS_DATA);
  return answer && { from: answer.from, to: answer.to, verdict: answer.verdict, href: answer.href };
});
process.stdout.write(JSON.stringify({ terms, results, why, direct, snippets }));
