import ExpressRouteCore
import ExpressRouteImport
import ExpressRoutePricing
import Foundation

extension UseCases {
  /// An existing or planned estate to import (az/ARM JSON, an ARM template with its parameters, or Terraform JSON),
  /// placed on the location catalogue it is priced with.
  ///
  /// Resources in locations the catalogue does not know are kept and listed as not placed, never fatal.
  public struct EstateImport: Sendable {
    /// The estate document.
    public var data: Data
    /// Its file name, for messages.
    public var file: String
    /// An ARM template's parameter values (the `azuredeploy.parameters.json` shape) and their file name.
    public var parameters: (data: Data, file: String)?

    /// An estate read from `data`, with an ARM template's `parameters` when given.
    public init(data: Data, file: String, parameters: (data: Data, file: String)? = nil) {
      self.data = data
      self.file = file
      self.parameters = parameters
    }

    /// Reads the estate, detecting its format, and places its resources on `locations`.
    ///
    /// - Throws: ``Diagnostic`` for a document (or parameters file) that is not a readable estate.
    package func read(placingOn locations: LocationCatalog) throws(Diagnostic) -> DeploymentImporter.Result {
      var importer = DeploymentImporter()
      if let parameters {
        importer = try DeploymentImporter(templateParametersFile: parameters.data, file: parameters.file)
      }
      return try importer.read(json: data, file: file).placingLocations(locations)
    }
  }
}

/// `UseCases.EstateImport`, by its short name inside the package.
package typealias EstateImport = UseCases.EstateImport
