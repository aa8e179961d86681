#!/usr/bin/env python3
"""Writes an ercalc portfolio of N sites over M months to standard output (issue 11 benchmark).

Half the sites are fixed deployments with yearly growth, half are workload profiles; sites carry
tags (region, business unit) so reports can group them. Deterministic: the same N gives the same file.

    python3 Tests/Benchmarks/generate_portfolio.py 1000 36 > /tmp/estate-1000.json
"""
import json
import random
import sys

LOCATIONS = [
    ("Amsterdam", "Europe", "West Europe"), ("London", "Europe", "UK South"), ("Frankfurt", "Europe", "Germany West Central"),
    ("Paris", "Europe", "France Central"), ("Dublin", "Europe", "North Europe"), ("Washington DC", "North America", "East US"),
    ("Chicago", "North America", "North Central US"), ("Dallas", "North America", "South Central US"),
    ("Silicon Valley", "North America", "West US"), ("Toronto", "North America", "Canada Central"),
    ("Singapore", "Asia Pacific", "Southeast Asia"), ("Tokyo", "Asia Pacific", "Japan East"), ("Sydney", "Asia Pacific", "Australia East"),
    ("Hong Kong", "Asia Pacific", "East Asia"), ("Sao Paulo", "South America", "Brazil South"),
]
UNITS = ["Retail", "Manufacturing", "Finance", "Logistics", "Research"]
BANDWIDTHS = ["200 Mbps", "500 Mbps", "1 Gbps", "2 Gbps", "5 Gbps", "10 Gbps"]


def site(index, rng):
    location, region, azure_region = LOCATIONS[index % len(LOCATIONS)]
    tags = {"region": region, "businessUnit": UNITS[(index // len(LOCATIONS)) % len(UNITS)], "costCentre": f"CC-{1000 + index % 40}"}
    name = f"{location} site {index + 1:05d}"
    if index % 2 == 0:
        tier = rng.choice(["Standard", "Standard", "Premium"])
        billing = rng.choice(["MeteredData", "UnlimitedData"])
        circuit = {"name": f"er-{index + 1:05d}", "peeringLocation": location, "tier": tier, "billing": billing,
                   "bandwidth": rng.choice(BANDWIDTHS[:4])}
        if billing == "MeteredData":
            # At most a quarter of what the circuit carries one way in 730 hours (1 Mbps ≈ 0.3285 TB), so growth fits.
            value, unit = circuit["bandwidth"].split()
            mbps = int(value) * (1000 if unit == "Gbps" else 1)
            circuit["egress"] = f"{rng.randint(1, max(1, int(mbps * 0.3285 / 4)))} TB"
        deployment = {"circuits": [circuit],
                      "gateways": [{"name": f"gw-{index + 1:05d}", "sku": rng.choice(["ErGw1AZ", "ErGw2AZ"]), "circuits": [circuit["name"]]}]}
        return {"name": name, "tags": tags, "yearlyGrowth": f"0.{rng.randint(0, 4)}", "deployment": deployment}
    peak = rng.randint(50, 1800)
    return {"name": name, "tags": tags, "profile": {
        "peeringLocation": location, "targetRegions": [azure_region],
        "traffic": {"peakOutbound": f"{peak} Mbps", "peakInbound": f"{peak // 3 + 1} Mbps", "monthlyEgress": f"{rng.randint(1, max(1, int(peak * 0.3285 / 4)))} TB"},
        "sizing": {"percentile": 95, "targetUtilization": "0.8", "yearlyGrowth": f"0.{rng.randint(1, 5)}"},
        "virtualNetworks": rng.randint(1, 9), "gateways": 1}}


def main():
    sites = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    months = int(sys.argv[2]) if len(sys.argv) > 2 else 36
    rng = random.Random(sites)
    portfolio = {"schemaVersion": 1, "name": f"Generated estate of {sites} sites", "startMonth": "2027-01", "horizonMonths": months,
                 "sites": [site(i, rng) for i in range(sites)]}
    json.dump(portfolio, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
