#!/usr/bin/env python3
"""Writes a diagnostic-settings metrics export tree, as Azure Monitor writes it to a storage account.

Usage: generate_diagnostic_export.py OUT_DIR [--circuits 2] [--days 365]

One blob per circuit and hour, `insights-metrics-pt1m/resourceId=/SUBSCRIPTIONS/…/EXPRESSROUTECIRCUITS/NAME/
y=YYYY/m=MM/d=DD/h=HH/m=00/PT1H.json`, each a JSON line per record with `count`, `total`, `minimum`,
`maximum`, `average`, `resourceId`, `time`, `metricName`, `timeGrain` (MicrosoftDocs azure-docs, batch
diagnostics and resource logs in storage). Both BitsInPerSecond and BitsOutPerSecond every minute, with
full-precision averages. 2 circuits x 365 days: 17,520 blobs, 2,102,400 records, about 0.6 GB.
"""
import argparse
import datetime
import json
import os
import random


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--circuits", type=int, default=2)
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args()
    rng = random.Random(20261201)
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    fractions = [rng.random() for _ in range(4099)]
    for c in range(1, args.circuits + 1):
        name = f"ER-{c:02d}"
        rid = ("/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/RG-NET/PROVIDERS/"
               f"MICROSOFT.NETWORK/EXPRESSROUTECIRCUITS/{name}")
        base_in = rng.randint(50_000_000, 900_000_000)
        base_out = rng.randint(100_000_000, 2_000_000_000)
        k = 0
        for hour in range(args.days * 24):
            t0 = start + datetime.timedelta(hours=hour)
            folder = os.path.join(args.out, "insights-metrics-pt1m", "resourceId=" + rid,
                                  f"y={t0.year}", f"m={t0.month:02d}", f"d={t0.day:02d}", f"h={t0.hour:02d}", "m=00")
            os.makedirs(folder, exist_ok=True)
            lines = []
            daily = 0.4 + 0.6 * (1 if 8 <= t0.hour < 20 else 0)
            for minute in range(60):
                stamp = (t0 + datetime.timedelta(minutes=minute)).strftime("%Y-%m-%dT%H:%M:%S.0000000Z")
                for metric, base in (("BitsInPerSecond", base_in), ("BitsOutPerSecond", base_out)):
                    k += 1
                    average = base * daily + fractions[k % 4099] * 1e7
                    maximum = average * (1 + fractions[(k * 7) % 4099] / 2)
                    lines.append(json.dumps({
                        "count": 1, "total": average, "minimum": average, "maximum": maximum, "average": average,
                        "resourceId": rid, "time": stamp, "metricName": metric, "timeGrain": "PT1M"}))
            with open(os.path.join(folder, "PT1H.json"), "w") as out:
                out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
