#!/usr/bin/env bash
# Benchmarks ercalc's traffic ingest against DuckDB and Polars on the same machine and files.
#
# Usage: Tests/Benchmarks/run.sh            all layouts (generates missing files under /tmp, ~3 GB in all)
#        LAYOUTS="full" Tests/Benchmarks/run.sh   only some: integer, full, json, lines
#        RUNS=5 ...                          runs per measurement (default 3)
#        CACHE="read pages" ...              page-cache states to measure in (default read; see cache_state.py)
#
# CSV layouts, each 20 circuits x one year of 1-minute samples:
#   integer  rows interleaved by time, integer rates, `Z` timestamps (/tmp/ercalc-bench.csv, ~0.55 GB)
#   full     one circuit's year after another (concatenated per-circuit exports), full-precision
#            doubles as Azure Monitor returns averages, `+00:00` offsets (/tmp/ercalc-bench-full.csv, ~0.77 GB)
# JSON:
#   json     `az monitor metrics list` export, one circuit, a year of PT1M, both device roles (~0.5 GB)
#   lines    diagnostic-settings export tree: 2 circuits, a year of hourly PT1H.json blobs (~0.78 GB of blobs),
#            read as a folder, from a pipe, and concatenated into one file (/tmp/ercalc-bench-lines.jsonl)
#
# Times `ercalc size` (the whole command: start-up, ingest, percentiles, monthly volumes, solver and
# report) on every core and with ERCALC_THREADS=1, and DuckDB and Polars computing the same
# percentiles and monthly sums from the same CSV with 1 and 2 threads. Prints Markdown tables with
# CPU seconds per GB and the ratio to DuckDB's 2-thread wall time; paste them into Reports/BENCHMARK.md
# with the machine lines printed first.
#
# Before a layout is timed its files are put in the page cache in a known state (cache_state.py): `read`,
# as a file just read from disk (large folios where memory allows), or `pages`, 4 KiB pages, as on a machine
# whose memory is fragmented. Every tool is timed on the same state; for ercalc, which maps the file, the second
# costs 0.1-0.2 s more system time per 0.77 GB.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${RUNS:-3}"
layouts="${LAYOUTS:-integer full json lines}"
cache_states="${CACHE:-read}"

python3 -c "import duckdb, polars" 2>/dev/null || pip install --quiet duckdb polars pytz >&2 || echo "duckdb/polars unavailable: skipping them" >&2
(cd "$root" && swift build -c release --product ercalc >&2)
ercalc="$root/.build/release/ercalc"
profile="$(mktemp /tmp/ercalc-bench-profile.XXXXXX.json)"
record="$(mktemp)"
trap 'rm -f "$profile" "$record"' EXIT

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr)"
echo "swift: $(swift --version 2>&1 | head -1)"
python3 -c "import duckdb, polars; print(f'duckdb {duckdb.__version__}, polars {polars.__version__}')" 2>/dev/null || true

duck_wall=""
# measure LABEL THREADS BYTES COMMAND...: best and median wall time, median CPU, CPU s per GB, max RSS.
measure() {
  local label="$1" threads="$2" bytes="$3"
  shift 3
  local times=() cpus=() rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$record" -f "%e %U %S %M" "$@" > /dev/null 2>&1
    read -r elapsed user system kilobytes < <(tail -1 "$record")
    times+=("$elapsed")
    cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN {printf "%.2f", u + s}')")
    [ "$kilobytes" -gt "$rss" ] && rss="$kilobytes"
  done
  local middle=$(( (runs + 1) / 2 ))
  local best median cpu
  best=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "${middle}p")
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "${middle}p")
  local ratio="—"
  [ -n "$duck_wall" ] && ratio=$(awk -v m="$median" -v d="$duck_wall" 'BEGIN {printf "%.2f", m / d}')
  echo "| $label | $threads | $best | $median | $(awk -v b="$bytes" -v t="$median" 'BEGIN {printf "%.0f", b / t / 1e6}') | $cpu | $(awk -v b="$bytes" -v c="$cpu" 'BEGIN {printf "%.2f", c / (b / 1e9)}') | $ratio | $((rss / 1024)) |"
  LAST_MEDIAN="$median"
}

header() {
  echo
  echo "$1"
  echo
  echo "| tool | threads | best of $runs (s) | median (s) | MB/s (median) | CPU s (median) | CPU s per GB | wall ÷ DuckDB 2 threads | max RSS (MB) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
}

csv_layout() {  # NAME FILE CIRCUIT GENERATOR-ARGS...
  local name="$1" csv="$2" circuit="$3"
  shift 3
  [ -f "$csv" ] || { echo "generating $csv ..." >&2; python3 "$here/generate_series.py" "$csv" "$@"; }
  python3 "$here/cache_state.py" "$cache" "$csv"
  cat > "$profile" <<JSON
{"schemaVersion": 1, "name": "benchmark", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"seriesCircuit": "$circuit"}}
JSON
  local bytes
  bytes=$(stat -c %s "$csv")
  duck_wall=""
  header "$name: $csv, $bytes bytes, $(( $(wc -l < "$csv") - 1 )) rows; page cache: $cache"
  if python3 -c "import duckdb" 2>/dev/null; then
    # DuckDB 2 threads first: the other rows are compared with it.
    measure "DuckDB" 2 "$bytes" python3 "$here/duckdb_query.py" "$csv" 2
    duck_wall="$LAST_MEDIAN"
    measure "DuckDB" 1 "$bytes" python3 "$here/duckdb_query.py" "$csv" 1
  fi
  if python3 -c "import polars" 2>/dev/null; then
    measure "Polars" 2 "$bytes" python3 "$here/polars_query.py" "$csv" 2
    measure "Polars" 1 "$bytes" python3 "$here/polars_query.py" "$csv" 1
  fi
  measure "ercalc size" "$(nproc)" "$bytes" "$ercalc" size "$profile" --series "$csv" --quiet
  measure "ercalc size" 1 "$bytes" env ERCALC_THREADS=1 "$ercalc" size "$profile" --series "$csv" --quiet
}

for cache in $cache_states; do
for layout in $layouts; do
  case "$layout" in
    integer) csv_layout "Interleaved, integer rates, Z" /tmp/ercalc-bench.csv circuit-07 ;;
    full) csv_layout "Circuit-major, full-precision doubles, +00:00" /tmp/ercalc-bench-full.csv circuit-07 --full-precision --circuit-major --offset +00:00 ;;
    json)
      json=/tmp/ercalc-bench-azure.json
      [ -f "$json" ] || { echo "generating $json ..." >&2; python3 "$here/generate_azure_json.py" "$json" --days 365; }
      python3 "$here/cache_state.py" "$cache" "$json"
      cat > "$profile" <<JSON
{"schemaVersion": 1, "name": "benchmark", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"seriesCircuit": "ams-1"}}
JSON
      duck_wall=""
      header "az monitor metrics list export: $json, $(stat -c %s "$json") bytes (one circuit, a year of PT1M, both device roles); page cache: $cache"
      # One document: one reader walks it, its data points are read ahead on the other cores.
      measure "ercalc size" "$(nproc)" "$(stat -c %s "$json")" "$ercalc" size "$profile" --series "$json" --quiet
      measure "ercalc size" 1 "$(stat -c %s "$json")" env ERCALC_THREADS=1 "$ercalc" size "$profile" --series "$json" --quiet
      ;;
    lines)
      tree=/tmp/ercalc-bench-diagnostic
      [ -d "$tree" ] || { echo "generating $tree ..." >&2; python3 "$here/generate_diagnostic_export.py" "$tree"; }
      lines_file=/tmp/ercalc-bench-lines.jsonl
      [ -f "$lines_file" ] || { echo "concatenating the blobs into $lines_file ..." >&2; find "$tree" -type f | sort | xargs cat > "$lines_file"; }
      python3 "$here/cache_state.py" "$cache" "$tree" "$lines_file"
      # The blobs' bytes (du would add the 4 KiB of each of the ~36,000 folders).
      bytes=$(find "$tree" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
      cat > "$profile" <<JSON
{"schemaVersion": 1, "name": "benchmark", "peeringLocation": "Amsterdam", "targetRegions": ["West Europe"], "traffic": {"seriesCircuit": "ER-01"}}
JSON
      duck_wall=""
      header "Diagnostic-settings JSON lines tree: $tree, $bytes bytes in $(find "$tree" -type f | wc -l) blobs; page cache: $cache"
      measure "ercalc size (folder)" "$(nproc)" "$bytes" "$ercalc" size "$profile" --series "$tree" --quiet
      measure "ercalc size (folder)" 1 "$bytes" env ERCALC_THREADS=1 "$ercalc" size "$profile" --series "$tree" --quiet
      measure "ercalc size (pipe)" 1 "$bytes" sh -c "find '$tree' -type f | sort | xargs cat | ERCALC_THREADS=1 '$ercalc' size '$profile' --series - --quiet"
      # The same records as one file: the reading alone, without opening 35,800 folders and 17,520 files.
      measure "ercalc size (one JSON-lines file)" "$(nproc)" "$bytes" "$ercalc" size "$profile" --series "$lines_file" --quiet
      measure "ercalc size (one JSON-lines file)" 1 "$bytes" env ERCALC_THREADS=1 "$ercalc" size "$profile" --series "$lines_file" --quiet
      # What walking the tree costs any program (its CPU column; it reads no blob).
      measure "find -type f (walk only)" 1 "$bytes" find "$tree" -type f
      ;;
  esac
done
done
