#!/usr/bin/env bash
# Benchmark harness: upgradedocs build beside Hugo and the cmark CLI, on the same
# synthetic prose pages, plus the reference site and synthetic catalogues.
# Usage: benchmarks/site-build.sh [--pages 10000] [--runs 5] [--offers 250,500,1000,2000]
#                                 [--only pages|reference|catalogues]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup
missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
if ((${#missing[@]})); then
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
fi
swift build -c release --product upgradedocs >/dev/null
swift build -c release --product upgradedocs-bench >/dev/null
exec python3 benchmarks/site_build.py "$@"
