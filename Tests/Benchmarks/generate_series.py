#!/usr/bin/env python3
"""Writes a large, deterministic traffic CSV in ercalc's long format.

Usage: generate_series.py OUT.csv [--circuits 20] [--days 365] [--interval 60] [--decimals]
                           [--full-precision] [--circuit-major] [--offset +00:00]

One row per circuit per interval: Timestamp,Circuit,BitsInPerSecond,BitsOutPerSecond.
By default rows are interleaved by time (as merged Azure Monitor exports are) with
integer rates and `Z` timestamps: one year of 1-minute samples for 20 circuits is
10,512,000 rows, about 0.55 GB.

--full-precision writes rates as Azure Monitor returns averages: full doubles with up
to 17 significant digits (254587286.86429623), printed shortest-round-trip as Python,
pandas and most JSON-to-CSV tools print them (about 0.78 GB with the defaults).
--circuit-major writes one circuit's whole series after another, as concatenated
per-circuit exports are. --offset writes `+00:00` (or any ±hh:mm) instead of `Z`.
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
    parser.add_argument("--full-precision", action="store_true", help="rates as full doubles (up to 17 significant digits)")
    parser.add_argument("--circuit-major", action="store_true", help="each circuit's whole series in turn")
    parser.add_argument("--offset", default="Z", help="timestamp suffix: Z or an offset such as +00:00")
    args = parser.parse_args()
    rng = random.Random(20261122)
    names = [f"circuit-{i:02d}" for i in range(1, args.circuits + 1)]
    base_in = [rng.randint(50_000_000, 900_000_000) for _ in names]
    base_out = [rng.randint(100_000_000, 2_000_000_000) for _ in names]
    noise = [rng.randint(0, 99_999_999) for _ in range(4099)]
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    steps = args.days * 86400 // args.interval
    fraction = [rng.randint(0, 99_999_999) / 100_000_000 + rng.randint(1, 999) / 1e11 for _ in range(4093)]
    offset_seconds = 0
    if args.offset != "Z":
        sign = -1 if args.offset[0] == "-" else 1
        offset_seconds = sign * (int(args.offset[1:3]) * 3600 + int(args.offset[4:6]) * 60)

    def stamp_of(step):
        t = start + datetime.timedelta(seconds=step * args.interval)
        local = t + datetime.timedelta(seconds=offset_seconds)
        return t, local.strftime("%Y-%m-%dT%H:%M:%S") + args.offset

    def row(step, c, t, stamp):
        k = step * len(names) + c + 1
        daily = 0.4 + 0.6 * (1 if 8 <= t.hour < 20 else 0)
        bits_in = int(base_in[c] * daily) + noise[k % 4099]
        bits_out = int(base_out[c] * daily) + noise[(k * 7) % 4099]
        if args.full_precision:
            return f"{stamp},{names[c]},{bits_in + fraction[k % 4093]!r},{bits_out + fraction[(k * 7) % 4093]!r}\n"
        if args.decimals:
            return f"{stamp},{names[c]},{bits_in}.{k % 100:02d},{bits_out}.{(k * 7) % 100:02d}\n"
        return f"{stamp},{names[c]},{bits_in},{bits_out}\n"

    with open(args.out, "w", newline="") as out:
        out.write("Timestamp,Circuit,BitsInPerSecond,BitsOutPerSecond\n")
        buffer = []
        stamps = [stamp_of(step) for step in range(steps)]
        order = ((step, c) for c in range(len(names)) for step in range(steps)) if args.circuit_major else (
            (step, c) for step in range(steps) for c in range(len(names)))
        for step, c in order:
            t, stamp = stamps[step]
            buffer.append(row(step, c, t, stamp))
            if len(buffer) > 100_000:
                out.write("".join(buffer))
                buffer.clear()
        out.write("".join(buffer))


if __name__ == "__main__":
    main()
