import ExpressRouteCLI
import Foundation

// A closed pipe is reported by write(2) as EPIPE instead of killing the process.
signal(SIGPIPE, SIG_IGN)
var output = FileHandleOutputStream.standardOutput
var errors = FileHandleOutputStream.standardError
let status = CLI.run(Array(CommandLine.arguments.dropFirst()), output: &output, errors: &errors)
exit(CLI.finish(status, output: output, errors: &errors).rawValue)
