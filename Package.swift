// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .treatAllWarnings(as: .error),
]

/// A library module: its name, and the modules below it that it may import.
func library(_ name: String, _ dependencies: [Target.Dependency] = [], plugins: [Target.PluginUsage] = []) -> Target {
  .target(name: name, dependencies: dependencies, swiftSettings: swiftSettings, plugins: plugins)
}

let package = Package(
  name: "ercalc",
  products: [
    .library(name: "ExpressRouteCalculator", targets: ["ExpressRouteCalculator"]),
    .executable(name: "ercalc", targets: ["ercalc"]),
  ],
  targets: [
    // MARK: - Library, in layers: each module imports only those listed before it.
    // Units, money, calendar, diagnostics, JSON reading and writing.
    library("ExpressRouteCore"),
    // Rate tables, peering locations, deployments, the pricing engine and its product rules.
    // (PriceTables/ embedded at build time by the EmbedPriceTables plugin.)
    library("ExpressRoutePricing", ["ExpressRouteCore"], plugins: ["EmbedPriceTables"]),
    // Traffic ingest (CSV, JSON, Azure Monitor shapes) and mergeable summaries.
    library("ExpressRouteTraffic", ["ExpressRouteCore"]),
    // Sizing, budgets, portfolios and estate audits.
    library("ExpressRoutePlanning", ["ExpressRouteCore", "ExpressRoutePricing", "ExpressRouteTraffic"]),
    // Azure, ARM, Terraform and Retail Prices API inputs.
    library("ExpressRouteImport", ["ExpressRouteCore", "ExpressRoutePricing"]),
    // Report documents and their renderers (text, Markdown, JSON, CSV, HTML).
    library(
      "ExpressRouteReports",
      ["ExpressRouteCore", "ExpressRoutePricing", "ExpressRouteTraffic", "ExpressRoutePlanning", "ExpressRouteImport"]),
    // The umbrella: the use cases each command runs, and the re-exported API of every module above.
    library(
      "ExpressRouteCalculator",
      [
        "ExpressRouteCore", "ExpressRoutePricing", "ExpressRouteTraffic", "ExpressRoutePlanning", "ExpressRouteImport",
        "ExpressRouteReports",
      ]),

    // MARK: - Build tools
    // Writes PriceTables/ into ExpressRoutePricing as Swift string literals, on every build that changed them.
    .executableTarget(name: "PriceTableEmbedder", swiftSettings: swiftSettings),
    .plugin(
      name: "EmbedPriceTables", capability: .buildTool(), dependencies: ["PriceTableEmbedder"],
      path: "Sources/EmbedPriceTables"),

    // MARK: - Command line
    .target(
      name: "ExpressRouteCLI",
      dependencies: ["ExpressRouteCalculator"],
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "ercalc",
      dependencies: ["ExpressRouteCLI"],
      swiftSettings: swiftSettings),

    // MARK: - Tests
    .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: swiftSettings),
    .testTarget(
      name: "ExpressRouteCalculatorTests",
      dependencies: ["ExpressRouteCalculator", "TestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "ExpressRouteCLITests",
      dependencies: ["ExpressRouteCLI", "ExpressRouteCalculator", "TestSupport"],
      exclude: ["Fixtures", "Snapshots"],
      swiftSettings: swiftSettings),
  ]
)
