import ExpressRouteCLI
import Foundation

var output = FileHandleOutputStream.standardOutput
var errors = FileHandleOutputStream.standardError
let status = CLI.run(Array(CommandLine.arguments.dropFirst()), output: &output, errors: &errors)
exit(status.rawValue)
