#!/usr/bin/env python3
"""Runs the same aggregation ercalc's ingest does, in Polars, and prints the wall time.

Usage: polars_query.py FILE.csv THREADS   (THREADS sets POLARS_MAX_THREADS before Polars loads)

Per circuit: P50/P95/P99 (nearest rank, quantile "lower"... "nearest") and max of both directions, and
outbound GB per month (sum of rate x 60 s / 8 / 1e9). Timestamps are parsed with their offsets.
The CSV is read inside the timed section.
"""
import os
import sys
import time

path, threads = sys.argv[1], sys.argv[2]
os.environ["POLARS_MAX_THREADS"] = threads
import polars as pl  # noqa: E402

start = time.perf_counter()
frame = pl.read_csv(path, schema={"Timestamp": pl.Utf8, "Circuit": pl.Utf8, "BitsInPerSecond": pl.Float64, "BitsOutPerSecond": pl.Float64})
frame = frame.with_columns(pl.col("Timestamp").str.to_datetime(time_zone="UTC"))
per_circuit = frame.group_by("Circuit").agg(
    [pl.col(c).quantile(q, interpolation="nearest").alias(f"{c}_{q}") for c in ("BitsInPerSecond", "BitsOutPerSecond") for q in (0.5, 0.95, 0.99)]
    + [pl.col("BitsOutPerSecond").max().alias("max_out")])
per_month = frame.group_by(["Circuit", pl.col("Timestamp").dt.truncate("1mo").alias("month")]).agg(
    (pl.col("BitsOutPerSecond").sum() * 60 / 8 / 1e9).alias("out_gb"))
elapsed = time.perf_counter() - start
print(f"polars threads={threads}: {elapsed:.3f} s, {per_circuit.height + per_month.height} result rows")
