import ExpressRouteCore
@_exported import ExpressRouteCore
@_exported import ExpressRouteImport
@_exported import ExpressRoutePlanning
@_exported import ExpressRoutePricing
@_exported import ExpressRouteReports
@_exported import ExpressRouteTraffic
