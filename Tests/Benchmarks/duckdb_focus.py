#!/usr/bin/env python3
"""Keeps the ExpressRoute rows of a FOCUS export in DuckDB, as `ercalc reconcile` does, and prints the wall time.

Usage: duckdb_focus.py FILE.csv THREADS [--lines]

Every column is read as VARCHAR (`NULL` is an empty cell); the CSV is parsed inside the timed query. A row is kept
by ercalc's rules (BillingLedger.isExpressRoute, plus the estate's IDs): its lower-cased ResourceId is one of
az-estate.json's or names an ExpressRoute circuit, port, vWAN gateway or Traffic Collector; or its meter (SkuMeter,
else ChargeDescription) starts with `ergw` or mentions ExpressRoute, Global Reach or Traffic Collector; or
ServiceName or x_SkuMeterCategory mentions ExpressRoute. Kept rows are grouped by resource, meter and month
(ChargePeriodStart), summing BilledCost and ConsumedQuantity (else PricingQuantity) as DECIMAL(38,18).

With --lines, prints the groups as JSON lines (`{"resource", "meter", "month", "billed", "quantity", "rows"}`, decimals as
exact strings) on stdout, for compare_reconcile.py.
"""
import json
import pathlib
import sys
import time

import duckdb

path, threads = sys.argv[1], int(sys.argv[2])
estate = pathlib.Path(__file__).resolve().parents[1] / "ExpressRouteCLITests/Fixtures/reconcile/az-estate.json"
ids = sorted({item["id"].lower() for item in json.loads(estate.read_text()) if "id" in item})
known = ", ".join("'" + i.replace("'", "''") + "'" for i in ids)

con = duckdb.connect()
con.execute(f"SET threads TO {threads}")
query = f"""
WITH t AS (
  SELECT lower(ResourceId) AS rid,
    coalesce(nullif(trim(SkuMeter), ''), trim(ChargeDescription)) AS meter,
    lower(concat_ws(' ', ServiceName, x_SkuMeterCategory)) AS service,
    substr(ChargePeriodStart, 1, 7) AS month,
    BilledCost, coalesce(ConsumedQuantity, PricingQuantity) AS quantity
  FROM read_csv('{path}', header = true, all_varchar = true, nullstr = 'NULL')
)
SELECT rid, meter, month, sum(CAST(BilledCost AS DECIMAL(38, 18))) AS billed,
  sum(CAST(quantity AS DECIMAL(38, 18))) AS quantity, count(*) AS rows
FROM t
WHERE rid IN ({known})
  OR rid LIKE '%/microsoft.network/expressroutecircuits/%'
  OR rid LIKE '%/microsoft.network/expressrouteports/%'
  OR rid LIKE '%/microsoft.network/expressroutegateways/%'
  OR rid LIKE '%/microsoft.networkfunction/azuretrafficcollectors/%'
  OR lower(meter) LIKE 'ergw%' OR lower(meter) LIKE '%expressroute%'
  OR lower(meter) LIKE '%global reach%' OR lower(meter) LIKE '%traffic collector%'
  OR service LIKE '%expressroute%'
GROUP BY rid, meter, month
ORDER BY rid, meter, month
"""
start = time.perf_counter()
rows = con.execute(query).fetchall()
elapsed = time.perf_counter() - start
print(f"duckdb threads={threads}: {elapsed:.3f} s, {len(rows)} result rows, {sum(r[5] for r in rows)} rows kept",
      file=sys.stderr)
if "--lines" in sys.argv:
    for rid, meter, month, billed, quantity, count in rows:
        print(json.dumps({"resource": rid, "meter": meter, "month": month, "billed": str(billed),
                          "quantity": str(quantity), "rows": count}))
