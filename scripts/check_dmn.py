"""The decision tables' DMN files, proven by an engine nobody here wrote.

For every decision table page of the site, its `.dmn` file must
  - exist and be listed in the manifest;
  - be valid against the official DMN 1.3 schema (DMN13.xsd, as SpiffWorkflow ships it);
  - keep to what Camunda Modeler, dmn-js and the KIE editor all read: one decision with one
    decision table, hit policy U, A, F, R or C, an entry in every cell, each input a condition
    of data/test-vectors.json in camelCase with a required inputData of that name, outputs
    and rule labels as the table's page names them;
  - decide as the rule core does at every point of data/test-vectors.json, when pyDMNrules
    (an independent FEEL and DMN implementation) evaluates it.

pyDMNrules 1.4.5 is read around three of its ways: it raises KeyError on an <annotation>
column (annotations decide nothing, so they are taken out before it loads a file), it names
inputs and outputs by their labels, and it reports a point no rule matches as an error (read
here as "no output", which is what such a point means for a table).

Usage: check_dmn.py SITE [--self-test]
"""
import importlib.metadata
import json
import os
import re
import shutil
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

import pyDMNrules
import xmlschema

MODEL = "https://www.omg.org/spec/DMN/20191111/MODEL/"
NS = {"dmn": MODEL}
POLICIES = {"UNIQUE": "U", "ANY": "A", "FIRST": "F", "RULE ORDER": "R", "COLLECT": "C"}
SCHEMA = os.path.join(os.path.dirname(__file__), "..", ".build", "dmn-schema", "DMN13.xsd")


def camel(name):
    words = name.split("-")
    return words[0] + "".join(word[:1].upper() + word[1:] for word in words[1:])


def page_facts(html):
    """What a table's page says: its rule ids in order and its output names in order."""
    rules = re.findall(r'<tr data-rule="([^"]+)"', html)
    outputs = []
    for name in re.findall(r'data-output="([^"]+)"', html):
        if name not in outputs:
            outputs.append(name)
    policy = re.search(r'data-hit-policy="([^"]+)"', html)
    return rules, outputs, policy.group(1) if policy else None


def page_conclusions(html):
    """The values each output concludes on the table's page: a group of a program's rules
    concludes its own reasons or advice only, and is held to those."""
    found = {}
    for name, cell in re.findall(r'data-output="([^"]+)"[^>]*>(.*?)</td>', html, re.S):
        codes = re.findall(r"<code>([^<]+)</code>", cell)
        found.setdefault(name, set()).update(codes or [re.sub(r"<[^>]+>", "", cell).strip()])
    return found


def text_of(element, path):
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


def read(dmn_text):
    """The parts of a DMN file the checks need, read with ElementTree."""
    root = ET.fromstring(dmn_text)
    decisions = root.findall("dmn:decision", NS)
    tables = [d.find("dmn:decisionTable", NS) for d in decisions]
    table = tables[0] if len(tables) == 1 else None
    model = {"decisions": len(decisions), "tables": sum(t is not None for t in tables)}
    if table is None:
        return model
    model["policy"] = table.get("hitPolicy", "UNIQUE")
    model["aggregation"] = table.get("aggregation")
    model["inputs"] = [(text_of(i, "dmn:inputExpression/dmn:text"), i.get("label") or "") for i in table.findall("dmn:input", NS)]
    model["outputs"] = [(o.get("name") or "", o.get("label") or o.get("name") or "") for o in table.findall("dmn:output", NS)]
    model["rules"] = [
        {
            "label": rule.get("label") or "",
            "in": [(e.findtext("dmn:text", "", NS) or "").strip() for e in rule.findall("dmn:inputEntry", NS)],
            "out": [(e.findtext("dmn:text", "", NS) or "").strip() for e in rule.findall("dmn:outputEntry", NS)],
        }
        for rule in table.findall("dmn:rule", NS)
    ]
    model["inputData"] = {d.get("name") for d in root.findall("dmn:inputData", NS)}
    hrefs = {r.get("href", "").lstrip("#") for r in decisions[0].findall("dmn:informationRequirement/dmn:requiredInput", NS)}
    ids = {d.get("id"): d.get("name") for d in root.findall("dmn:inputData", NS)}
    model["required"] = {ids.get(h) for h in hrefs}
    return model


def portable(model, page, conditions):
    """Problems with what every modeler reads, and with the contract against the table's page."""
    problems = []
    if model["decisions"] != 1 or model["tables"] != 1:
        return [f"{model['decisions']} decisions and {model['tables']} decision tables, not one of each"]
    rules, outputs, policy = page
    if model["policy"] not in POLICIES or model["aggregation"]:
        problems.append(f"hit policy {model['policy']}{' with aggregation' if model['aggregation'] else ''} is not portable")
    elif POLICIES[model["policy"]] != policy:
        problems.append(f"hit policy {model['policy']}, but the page's is {policy}")
    names = {camel(c): c for c in conditions}
    for expression, label in model["inputs"]:
        if expression not in names:
            problems.append(f"input '{expression}' is no condition of the test vectors")
        if expression not in model["inputData"] or expression not in model["required"]:
            problems.append(f"input '{expression}' has no required inputData of that name")
        if not label:
            problems.append(f"input '{expression}' has no label")
    if [name for name, _ in model["outputs"]] != outputs:
        problems.append(f"outputs {[n for n, _ in model['outputs']]}, but the page's are {outputs}")
    if [rule["label"] for rule in model["rules"]] != rules:
        problems.append(f"rules {[r['label'] for r in model['rules']]}, but the page's are {rules}")
    for rule in model["rules"]:
        if len(rule["in"]) != len(model["inputs"]) or len(rule["out"]) != len(model["outputs"]):
            problems.append(f"rule {rule['label']} has {len(rule['in'])} input and {len(rule['out'])} output entries")
        if any(not entry for entry in rule["in"] + rule["out"]):
            problems.append(f"rule {rule['label']} has an empty cell")
    return problems


def engine(dmn_text):
    """pyDMNrules loaded with the file, annotations taken out (see the module's note)."""
    text = re.sub(r"\s*<annotation\b[^>]*/>", "", dmn_text)
    text = re.sub(r"\s*<annotationEntry>.*?</annotationEntry>", "", text, flags=re.S)
    dmn = pyDMNrules.DMN()
    status = dmn.useXML(text)
    if status and status.get("errors"):
        raise ValueError(f"pyDMNrules cannot load it: {status['errors'][:3]}")
    return dmn


def replay(dmn, model, vectors, concluded):
    """Every point through pyDMNrules, against the rule core's decision; the disagreements."""
    names = {camel(c): c for c in vectors["conditions"]}
    labels = {name: label for name, label in model["outputs"]}
    collect = model["policy"] == "COLLECT"
    problems = []
    # A table restates one program's rules: the points of its program are those with all its inputs.
    inputs = [names[expression] for expression, _ in model["inputs"] if expression in names]
    points = [entry for entry in vectors["vectors"] + vectors["unreached"]
              if all(condition in entry["point"] for condition in inputs)]
    for entry in points:
        point, decision = entry["point"], entry["decision"]
        data = {label: point[names[expression]] for expression, label in model["inputs"] if expression in names}
        status, result = dmn.decide(data)
        errors = (status or {}).get("errors") or []
        if errors and not any("No rules matched" in e for e in errors):
            problems.append(f"at {point}: pyDMNrules fails: {errors[:2]}")
            continue
        outputs = {}
        if not errors:
            values = result["Result"] if isinstance(result, dict) else {}
            for name, label in labels.items():
                found = values.get(label)
                found = found if isinstance(found, list) else [found]
                outputs[name] = [v for v in found if v is not None]
        said, core = [], []
        for name in labels:
            given = outputs.get(name, [])
            if name == "verdict":
                said.append("verdict " + ("+".join(sorted(set(given))) or "none"))
                core.append("verdict " + decision["verdict"])
            else:
                expected = [r["code"] if isinstance(r, dict) else r
                            for r in (decision["reasons"] if name == "reason" else decision["advisories"])]
                expected = [code for code in expected if code in concluded.get(name, set())]
                if collect:
                    given, expected = sorted(given), sorted(expected)
                said.append(f"{name} " + (", ".join(given) or "none"))
                core.append(f"{name} " + (", ".join(expected) or "none"))
        if said != core:
            problems.append(f"at {point}: pyDMNrules says {'; '.join(said)}, the rule core {'; '.join(core)}")
    return problems, len(points)


def check(site):
    """Every check on the site in `site`; the problems, and a line of figures for each table."""
    manifest = json.load(open(os.path.join(site, "manifest.json"), encoding="utf-8"))
    listed = {entry["path"]: entry["kind"] for entry in manifest["files"]}
    vectors = json.load(open(os.path.join(site, "data", "test-vectors.json"), encoding="utf-8"))
    schema = xmlschema.XMLSchema(SCHEMA)
    problems, figures = [], []
    tables = sorted(p[len("rules/"):-len(".html")] for p in listed if p.startswith("rules/") and p.endswith(".html"))
    if not tables:
        problems.append("the site has no decision table pages")
    for table in tables:
        path = f"rules/{table}.dmn"
        if listed.get(path) != "rules":
            problems.append(f"{path}: not in the manifest as kind 'rules'")
        if not os.path.exists(os.path.join(site, path)):
            problems.append(f"{path}: missing")
            continue
        text = open(os.path.join(site, path), encoding="utf-8").read()
        errors = list(schema.iter_errors(os.path.join(site, path)))
        problems += [f"{path}: not valid DMN 1.3: {str(e.reason or e)[:200]}" for e in errors[:3]]
        try:
            model = read(text)
        except ET.ParseError as error:
            problems.append(f"{path}: not XML: {error}")
            continue
        page = page_facts(open(os.path.join(site, f"rules/{table}.html"), encoding="utf-8").read())
        found = portable(model, page, vectors["conditions"])
        problems += [f"{path}: {p}" for p in found]
        # The engine replays what it can load, so a broken file is judged by its decisions too.
        if model.get("tables") != 1 or any("entries" in p or "empty cell" in p or "no condition" in p for p in found):
            continue
        start = time.monotonic()
        try:
            dmn = engine(text)
        except ValueError as error:
            problems.append(f"{path}: {error}")
            continue
        html_text = open(os.path.join(site, f"rules/{table}.html"), encoding="utf-8").read()
        disagreements, points = replay(dmn, model, vectors, page_conclusions(html_text))
        problems += [f"{path}: {p}" for p in disagreements[:10]]
        if len(disagreements) > 10:
            problems.append(f"{path}: … and {len(disagreements) - 10} more disagreements")
        figures.append(f"{path}: {len(model['rules'])} rules, {points} points replayed through pyDMNrules "
                       f"{importlib.metadata.version('pyDMNrules')} "
                       f"in {time.monotonic() - start:.1f} s, {len(disagreements)} disagreements")
    return problems, figures


def broken(site, table, change):
    """A copy of the site with `table`'s DMN file changed by `change` (text → text)."""
    scratch = tempfile.mkdtemp(prefix="upgradedocs-dmn-")
    copy_root = os.path.join(scratch, "site")
    shutil.copytree(site, copy_root)
    path = os.path.join(copy_root, "rules", f"{table}.dmn")
    text = open(path, encoding="utf-8").read()
    changed = change(text)
    if changed == text:
        raise SystemExit(f"self-test: the change to {table}.dmn changed nothing")
    open(path, "w", encoding="utf-8").write(changed)
    return scratch, copy_root


def swap_rules(text):
    # The third and fourth rules, which in the eligibility table both fire for an inactive
    # subscription that already has its target: their reasons come out in the other order.
    rules = re.findall(r"      <rule id=.*?</rule>\n", text, flags=re.S)
    first = 2 if len(rules) > 3 else 0
    pair = rules[first] + rules[first + 1]
    return text.replace(pair, rules[first + 1] + rules[first]) if len(rules) > 1 else text


def drop_rule(text):
    rules = re.findall(r"      <rule id=.*?</rule>\n", text, flags=re.S)
    return text.replace(rules[-1], "") if rules else text


def change_entry(text):
    # The first input entry that tests a value, tested for the other value.
    pairs = [("yes", "no"), ("active", "inactive"), ("eligible", "blocked"), ("now", "renewal"), ("on", "off")]
    other = {f'"{a}"': f'"{b}"' for a, b in pairs} | {f'"{b}"': f'"{a}"' for a, b in pairs}
    return re.sub(r'(<inputEntry id="[^"]*">\s*<text>)("[a-z]+")(</text>)',
                  lambda m: m.group(1) + other.get(m.group(2), m.group(2)) + m.group(3), text, count=1)


def change_policy(text):
    return text.replace('hitPolicy="RULE ORDER"', 'hitPolicy="FIRST"', 1)


def not_schema_valid(text):
    return text.replace("<decisionTable ", "<decisionTabel ", 1).replace("</decisionTable>", "</decisionTabel>", 1)


# Each defect, and the words of the finding that must catch it: the engine's, for a defect in
# what the table decides; the schema's, for one in the file's form.
DEFECTS = [
    ("a swapped pair of rules", swap_rules, "pyDMNrules says"),
    ("a changed hit policy", change_policy, "pyDMNrules says"),
    ("a changed input entry", change_entry, "pyDMNrules says"),
    ("a removed rule", drop_rule, "pyDMNrules says"),
    ("an element the schema does not know", not_schema_valid, "not valid DMN 1.3"),
]


def self_test(site):
    """Each defect, on a copy of the rule-order table with most rules, must fail the check, and be
    caught by the check that should catch it."""
    def rules(name):
        return open(os.path.join(site, "rules", name), encoding="utf-8").read()
    candidates = [t for t in sorted(os.listdir(os.path.join(site, "rules")))
                  if t.endswith(".dmn") and 'hitPolicy="RULE ORDER"' in rules(t)]
    if not candidates:
        raise SystemExit("self-test: no rule-order table to break")
    table = max(candidates, key=lambda t: rules(t).count("<rule "))[:-len(".dmn")]
    wrong = []
    for name, change, caught_by in DEFECTS:
        scratch, root = broken(site, table, change)
        try:
            problems, _ = check(root)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        caught = [p for p in problems if caught_by in p]
        print(f"[self-test {name}] {'fails as it should' if caught else 'DID NOT FAIL'}: "
              f"{(caught or problems or [''])[0][:220]}")
        if not caught:
            wrong.append(name)
    print(f"check-dmn self-test: {len(DEFECTS) - len(wrong)} passed, {len(wrong)} failed")
    return not wrong


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    site = args[0] if args else "site"
    if "--self-test" in sys.argv:
        sys.exit(0 if self_test(site) else 1)
    start = time.monotonic()
    problems, figures = check(site)
    for line in figures:
        print(f"  {line}")
    for problem in problems:
        print(f"check-dmn: {problem}", file=sys.stderr)
    print(f"check-dmn: {len(figures)} DMN files checked in {time.monotonic() - start:.1f} s, "
          f"{len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
