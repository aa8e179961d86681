#!/usr/bin/env python3
"""Runs the same aggregation ercalc's ingest does, in DuckDB, and prints the wall time.

Usage: duckdb_query.py FILE.csv THREADS

Per circuit: P50/P95/P99 (nearest rank, quantile_disc) and max of both directions, and
outbound GB per month (Σ rate × 60 s ÷ 8 ÷ 10⁹). The CSV is parsed inside the timed query.
"""
import sys
import time

import duckdb

path, threads = sys.argv[1], int(sys.argv[2])
con = duckdb.connect()
con.execute(f"SET threads TO {threads}")
query = f"""
WITH t AS (
  SELECT * FROM read_csv('{path}', header = true,
    columns = {{'Timestamp': 'TIMESTAMPTZ', 'Circuit': 'VARCHAR', 'BitsInPerSecond': 'DOUBLE', 'BitsOutPerSecond': 'DOUBLE'}})
)
SELECT Circuit, strftime(date_trunc('month', Timestamp), '%Y-%m') AS month,
  quantile_disc(BitsInPerSecond, [0.5, 0.95, 0.99]) AS inbound,
  quantile_disc(BitsOutPerSecond, [0.5, 0.95, 0.99]) AS outbound,
  max(BitsOutPerSecond) AS max_out,
  sum(BitsOutPerSecond) * 60 / 8 / 1e9 AS out_gb
FROM t
GROUP BY GROUPING SETS ((Circuit), (Circuit, date_trunc('month', Timestamp)))
"""
start = time.perf_counter()
rows = con.execute(query).fetchall()
elapsed = time.perf_counter() - start
print(f"duckdb threads={threads}: {elapsed:.3f} s, {len(rows)} result rows")
