#!/usr/bin/env bash
# Benchmark: gap and overlap analysis of synthetic decision tables, 1k to 10k rules × 6 inputs.
# Target: 10,000 rules analysed in under 1 s. Prints medians and the fitted growth exponent.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup
swift build -c release --product upgradedocs-bench
.build/release/upgradedocs-bench "$@"
