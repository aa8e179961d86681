#!/bin/sh
# Budget benchmark (issue 11): generated portfolios of 100, 1,000 and 10,000 sites over 36 months,
# half fixed deployments with growth, half workload profiles, tagged by region.
# Usage: sh Tests/Benchmarks/budget.sh   (from the package root; builds release first)
# Text, JSON and the FOCUS CSV (every site × month × charge, about 94 rows per site, streamed) for every size; the
# CSV goes to a file with --output, as a pipeline would write it. Peak memory is the maximum resident set (GNU time).
set -eu
swift build -c release >/dev/null
for sites in 100 1000 10000; do
  python3 Tests/Benchmarks/generate_portfolio.py "$sites" 36 > "/tmp/ercalc-portfolio-$sites.json"
  for format in text json; do
    /usr/bin/time -f "$sites sites, $format: %e s wall, %U s user, %M KB peak" \
      .build/release/ercalc budget "/tmp/ercalc-portfolio-$sites.json" --group-by region --format "$format" > /dev/null
  done
  /usr/bin/time -f "$sites sites, csv: %e s wall, %U s user, %M KB peak" \
    .build/release/ercalc budget "/tmp/ercalc-portfolio-$sites.json" --group-by region --format csv \
    --output "/tmp/ercalc-budget-$sites.csv"
  ls -l "/tmp/ercalc-budget-$sites.csv" | awk '{print "  CSV size: " $5 " bytes"}'
  rm -f "/tmp/ercalc-budget-$sites.csv"
done
