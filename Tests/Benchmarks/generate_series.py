#!/usr/bin/env python3
"""Writes a large, deterministic traffic CSV in ercalc's long format.

Usage: generate_series.py OUT.csv [--circuits 20] [--days 365] [--interval 60] [--decimals]

One row per circuit per interval, interleaved by time (as merged Azure Monitor
exports are): Timestamp,Circuit,BitsInPerSecond,BitsOutPerSecond.
Defaults give one year of 1-minute samples for 20 circuits: 10,512,000 rows, about 0.55 GB.
"""
import argparse
import datetime
import random


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--circuits", type=int, default=20)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--interval", type=int, default=60)
    parser.add_argument("--decimals", action="store_true", help="rates with two decimals, as averaged exports have")
    args = parser.parse_args()
    rng = random.Random(20261122)
    names = [f"circuit-{i:02d}" for i in range(1, args.circuits + 1)]
    base_in = [rng.randint(50_000_000, 900_000_000) for _ in names]
    base_out = [rng.randint(100_000_000, 2_000_000_000) for _ in names]
    noise = [rng.randint(0, 99_999_999) for _ in range(4099)]
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    steps = args.days * 86400 // args.interval
    with open(args.out, "w", newline="") as out:
        out.write("Timestamp,Circuit,BitsInPerSecond,BitsOutPerSecond\n")
        k = 0
        buffer = []
        for step in range(steps):
            t = start + datetime.timedelta(seconds=step * args.interval)
            stamp = t.strftime("%Y-%m-%dT%H:%M:%SZ")
            hour = t.hour
            daily = 0.4 + 0.6 * (1 if 8 <= hour < 20 else 0)
            for c, name in enumerate(names):
                k += 1
                bits_in = int(base_in[c] * daily) + noise[k % 4099]
                bits_out = int(base_out[c] * daily) + noise[(k * 7) % 4099]
                if args.decimals:
                    buffer.append(f"{stamp},{name},{bits_in}.{k % 100:02d},{bits_out}.{(k * 7) % 100:02d}\n")
                else:
                    buffer.append(f"{stamp},{name},{bits_in},{bits_out}\n")
            if len(buffer) > 100_000:
                out.write("".join(buffer))
                buffer.clear()
        out.write("".join(buffer))


if __name__ == "__main__":
    main()
