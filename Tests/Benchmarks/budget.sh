#!/bin/sh
# Budget benchmark (issue 11): generated portfolios of 100, 1,000 and 10,000 sites over 36 months,
# half fixed deployments with growth, half workload profiles, tagged by region.
# Usage: sh Tests/Benchmarks/budget.sh   (from the package root; builds release first)
# Text and JSON for every size; the FOCUS CSV (every site × month × charge, about 94 rows per site) up to 1,000 sites.
set -eu
swift build -c release >/dev/null
for sites in 100 1000 10000; do
  python3 Tests/Benchmarks/generate_portfolio.py "$sites" 36 > "/tmp/ercalc-portfolio-$sites.json"
  formats="text json csv"
  [ "$sites" -gt 1000 ] && formats="text json"
  for format in $formats; do
    /usr/bin/time -f "$sites sites, $format: %e s wall, %U s user, %M KB peak" \
      .build/release/ercalc budget "/tmp/ercalc-portfolio-$sites.json" --group-by region --format "$format" > /dev/null
  done
done
