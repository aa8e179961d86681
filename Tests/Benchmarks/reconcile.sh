#!/usr/bin/env bash
# Benchmarks `ercalc reconcile` reading a large FOCUS 1.2 export against DuckDB reading the same file (issue 30, item 4).
#
# Usage: Tests/Benchmarks/reconcile.sh          3 runs each, interleaved (ercalc, DuckDB, ercalc, DuckDB …)
#        RUNS=5 ...                              runs per tool
#        BYTES=200000000 FOCUS=/tmp/focus-200m.csv ...   another size (the file is generated when missing)
#
# 1. Builds ercalc (release) and installs DuckDB into /tmp/duckenv (a virtual environment) when missing.
# 2. Generates the export (generate_focus.py: ~1 GB, 99% other services, 1% the ExpressRoute circuits and gateways
#    of the reconcile fixture estate) and puts it in the page cache as a file just read (cache_state.py read).
# 3. Times, interleaved, `ercalc reconcile az-estate.json --egress 10TB --actuals FILE --format json` and
#    duckdb_focus.py (read_csv, every column VARCHAR, the same rows kept, grouped by resource, meter and month) on
#    2 threads, with /usr/bin/time: wall, user and system CPU, peak RSS. Both are whole processes (DuckDB's
#    includes starting Python and importing duckdb, ~0.1-0.2 s).
# 4. Checks that both found the same charges (compare_reconcile.py, on the last run's outputs).
#
# Prints Markdown: the machine, every run, the medians, MB/s of wall time and per CPU-second (MB/s per core), and
# ercalc's median wall time over DuckDB's.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${RUNS:-3}"
bytes_wanted="${BYTES:-1000000000}"
focus="${FOCUS:-/tmp/focus-1g.csv}"
estate="$root/Tests/ExpressRouteCLITests/Fixtures/reconcile/az-estate.json"
python=/tmp/duckenv/bin/python

[ -x "$python" ] && "$python" -c "import duckdb" 2>/dev/null \
  || { python3 -m venv /tmp/duckenv && /tmp/duckenv/bin/pip install --quiet duckdb >&2; }
(cd "$root" && swift build -c release --product ercalc >&2)
ercalc="$root/.build/release/ercalc"
[ -f "$focus" ] || { echo "generating $focus ..." >&2; python3 "$here/generate_focus.py" "$focus" --bytes "$bytes_wanted" >&2; }
python3 "$here/cache_state.py" read "$focus"

work="$(mktemp -d /tmp/ercalc-reconcile-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
bytes=$(stat -c %s "$focus")

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr)"
echo "load before: $(uptime | sed 's/.*load average: //')"
echo "swift: $(swift --version 2>&1 | head -1); duckdb $("$python" -c 'import duckdb; print(duckdb.__version__)')"
echo "file: $focus, $bytes bytes, $(( $(wc -l < "$focus") - 1 )) physical lines after the header (rows and quoted line breaks)"
echo
echo "| run | tool | wall (s) | user (s) | sys (s) | peak RSS (MB) |"
echo "|---:|---|---:|---:|---:|---:|"

# run TOOL N COMMAND...: one timed run; appends "wall cpu rss" to $work/TOOL.
run() {
  local tool="$1" n="$2"
  shift 2
  /usr/bin/time -o "$work/time" -f "%e %U %S %M" "$@"
  read -r elapsed user system kilobytes < <(tail -1 "$work/time")
  echo "$elapsed $(awk -v u="$user" -v s="$system" 'BEGIN {printf "%.2f", u + s}') $kilobytes" >> "$work/$tool"
  echo "| $n | $tool | $elapsed | $user | $system | $((kilobytes / 1024)) |"
}

for n in $(seq "$runs"); do
  run "ercalc reconcile" "$n" sh -c "'$ercalc' reconcile '$estate' --egress 10TB --actuals '$focus' --format json \
    > '$work/ercalc.json'"
  run "DuckDB 2 threads" "$n" sh -c "'$python' '$here/duckdb_focus.py' '$focus' 2 --lines > '$work/duckdb.jsonl' \
    2> '$work/duckdb.err'"
done
echo "load after: $(uptime | sed 's/.*load average: //')"

# median FILE FIELD: the median of one column of a tool's runs.
median() { awk -v f="$2" '{print $f}' "$1" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
duck_wall=$(median "$work/DuckDB 2 threads" 1)
echo
echo "| tool | median wall (s) | median CPU (s) | max peak RSS (MB) | MB/s (wall) | MB/s per core (per CPU s) | wall ÷ DuckDB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for tool in "ercalc reconcile" "DuckDB 2 threads"; do
  wall=$(median "$work/$tool" 1)
  cpu=$(median "$work/$tool" 2)
  rss=$(awk '$3 > m {m = $3} END {print m}' "$work/$tool")
  awk -v t="$tool" -v w="$wall" -v c="$cpu" -v r="$rss" -v b="$bytes" -v d="$duck_wall" \
    'BEGIN {printf "| %s | %.2f | %.2f | %d | %.0f | %.0f | %.2f |\n", t, w, c, r / 1024, b / w / 1e6, b / c / 1e6, w / d}'
done
echo
python3 "$here/compare_reconcile.py" "$work/ercalc.json" "$work/duckdb.jsonl"
