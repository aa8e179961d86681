#!/usr/bin/env python3
"""Writes a large, deterministic `az monitor metrics list` export for one ExpressRoute circuit.

Usage: generate_azure_json.py OUT.json [--days 30]

BitsInPerSecond and BitsOutPerSecond at PT1M ("0:01:00"), each split by DeviceRole
(Primary and Secondary, which ercalc sums), timestamps with +00:00: 30 days give
4 x 43,200 points, about 42 MB.
"""
import argparse
import datetime
import json


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--days", type=int, default=30)
    args = parser.parse_args()
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    minutes = args.days * 1440

    def series(role: str, base: int) -> dict:
        return {
            "data": [
                {
                    "average": float(base + (i * 7919) % 100_000_000),
                    "count": None, "maximum": None, "minimum": None, "total": None,
                    "timeStamp": (start + datetime.timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                }
                for i in range(minutes)
            ],
            "metadatavalues": [{"name": {"localizedValue": "devicerole", "value": "devicerole"}, "value": role}],
        }

    def metric(name: str, base: int) -> dict:
        return {
            "errorCode": "Success", "errorMessage": None,
            "id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/ams-1"
            "/providers/Microsoft.Insights/metrics/" + name,
            "name": {"localizedValue": name, "value": name}, "resourceGroup": "rg",
            "timeseries": [series("Primary", base), series("Secondary", base // 2)],
            "type": "Microsoft.Insights/metrics", "unit": "BitsPerSecond",
        }

    end = start + datetime.timedelta(days=args.days)
    document = {
        "cost": 0.0, "interval": "0:01:00", "namespace": "Microsoft.Network/expressRouteCircuits",
        "resourceregion": "westeurope",
        "timespan": f"{start:%Y-%m-%dT%H:%M:%SZ}/{end:%Y-%m-%dT%H:%M:%SZ}",
        "value": [metric("BitsInPerSecond", 300_000_000), metric("BitsOutPerSecond", 600_000_000)],
    }
    with open(args.out, "w") as out:
        json.dump(document, out, indent=2)


if __name__ == "__main__":
    main()
