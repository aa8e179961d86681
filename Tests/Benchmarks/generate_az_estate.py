#!/usr/bin/env python3
"""Writes an `az network express-route list -o json` estate of N circuits (default 1,000), each a copy of the
first circuit in Tests/ExpressRouteCLITests/Fixtures/existing/az-estate.json (same fields and nesting) with its
own name, id, peering location, bandwidth, SKU and billing, in a shuffled order.

    python3 Tests/Benchmarks/generate_az_estate.py 1000 > /tmp/estate-1000.json
"""
import copy
import json
import random
import sys

LOCATIONS = ["Amsterdam", "London", "Frankfurt", "Paris", "Dublin", "Washington DC", "Chicago", "Dallas",
             "Silicon Valley", "Seattle", "Singapore", "Tokyo", "Sydney", "Sao Paulo", "Johannesburg", "Dubai"]
BANDWIDTHS = [50, 100, 200, 500, 1000, 2000, 5000, 10000]

def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rng = random.Random(2026)
    with open("Tests/ExpressRouteCLITests/Fixtures/existing/az-estate.json") as handle:
        template = json.load(handle)[0]
    estate = []
    for index in range(count):
        circuit = copy.deepcopy(template)
        name = f"site-{index:05d}-er"
        circuit["name"] = name
        circuit["id"] = circuit["id"].rsplit("/", 1)[0] + "/" + name
        circuit["peerings"] = []
        circuit["serviceProviderProperties"]["peeringLocation"] = rng.choice(LOCATIONS)
        circuit["serviceProviderProperties"]["bandwidthInMbps"] = rng.choice(BANDWIDTHS)
        tier = rng.choice(["Standard", "Premium"])
        family = rng.choice(["MeteredData", "UnlimitedData"])
        circuit["sku"] = {"family": family, "name": f"{tier}_{family}", "tier": tier}
        estate.append(circuit)
    rng.shuffle(estate)
    json.dump(estate, sys.stdout, indent=2)
    sys.stdout.write("\n")

if __name__ == "__main__":
    main()
