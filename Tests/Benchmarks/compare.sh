#!/usr/bin/env bash
# Same-minute before/after comparison of two ercalc binaries (for a refactor that must be no slower).
#
# Usage: Tests/Benchmarks/compare.sh BEFORE-BINARY AFTER-BINARY
#        RUNS=5 ...        runs per binary and input (default 5), interleaved before/after so both see the same load
#
# Inputs (generated under /tmp when missing, with the generators run.sh uses):
#   the full-precision circuit-major CSV year (20 circuits, +00:00 offsets, ~0.77 GB), on every core and on one;
#   the `az monitor metrics list` JSON year (~0.5 GB); a 1,000-site, 36-month portfolio budget as text and FOCUS CSV.
# Prints a Markdown table: best and median wall seconds and median CPU seconds for each binary, and after ÷ before.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
before="$1" after="$2"
runs="${RUNS:-5}"
record="$(mktemp)"
profile="$(mktemp /tmp/ercalc-compare-profile.XXXXXX.json)"
azprofile="$(mktemp /tmp/ercalc-compare-azprofile.XXXXXX.json)"
trap 'rm -f "$record" "$profile" "$azprofile"' EXIT
csv=/tmp/ercalc-bench-full.csv
json=/tmp/ercalc-bench-azure.json
portfolio=/tmp/ercalc-portfolio-1000.json
[ -f "$csv" ] || python3 "$here/generate_series.py" "$csv" --full-precision --circuit-major --offset +00:00
[ -f "$json" ] || python3 "$here/generate_azure_json.py" "$json" --days 365
[ -f "$portfolio" ] || python3 "$here/generate_portfolio.py" 1000 36 > "$portfolio"
cat > "$profile" <<JSON
{"schemaVersion": 1, "name": "benchmark", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"seriesCircuit": "circuit-07"}}
JSON
cat > "$azprofile" <<JSON
{"schemaVersion": 1, "name": "benchmark", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"seriesCircuit": "ams-1"}}
JSON

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| input | binary | best wall (s) | median wall (s) | median CPU (s) | median after ÷ before |"
echo "|---|---|---:|---:|---:|---:|"

# compare LABEL ARGS...: RUNS interleaved runs of each binary on ARGS (the binary is substituted for {}).
compare() {
  local label="$1"
  shift
  local walls_b=() walls_a=() cpus_b=() cpus_a=()
  for _ in $(seq "$runs"); do
    for which in before after; do
      local bin="$before"
      [ "$which" = after ] && bin="$after"
      local args=()
      for a in "$@"; do [ "$a" = "{}" ] && args+=("$bin") || args+=("$a"); done
      /usr/bin/time -o "$record" -f "%e %U %S" "${args[@]}" > /dev/null 2>&1 || { echo "failed: ${args[*]}" >&2; exit 1; }
      read -r e u s < <(tail -1 "$record")
      local c
      c=$(awk -v u="$u" -v s="$s" 'BEGIN {printf "%.2f", u + s}')
      if [ "$which" = before ]; then walls_b+=("$e"); cpus_b+=("$c"); else walls_a+=("$e"); cpus_a+=("$c"); fi
    done
  done
  local middle=$(((runs + 1) / 2))
  stats() { printf '%s\n' "$@" | sort -n | sed -n "1p;${middle}p" | tr '\n' ' '; echo; }
  read -r best_b med_b < <(stats "${walls_b[@]}")
  read -r best_a med_a < <(stats "${walls_a[@]}")
  read -r _ cpu_b < <(stats "${cpus_b[@]}")
  read -r _ cpu_a < <(stats "${cpus_a[@]}")
  echo "| $label | before | $best_b | $med_b | $cpu_b | |"
  echo "| $label | after | $best_a | $med_a | $cpu_a | $(awk -v a="$med_a" -v b="$med_b" 'BEGIN {printf "%.2f", a / b}') |"
}

compare "CSV year, full precision, $(nproc) threads" {} size "$profile" --series "$csv" --quiet
compare "CSV year, full precision, 1 thread" env ERCALC_THREADS=1 {} size "$profile" --series "$csv" --quiet
compare "az JSON year" {} size "$azprofile" --series "$json" --quiet
compare "budget, 1,000 sites, text" {} budget "$portfolio" --group-by region
compare "budget, 1,000 sites, FOCUS CSV" {} budget "$portfolio" --group-by region --format csv
