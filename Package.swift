// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .treatAllWarnings(as: .error),
]

let package = Package(
  name: "ercalc",
  products: [
    .library(name: "ExpressRouteCalculator", targets: ["ExpressRouteCalculator"]),
    .executable(name: "ercalc", targets: ["ercalc"]),
  ],
  targets: [
    // MARK: - Library
    .target(name: "ExpressRouteCalculator", swiftSettings: swiftSettings),

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
