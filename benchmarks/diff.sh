#!/usr/bin/env bash
# Benchmark: `upgradedocs diff` of two 2,000-offer catalogues (target: 2 s, whole process).
# The head renames an offer, gives another a new service, and moves a path; the median of
# 5 runs and the peak memory are printed, then where the time goes (upgradedocs-bench review).
#   benchmarks/diff.sh [--offers 2000] [--runs 5]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup
offers=2000 runs=5
while (($#)); do case "$1" in --offers) offers=$2; shift 2;; --runs) runs=$2; shift 2;; *) echo "unknown option $1" >&2; exit 2;; esac; done
swift build -c release --product upgradedocs >/dev/null
swift build -c release --product upgradedocs-bench >/dev/null
out=benchmarks/out/review
rm -rf "$out"
.build/release/upgradedocs-bench generate --pages 0 --offers "$offers" --out "$out/generated" >/dev/null
cp -r "$out/generated/content" "$out/base"
cp -r "$out/generated/content" "$out/head"
python3 - "$out/head" <<'PY'
import re, sys
head = sys.argv[1]
def edit(name, old, new):
    path = f"{head}/{name}"
    text = open(path, encoding="utf-8").read()
    assert old in text, (name, old)
    open(path, "w", encoding="utf-8").write(text.replace(old, new, 1))
edit("offers.yaml", 'name: "Offer 1500"', 'name: "Offer 1500 Plus"')
edit("offers.yaml", "{id: offer-11, name: \"Offer 11\", program: legacy, services: [", "{id: offer-11, name: \"Offer 11\", program: legacy, services: [brand-new, ")
edit("services.yaml", "services:\n", "services:\n  - {id: brand-new, name: \"Brand-new service\"}\n")
edit("paths.yaml", "  - from: offer-5\n    to: [offer-12, ", "  - from: offer-5\n    to: [offer-1800, ")
PY
times=()
for ((run = 0; run < runs; run++)); do
  /usr/bin/time -f "%e %M" -o "$out/time" .build/release/upgradedocs diff --base "$out/base" --content "$out/head" --format json >"$out/diff.json"
  times+=("$(cat "$out/time")")
done
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" '{t[NR]=$1; m[NR]=$2} END {printf "diff of two %s-offer catalogues: median %.2f s (min %.2f, max %.2f), peak %d MB\n", "'"$offers"'", t[int((n+1)/2)], t[1], t[n], m[n]/1024}'
python3 -c "import json,sys; d=json.load(open('$out/diff.json')); print('found: %d cells, %d decisions, %d model entries, %d files' % tuple(len(d[k]) for k in ('cells','decisions','model','pages')))"
.build/release/upgradedocs-bench review --base "$out/base" --head "$out/head"
