import ExpressRouteCalculator
import Foundation

/// Renders help and usage text in swift-argument-parser's layout.
///
/// Indent 2, label column 26, greedy word wrap at 80 columns; labels wider
/// than the column put their help on the next line.
enum HelpFormatter {
  static let indent = 2
  static let labelColumnWidth = 26
  static let width = 80

  /// `ercalc quote [<deployment>] [<options>]`, or every option when it fits in 80 columns.
  static func usage(_ spec: CommandSpec) -> String {
    let arguments = spec.arguments.map(\.synopsis)
    let options = spec.options.filter { $0.name != "help" }.map { "[\($0.synopsis)\($0.isRepeatable ? " ..." : "")]" }
    let full = ([spec.name] + arguments + options).joined(separator: " ")
    if full.count + "USAGE: ".count <= width { return full }
    return ([spec.name] + arguments + (options.isEmpty ? [] : ["[<options>]"])).joined(separator: " ")
  }

  static func help(_ spec: CommandSpec, subcommands: [CommandSpec] = []) -> String {
    var text = wrapWords("OVERVIEW: \(spec.abstract)", width: width).joined(separator: "\n") + "\n"
    if let discussion = spec.discussion {
      let lines = discussion.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        let indent = line.prefix(while: { $0 == " " }).count
        let body = String(line.dropFirst(indent))
        if indent > 0, let gap = body.range(of: "  ") {
          // "  label   help": lay out like an option row.
          let label = String(body[body.startIndex..<gap.lowerBound])
          let help = body[gap.upperBound...].trimmingCharacters(in: .whitespaces)
          return String(row(label: label, help: help).dropLast())
        }
        return wrap(body, indent: indent)
      }
      text += "\n" + lines.joined(separator: "\n") + "\n"
    }
    text += "\nUSAGE: \(subcommands.isEmpty ? usage(spec) : "\(spec.name) <subcommand>")\n"
    if !spec.arguments.isEmpty {
      text += "\nARGUMENTS:\n"
      for argument in spec.arguments {
        text += row(label: "<\(argument.name)>", help: argument.help)
      }
    }
    text += "\nOPTIONS:\n"
    for option in spec.options {
      var help = option.help
      var details: [String] = []
      if let allowed = option.allowedValues { details.append("values: \(allowed.joined(separator: ", "))") }
      if let value = option.defaultValue { details.append("default: \(value)") }
      if let parent = option.parent { details.append("needs --\(parent)") }
      if !details.isEmpty { help += " (\(details.joined(separator: "; ")))" }
      text += row(label: option.label, help: help)
    }
    if !subcommands.isEmpty {
      text += "\nSUBCOMMANDS:\n"
      for command in subcommands {
        text += row(label: String(command.name.split(separator: " ").last ?? ""), help: command.abstract)
      }
      text += "\n  See '\(spec.name.split(separator: " ").first ?? "") help <subcommand>' for detailed help.\n"
    }
    return text
  }

  static func row(label: String, help: String) -> String {
    let pad = String(repeating: " ", count: indent)
    let labelText = pad + label
    let helpIndent = indent + labelColumnWidth - indent
    let lines = wrapWords(help, width: width - helpIndent)
    var text = ""
    if labelText.count < labelColumnWidth {
      text += labelText + String(repeating: " ", count: labelColumnWidth - labelText.count) + (lines.first ?? "") + "\n"
      for line in lines.dropFirst() { text += String(repeating: " ", count: helpIndent) + line + "\n" }
    } else {
      text += labelText + "\n"
      for line in lines { text += String(repeating: " ", count: helpIndent) + line + "\n" }
    }
    return text
  }

  /// Wraps `text` at 80 columns: the first line indented by `indent`, the rest by `hangingIndent`.
  static func wrap(_ text: String, indent: Int, hangingIndent: Int? = nil) -> String {
    let rest = hangingIndent ?? indent
    let lines = wrapWords(text, width: width - max(indent, rest))
    return lines.enumerated().map { String(repeating: " ", count: $0.offset == 0 ? indent : rest) + $0.element }.joined(
      separator: "\n")
  }

  static func wrapWords(_ text: String, width: Int) -> [String] { HelpWrap.wrap(text, width: width) }

  /// The `Error:` block for a usage error.
  static func usageError(_ error: UsageError, spec: CommandSpec, isGroup: Bool = false) -> String {
    """
    Error: \(error.message)
    Usage: \(isGroup ? "\(spec.name) <subcommand>" : usage(spec))
      See '\(spec.name) --help' for more information.

    """
  }
}
