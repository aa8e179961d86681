import ExpressRouteCalculator

extension CommandSpec {
  /// Parses `arguments` against this spec.
  ///
  /// Accepts `--name value`, `--name=value`, `-n value`, flags and `--`.
  /// Rejects unknown options (suggesting the nearest), missing values,
  /// values outside `allowedValues`, missing and extra positionals.
  public func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
    var result = ParsedArguments()
    var positionals: [String] = []
    var index = 0
    var onlyPositionals = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      var name = argument
      var inlineValue: String?
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        name = String(argument[argument.startIndex..<equals])
        inlineValue = String(argument[argument.index(after: equals)...])
      }
      guard let option = findOption(name) else {
        if argument.count > 1, Double(argument) != nil {
          positionals.append(argument)
          continue
        }
        var message = "Unknown option '\(name)'"
        if let suggestion = Suggestion.nearest(to: name, in: options.map(\.longName)) {
          message += ". Did you mean '\(suggestion)'?"
        }
        throw UsageError(message)
      }
      guard let valueName = option.valueName else {
        if let inlineValue {
          throw UsageError(
            "The option '\(option.longName)' does not take any value, but '\(inlineValue)' was specified.")
        }
        result.flags.insert(option.name)
        continue
      }
      var value: String
      if let inlineValue {
        value = inlineValue
      } else {
        guard index < arguments.count,
          !(arguments[index].hasPrefix("-") && arguments[index].count > 1 && findOption(arguments[index]) != nil)
        else {
          throw UsageError("Missing value for '\(option.longName) <\(valueName)>'")
        }
        value = arguments[index]
        index += 1
      }
      if let problem = Self.unprintable(value) {
        throw UsageError(
          "The value '\(value)' is invalid for '\(option.longName) <\(valueName)>': it contains \(problem).")
      }
      guard let canonical = option.kind.canonical(value) else {
        throw UsageError(
          "The value '\(value)' is invalid for '\(option.longName) <\(valueName)>'. \(option.kind.expected(value))")
      }
      value = canonical
      if !option.isRepeatable, result.values[option.name] != nil {
        throw UsageError("The option '\(option.longName)' was given more than once.")
      }
      result.values[option.name, default: []].append(value)
    }
    if result.flag("help") { return result }
    for option in options {
      guard let parent = option.parent, result.values[option.name] != nil || result.flags.contains(option.name),
        result.values[parent] == nil && !result.flags.contains(parent), let parentSpec = findOption("--\(parent)")
      else { continue }
      throw UsageError(
        "The option '\(option.longName)' needs '\(parentSpec.synopsis)'; without it, '\(option.longName)' would have no effect."
      )
    }
    for value in positionals {
      if let problem = Self.unprintable(value) {
        throw UsageError("The argument '\(value)' is invalid: it contains \(problem).")
      }
    }
    var remaining = positionals[...]
    for argument in self.arguments {
      if argument.isRepeating {
        result.positionals[argument.name] = Array(remaining)
        if remaining.isEmpty && !argument.isOptional {
          throw UsageError("Missing expected argument '<\(argument.name)>'")
        }
        remaining = []
      } else if let first = remaining.first {
        result.positionals[argument.name] = [first]
        remaining = remaining.dropFirst()
      } else if !argument.isOptional {
        throw UsageError("Missing expected argument '<\(argument.name)>'")
      }
    }
    if let extra = remaining.first {
      throw UsageError("Unexpected argument '\(extra)'")
    }
    return result
  }

  private func findOption(_ name: String) -> OptionSpec? {
    if name.hasPrefix("--") {
      return options.first { $0.longName == name }
    }
    if name.count == 2, let letter = name.last {
      return options.first { $0.short == letter }
    }
    return nil
  }

  /// What makes `text` unusable as a name or value: a control character, an
  /// invisible formatting character (zero-width space, byte-order mark) or a
  /// replacement character (the trace of invalid UTF-8); `nil` when clean.
  static func unprintable(_ text: String) -> String? {
    for scalar in text.unicodeScalars {
      if scalar == "\u{FFFD}" { return "invalid UTF-8 (shown as U+FFFD)" }
      switch scalar.properties.generalCategory {
      case .control: return "the control character U+\(String(scalar.value, radix: 16, uppercase: true))"
      case .format: return "the invisible character U+\(String(scalar.value, radix: 16, uppercase: true))"
      default: continue
      }
    }
    return nil
  }

  /// swift-argument-parser's list: `Please provide one of 'a', 'b' or 'c'.`
  static func allowedValuesSentence(_ values: [String]) -> String {
    if values.count >= 6 {
      return "Please provide one of the following:\n" + values.map { "  - \($0)" }.joined(separator: "\n")
    }
    return "Please provide one of \(Suggestion.list(values))."
  }
}
