#!/usr/bin/env python3
"""Checks that `ercalc reconcile --format json` and duckdb_focus.py --lines found the same billed charges.

Usage: compare_reconcile.py ERCALC.json DUCKDB.jsonl

Per resource × meter × month: the billed quantity must be equal exactly (both sum the file's decimals exactly) and
the billed cost within half a cent (ercalc rounds each line to cents). Per resource: ercalc's total must equal the
sum of DuckDB's lines rounded to cents (half up); printed as a Markdown table with DuckDB's exact total. The number
of rows kept must be equal. Exits 1 on any difference.
"""
import json
import sys
from decimal import ROUND_HALF_UP, Decimal

ercalc = json.load(open(sys.argv[1]))
duck = [json.loads(line) for line in open(sys.argv[2])]

billed = {}
for line in ercalc["lines"]:
    if line.get("billed") is None:
        continue
    key = (line["resourceId"].lower(), line["meter"], line["month"])
    assert key not in billed, f"two ercalc lines for {key}"
    billed[key] = (Decimal(line["billed"]), Decimal(line["billedQuantity"] or "0"))

problems = []
totals = {}
for row in duck:
    key = (row["resource"], row["meter"], row["month"])
    cost, quantity = Decimal(row["billed"]), Decimal(row["quantity"])
    mine = billed.pop(key, None)
    if mine is None:
        problems.append(f"DuckDB only: {key} {cost}")
        continue
    if abs(mine[0] - cost) > Decimal("0.005") or mine[1] != quantity:
        problems.append(f"{key}: ercalc {mine[0]} / {mine[1]}, DuckDB {cost} / {quantity}")
    total = totals.setdefault(row["resource"], [Decimal(0), Decimal(0), Decimal(0), 0])
    total[0] += mine[0]
    total[1] += cost
    total[2] += cost.quantize(Decimal("0.01"), ROUND_HALF_UP)
    total[3] += 1
problems += [f"ercalc only: {key} {value[0]}" for key, value in sorted(billed.items())]

kept = sum(row["rows"] for row in duck)
note = next((n for n in ercalc.get("notes", []) if " rows kept" in n), "")
if not note.startswith(f"{kept} of "):
    problems.append(f"rows kept: ercalc '{note}', DuckDB {kept}")

print("| resource | lines | ercalc billed (sum of its lines) | DuckDB, lines rounded to cents | DuckDB exact |")
print("|---|---:|---:|---:|---:|")
for resource in sorted(totals):
    mine, exact, rounded, lines = totals[resource]
    if mine != rounded:
        problems.append(f"{resource}: ercalc total {mine}, DuckDB's lines rounded {rounded}")
    print(f"| {resource.rsplit('/', 1)[-1]} | {lines} | {mine} | {rounded} | {exact.normalize():f} |")
print(f"\nrows kept: DuckDB {kept}; ercalc: {note}")
if problems:
    print("\n".join(["DIFFERENCES:"] + problems[:20]), file=sys.stderr)
    sys.exit(1)
print("same charges: every resource x meter x month equal (quantity exactly, cost within half a cent)")
