import Foundation
import PackagePlugin

/// Embeds the default tables of `PriceTables/` in the library target it is applied to, as the generated
/// `EmbeddedPriceTables` enum: the binary works from any directory, and the embedded tables cannot drift from
/// the files (they are regenerated whenever a file changes).
@main struct EmbedPriceTables: BuildToolPlugin {
  /// The embedded tables: the member name and the file in `PriceTables/`.
  static let tables = [("rateTable", "expressroute-usd.json"), ("peeringLocations", "peering-locations.json")]

  func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
    let folder = context.package.directoryURL.appending(path: "PriceTables")
    let inputs = Self.tables.map { folder.appending(path: $0.1) }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPriceTables.swift")
    return [
      .buildCommand(
        displayName: "Embedding the default price tables in \(target.name)",
        executable: try context.tool(named: "PriceTableEmbedder").url,
        arguments: [output.path] + zip(Self.tables, inputs).map { "\($0.0)=\($1.path)" },
        inputFiles: inputs, outputFiles: [output])
    ]
  }
}
