import ExpressRouteCore

// The umbrella module: one `import ExpressRouteCalculator` gives the whole public API.
//
// The library is built in layers, each module importing only those below it (Package.swift lists them):
// ExpressRouteCore → ExpressRoutePricing, ExpressRouteTraffic → ExpressRoutePlanning, ExpressRouteImport →
// ExpressRouteReports → ExpressRouteCalculator (this module: the use cases each command runs, and these re-exports).

@_exported import ExpressRouteCore
@_exported import ExpressRouteImport
@_exported import ExpressRoutePlanning
@_exported import ExpressRoutePricing
@_exported import ExpressRouteReports
@_exported import ExpressRouteTraffic
