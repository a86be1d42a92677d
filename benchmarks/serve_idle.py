"""What `serve` costs on a large site: CPU while nothing changes, and the time from a save
to the rebuilt site being served (the status generation moving on). Standard library only.

    python3 benchmarks/serve_idle.py BINARY CORPUS [--idle 10] [--edits 5]

CORPUS holds content/ and templates/ (benchmarks/site-build.sh makes one of 10,000 pages).
"""
import json
import os
import re
import subprocess
import sys
import time
import urllib.request

binary, corpus = sys.argv[1], sys.argv[2]
args = sys.argv[3:]
idle = float(args[args.index("--idle") + 1]) if "--idle" in args else 10.0
edits = int(args[args.index("--edits") + 1]) if "--edits" in args else 5
ticks = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks


server = subprocess.Popen([binary, "serve", "--content", os.path.join(corpus, "content"), "--templates",
                           os.path.join(corpus, "templates"), "--port", "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
try:
    url = None
    while url is None:
        line = server.stdout.readline()
        if not line:
            raise SystemExit("serve stopped before it served")
        found = re.search(r"serving (http://\S+)", line)
        url = found.group(1) if found else None

    def generation():
        with urllib.request.urlopen(url + "__upgradedocs/status", timeout=30) as response:
            return json.load(response)["generation"]

    time.sleep(1)
    before, start = cpu_seconds(server.pid), time.monotonic()
    time.sleep(idle)
    share = (cpu_seconds(server.pid) - before) / (time.monotonic() - start)
    print(f"idle: {share * 100:.2f}% of a core over {idle:.0f} s")

    page = os.path.join(corpus, "content", "pages", "page-42.md")
    original = open(page, encoding="utf-8").read()
    delays = []
    for edit in range(edits):
        current = generation()
        with open(page, "w", encoding="utf-8") as handle:
            handle.write(original + f"\nEdit {edit}.\n")
        saved = time.monotonic()
        while generation() == current:
            time.sleep(0.005)
        delays.append(time.monotonic() - saved)
        time.sleep(0.5)
    with open(page, "w", encoding="utf-8") as handle:
        handle.write(original)
    delays.sort()
    print("edit to served: " + ", ".join(f"{d * 1000:.0f} ms" for d in delays)
          + f" (median {delays[len(delays) // 2] * 1000:.0f} ms)")
finally:
    server.terminate()
    server.wait(timeout=30)
