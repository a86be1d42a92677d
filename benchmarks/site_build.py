"""The measurements of benchmarks/site-build.sh. Standard library only.

Every timed run writes into a folder that does not exist yet, and the runs of
the tools alternate, so the machine's state (caches, the file system's reuse of
deleted inodes) falls on all of them alike. Peak memory is GNU time's maximum
resident set size.
"""
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.getcwd()
OUT = os.path.join(ROOT, "benchmarks", "out")
UPGRADEDOCS = os.path.join(ROOT, ".build", "release", "upgradedocs")
BENCH = os.path.join(ROOT, ".build", "release", "upgradedocs-bench")


def option(name, default):
    args = sys.argv[1:]
    return args[args.index(name) + 1] if name in args else default


PAGES = int(option("--pages", "10000"))
RUNS = int(option("--runs", "5"))
OFFERS = [int(n) for n in option("--offers", "250,500,1000,2000").split(",") if n]


def timed(command, cwd=ROOT, timeout=600):
    """Wall seconds and peak memory (MB) of one run, through GNU time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + command, cwd=cwd, capture_output=True, text=True,
                            timeout=timeout)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    seconds, kilobytes = result.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kilobytes) / 1024


def fresh(name):
    path = os.path.join(OUT, "runs", name)
    shutil.rmtree(path, ignore_errors=True)
    return path


def median(values):
    return statistics.median(values)


def pages_benchmark():
    corpus = os.path.join(OUT, f"pages-{PAGES}")
    subprocess.run([BENCH, "generate", "--out", corpus, "--pages", str(PAGES)], check=True, capture_output=True)
    markdown_bytes = os.path.getsize(os.path.join(corpus, "all.md"))
    print(f"\n== {PAGES} prose pages ({markdown_bytes / 1e6:.1f} MB of Markdown), median of {RUNS} alternating runs")
    results = {"upgradedocs": [], "hugo": [], "cmark": []}
    commands = {
        "upgradedocs": lambda run: [UPGRADEDOCS, "build", "--content", "content", "--templates",
                                    os.path.join(ROOT, "templates"), "--output", fresh(f"u{run}")],
        "hugo": lambda run: ["hugo", "--quiet", "-s", "hugo", "-d", fresh(f"h{run}")],
        "cmark": lambda run: ["sh", "-c", "cmark all.md > /dev/null"],
    }
    for run in range(RUNS):
        # Each tool starts after the previous outputs are deleted and the file system has
        # settled (this disk discards freed blocks, and a create right after a large delete
        # pays for it), and the order turns each run, so no tool always goes first.
        order = ["upgradedocs", "hugo"] if run % 2 == 0 else ["hugo", "upgradedocs"]
        for tool in order + ["cmark"]:
            shutil.rmtree(os.path.join(OUT, "runs"), ignore_errors=True)
            os.makedirs(os.path.join(OUT, "runs"))
            subprocess.run(["sync"], check=True)
            time.sleep(1)
            results[tool].append(timed(commands[tool](run), cwd=corpus))
    rows = {tool: (median([t for t, _ in values]), max(m for _, m in values)) for tool, values in results.items()}
    for tool, (seconds, memory) in rows.items():
        print(f"  {tool:12s} {seconds:7.3f} s   peak {memory:7.1f} MB")
    u, h, c = rows["upgradedocs"][0], rows["hugo"][0], rows["cmark"][0]
    print(f"  upgradedocs / hugo = {u / h:.2f} (target ≤ 0.25); memory {rows['upgradedocs'][1]:.0f} MB "
          f"vs hugo {rows['hugo'][1]:.0f} MB (target ≤)")
    stage = subprocess.run([BENCH, "markdown", "--content", os.path.join(corpus, "content"), "--runs", str(RUNS)],
                           capture_output=True, text=True, check=True).stdout
    seconds = float(re.search(r"median ([0-9.]+) s", stage).group(1))
    print(f"  Markdown stage alone (prose → HTML in process, both cores as in a build): {seconds:.3f} s = {seconds / c:.2f} × cmark "
          "(target ≤ 1.5)")
    stages = subprocess.run([BENCH, "stages", "--content", os.path.join(corpus, "content"), "--output",
                             fresh("stages")], capture_output=True, text=True, check=True).stdout.strip()
    print(f"  where a build's time goes: {stages}")


def reference_site():
    print(f"\n== the reference site (content/), whole process, median of {max(RUNS, 10)} runs")
    fresh_times, rebuild_times = [], []
    for run in range(max(RUNS, 10)):
        fresh_times.append(timed([UPGRADEDOCS, "build", "--output", fresh(f"ref{run}")])[0])
        rebuild_times.append(timed([UPGRADEDOCS, "build", "--output", os.path.join(OUT, "runs", f"ref{run}")])[0])
    print(f"  into a fresh folder {median(fresh_times) * 1000:.0f} ms; rebuild with nothing changed "
          f"{median(rebuild_times) * 1000:.0f} ms (target ≤ 100 ms)")


def catalogues():
    print(f"\n== synthetic catalogues: build + verify, medians of {max(3, min(RUNS, 5))} runs (target at 2,000 offers: "
          "≤ 5 s, ≤ 1 GB, every page under about 1 MB)")
    points = []
    for offers in OFFERS:
        corpus = os.path.join(OUT, f"offers-{offers}")
        subprocess.run([BENCH, "generate", "--out", corpus, "--pages", "0", "--offers", str(offers),
                        "--paths", str(offers * 20)], check=True, capture_output=True)
        builds, verifies = [], []
        try:
            for run in range(max(3, min(RUNS, 5))):
                site = fresh(f"cat{offers}-{run}")
                builds.append(timed([UPGRADEDOCS, "build", "--content", "content", "--templates",
                                     os.path.join(ROOT, "templates"), "--output", site], cwd=corpus, timeout=300))
                verifies.append(timed([UPGRADEDOCS, "verify", "--content", "content", "--site", site], cwd=corpus,
                                      timeout=300))
        except (subprocess.TimeoutExpired, SystemExit) as error:
            print(f"  {offers:5d} offers: did not finish ({str(error).splitlines()[0][:120]})")
            continue
        build = (median([b[0] for b in builds]), max(b[1] for b in builds))
        verify = (median([v[0] for v in verifies]), max(v[1] for v in verifies))
        sizes = [os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(site) for f in fs]
        total, largest = sum(sizes), max(sizes)
        points.append((total, build[0] + verify[0]))
        print(f"  {offers:5d} offers, {offers * 20:6d} paths, {len(sizes):4d} files: median build {build[0]:6.2f} s + verify {verify[0]:6.2f} s, "
              f"peak {max(build[1], verify[1]):6.0f} MB, output {total / 1e6:7.1f} MB, largest page {largest / 1e6:6.1f} MB")
        # explain with a 100,000-character offer: the look-up and "did you mean", in process (target < 100 ms).
        suggest = subprocess.run([BENCH, "suggest", "--content", os.path.join(corpus, "content")],
                                 check=True, capture_output=True, text=True)
        print("        " + suggest.stdout.strip())
    if len(points) > 1:
        xs = [math.log(t) for t, _ in points]
        ys = [math.log(s) for _, s in points]
        mx, my = statistics.mean(xs), statistics.mean(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        print(f"  time grows as output size^{slope:.2f} (target near 1)")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    only = option("--only", "")
    for name, part in [("pages", pages_benchmark), ("reference", reference_site), ("catalogues", catalogues)]:
        if not only or only == name:
            part()
    shutil.rmtree(os.path.join(OUT, "runs"), ignore_errors=True)
