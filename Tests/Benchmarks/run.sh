#!/usr/bin/env bash
# Benchmarks ercalc's traffic ingest against DuckDB on the same machine and file.
#
# Usage: Tests/Benchmarks/run.sh [CSV]   (default: generates /tmp/ercalc-bench.csv, ~0.55 GB)
#        JSON=1 Tests/Benchmarks/run.sh   also times an `az monitor metrics list` export
#                                         (one circuit, 30 days of PT1M, both device roles, ~42 MB)
#
# Times `ercalc size` (the whole command: start-up, streaming CSV ingest, percentiles,
# monthly volumes, solver and report) over 20 circuits × one year of 1-minute samples,
# and DuckDB computing the same percentiles and monthly sums from the same CSV with 1
# and 2 threads. Prints a Markdown table; paste it into Reports/BENCHMARK.md with the
# machine lines it prints first.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
csv="${1:-/tmp/ercalc-bench.csv}"
runs="${RUNS:-5}"

if [ ! -f "$csv" ]; then
  echo "generating $csv ..." >&2
  python3 "$here/generate_series.py" "$csv"
fi
python3 -c "import duckdb" 2>/dev/null || pip install --quiet duckdb pytz >&2 || echo "duckdb unavailable: skipping it" >&2

(cd "$root" && swift build -c release --product ercalc >&2)
ercalc="$root/.build/release/ercalc"
profile="$(mktemp /tmp/ercalc-bench-profile.XXXXXX.json)"
trap 'rm -f "$profile"' EXIT
cat > "$profile" <<JSON
{"schemaVersion": 1, "name": "benchmark", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"],
 "traffic": {"seriesCircuit": "circuit-07"}}
JSON

bytes=$(stat -c %s "$csv")
rows=$(( $(wc -l < "$csv") - 1 ))
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr)"
echo "swift: $(swift --version 2>&1 | head -1)"
echo "file: $csv, $bytes bytes, $rows rows"
echo
echo "| tool | threads | best of $runs (s) | median (s) | MB/s (best) | MB/s (median) | CPU s (median) | MB per CPU s | max RSS (MB) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"

measure() {  # label threads command...
  local label="$1" threads="$2"
  shift 2
  local times=() cpus=() rss=0
  local record
  record="$(mktemp)"
  for _ in $(seq "$runs"); do
    local out
    /usr/bin/time -o "$record" -f "%e %U %S %M" "$@" > /dev/null 2>&1
    out=$(tail -1 "$record")
    read -r elapsed user system kilobytes <<< "$out"
    times+=("$elapsed")
    cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN {printf "%.2f", u + s}')")
    [ "$kilobytes" -gt "$rss" ] && rss="$kilobytes"
  done
  rm -f "$record"
  local middle=$(( (runs + 1) / 2 ))
  local best median cpu
  best=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "${middle}p")
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "${middle}p")
  rate() { awk -v b="$bytes" -v t="$1" 'BEGIN {printf "%.0f", b / t / 1e6}'; }
  echo "| $label | $threads | $best | $median | $(rate "$best") | $(rate "$median") | $cpu | $(rate "$cpu") | $((rss / 1024)) |"
}

measure "ercalc size" 1 "$ercalc" size "$profile" --series "$csv" --quiet
if python3 -c "import duckdb" 2>/dev/null; then
  measure "DuckDB $(python3 -c 'import duckdb; print(duckdb.__version__)')" 1 python3 "$here/duckdb_query.py" "$csv" 1
  measure "DuckDB $(python3 -c 'import duckdb; print(duckdb.__version__)')" 2 python3 "$here/duckdb_query.py" "$csv" 2
fi

if [ "${JSON:-0}" = 1 ]; then
  json="${csv%.csv}-azure.json"
  [ -f "$json" ] || python3 "$here/generate_azure_json.py" "$json"
  cat > "$profile" <<JSON
{"schemaVersion": 1, "name": "benchmark", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"],
 "traffic": {"seriesCircuit": "ams-1"}}
JSON
  bytes=$(stat -c %s "$json")
  echo
  echo "Azure Monitor JSON: $json, $bytes bytes"
  echo
  echo "| tool | threads | best of $runs (s) | median (s) | MB/s (best) | MB/s (median) | CPU s (median) | MB per CPU s | max RSS (MB) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  measure "ercalc size (JSON)" 1 "$ercalc" size "$profile" --series "$json" --quiet
fi
