#!/usr/bin/env bash
# Benchmark: `import offer-matrix` of a synthetic matrix the size of Partner Center's download
# (~42 MB for the license-based offers in Microsoft's example response). Each of N SKUs has 240
# AllowedCountries and a 2 KB description, and converts to the next three SKUs.
# Prints: the read and check alone (--dry-run), the whole import (write, then the model loaded
# again), and the floor: Python's csv module reading the same file.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup
command -v hyperfine >/dev/null 2>&1 || { apt-get install -y -qq hyperfine >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine; }; }
swift build -c release --product upgradedocs
skus=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$skus" "$work/matrix.csv" <<'PY'
import csv, string, sys
n, path = int(sys.argv[1]), sys.argv[2]
countries = ";".join(a + b for a in string.ascii_uppercase[:16] for b in string.ascii_uppercase[:15])
def sku(i): return (f"BENCH{i:07d}", "0001")
with open(path, "w", newline="") as f:
    w = csv.writer(f, quoting=csv.QUOTE_ALL)
    w.writerow(["ProductTitle","ProductId","SkuId","SkuTitle","ProvisioningId","ProvisioningString","MinLicenses",
                "MaxLicenses","AssetOwnershipLimit","AssetOwnershipLimitType","ProductSkuPreRequisites",
                "ProductSkuConversion","Description","AllowedCountries"])
    for i in range(n):
        p, s = sku(i)
        targets = ",".join("/".join(sku(j)) for j in range(i + 1, min(n, i + 4)))
        w.writerow([f"Bench product {i}", p, s, f"Bench offer {i}", "", "", "1", "300", "", "", "", targets,
                    "x" * 2000, countries])
PY
cp -R content "$work/content"
sed -i 's|^sources:|sources:\n  - title: Bench matrix\n    url: https://example.com/bench|' "$work/content/site.yaml"
rm -f "$work/content/offer-matrix.yaml"
ls -l "$work/matrix.csv" | awk '{printf "matrix: %.1f MB, %s SKUs\n", $5 / 1e6, '"$skus"'}'
bin=$PWD/.build/release/upgradedocs
hyperfine --warmup 1 --runs 5 \
  -n "read and check (--dry-run)" "$bin import offer-matrix $work/matrix.csv --content $work/content --source 'Bench matrix' --dry-run > /dev/null" \
  -n "whole import (write, load again)" --prepare "rm -f $work/content/offer-matrix.yaml" "$bin import offer-matrix $work/matrix.csv --content $work/content --source 'Bench matrix' > /dev/null" \
  -n "floor: python csv reads the file" "python3 -c 'import csv,sys; sum(1 for _ in csv.reader(open(sys.argv[1], newline=\"\")))' $work/matrix.csv"
