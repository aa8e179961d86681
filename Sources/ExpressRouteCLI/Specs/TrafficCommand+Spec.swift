import ExpressRouteCalculator

extension TrafficCommand {
  /// The options and help of `ercalc traffic`.
  static let spec = CommandSpec(
    name: "ercalc traffic",
    abstract: "Summarise traffic series into small files that merge exactly.",
    discussion: """
      Actions:
        summarize   Read series (CSV, Azure Monitor JSON, diagnostic-settings exports as files or folders, AzureMetrics exports, or earlier summaries), oldest first, and write one mergeable summary per circuit.
        query       Print the query that computes the same summary inside the engine that holds the data, per resource, UTC month and direction: KQL for Log Analytics (AzureMetrics) and Data Explorer, SQL for DuckDB and Spark over a diagnostic-settings JSON-lines tree. Its result (Log Analytics REST JSON, az monitor log-analytics query output, or CSV) is read by --series like any series or summary.
        showback    Split a shared circuit's and gateway's monthly cost by each connection's share of the traffic (in + out, scaled to the whole month; metered outbound data by outbound alone, inbound being free), from series split by ConnectionName (ErGatewayConnectionBitsIn/OutPerSecond in a Metrics Batch or Metrics - List response, or az monitor metrics list output). ercalc prices the cost from a deployment file (--deployment: only the series' gateway and the circuits it connects are split, the rest named in a note) or the circuit and gateway options quote takes, on the built-in rate table or --prices/--overrides, and splits each line item on its own into cents that add up to it; --monthly-cost splits a typed amount instead. A connection without samples in a month is named as not measured and gets share 0; charges that cannot be priced are listed and split to nobody.
      A summary holds the rate histogram, exact monthly volumes, coverage, gaps and first and last sample; it does not grow with the data. Give summaries to --series of size or audit (or a portfolio site's traffic.series for budget), oldest first, alone or mixed with raw files: the result is the same as reading all the raw data at once.
      Examples:
        ercalc traffic summarize metrics-2026-01.csv --output 2026-01.summary.json
        ercalc size p.json --series 2026-01.summary.json --series 2026-02.csv
        ercalc traffic showback gateway-batch.json --location Amsterdam --bandwidth 1G --egress 40TB --gateway ErGw1AZ
        ercalc traffic showback gateway-batch.json --deployment shared.json --format csv --output showback.csv
        ercalc traffic showback gateway-batch.json --monthly-cost 1450.00
        ercalc traffic query --engine kql --from 2025-01 --to 2027-01 > summary.kql
        ercalc traffic query --engine duckdb --source 'export/**/*.json' > summary.sql
      """,
    arguments: [
      ArgumentSpec("action", help: "summarize, query or showback."),
      ArgumentSpec(
        "series", help: "Series files or summaries, oldest first; '-' reads standard input.", isOptional: true,
        isRepeating: true),
    ],
    options: [
      .option(
        "output", short: "o", value: "file", kind: .path,
        help: "Write the summary to this file (atomically) instead of standard output; '-' is standard output."),
      .option(
        "interval", value: "seconds", kind: .count(1...(86_400 * 31)),
        help: "Seconds between CSV samples, when a series has a single sample per circuit."),
      .flag("quiet", short: "q", help: "Do not print data warnings or progress on standard error."),
      .option(
        "engine", value: "name", help: "query: the engine to write the query for.", allowed: ["kql", "duckdb", "spark"]),
      .option(
        "source", value: "table-or-path",
        help:
          "query: the table (KQL, default AzureMetrics), the JSON-lines glob (DuckDB, default insights-metrics-pt1m/**/*.json) or folder (Spark, default insights-metrics-pt1m).",
        parent: "engine"),
      .option(
        "from", value: "month", kind: .month, help: "query: the first month to summarise (UTC).", parent: "engine"),
      .option("to", value: "month", kind: .month, help: "query: the month after the last (UTC).", parent: "engine"),
      .option(
        "monthly-cost", value: "amount", kind: .money,
        help:
          "showback: split this typed monthly cost (in your currency, in cents, such as 1450.00) instead of pricing one."
      ),
      .option(
        "deployment", value: "file", kind: .path,
        help: "showback: the shared configuration to price, as a deployment JSON file (as quote takes it)."),
      .option("location", value: "name", help: "showback: the shared circuit's peering location (as quote takes it)."),
      .option(
        "zone", value: "zone", help: "showback: the circuit's billing zone, when no location is given.",
        allowed: Zone.allNames),
      .option("bandwidth", value: "rate", kind: .bandwidth, help: "showback: the circuit's bandwidth, such as 1Gbps."),
      .option(
        "sku", value: "tier", help: "showback: the circuit's SKU tier.", allowed: CircuitTier.allNames,
        default: "Standard"),
      .option(
        "billing", value: "model", help: "showback: the circuit's billing model.", allowed: ["metered", "unlimited"],
        default: "metered"),
      .option(
        "egress", value: "volume", kind: .volume,
        help:
          "showback: the circuit's outbound data per month (without it a metered circuit's data charge is not priced)."),
      .option(
        "gateway", value: "sku", help: "showback: the shared ExpressRoute gateway.", allowed: GatewaySKU.allNames),
      .option(
        "scale-units", value: "n", kind: .count(1...40), help: "showback: scale units of an ErGwScale gateway.",
        parent: "gateway"),
      .option(
        "gateway-count", value: "n", kind: .count(1...1000), help: "showback: number of identical gateways.",
        default: "1", parent: "gateway"),
      .option(
        "period", value: "yyyy-mm", kind: .month,
        help: "showback: the month the configuration is priced for (only charges that fall in it count)."),
      .option(
        "format", short: "f", value: "format", help: "showback: report format.", allowed: OutputOptions.formats,
        default: "text, or from the --output extension"),
      InputFile.limitSpec,
    ]
      + PricingOptions.specs.filter { $0.name != InputFile.limitSpec.name }.map { spec in
        var spec = spec
        spec.help = "showback: " + spec.help.prefix(1).lowercased() + spec.help.dropFirst()
        return spec
      })
}
