/// The single description of a command: parsing, usage lines and help come from it.
public struct CommandSpec: Sendable {
  /// The full command name (`ercalc quote`).
  public var name: String
  /// One sentence for OVERVIEW and the SUBCOMMANDS list.
  public var abstract: String
  /// Extra paragraphs shown under OVERVIEW.
  public var discussion: String?
  /// Positional arguments, in order.
  public var arguments: [ArgumentSpec]
  /// Options and flags, in help order (`--help` is added automatically).
  public var options: [OptionSpec]

  /// Creates a spec.
  public init(
    name: String, abstract: String, discussion: String? = nil, arguments: [ArgumentSpec] = [],
    options: [OptionSpec] = []
  ) {
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.arguments = arguments
    self.options = options + [OptionSpec.help]
  }
}

/// A positional argument.
public struct ArgumentSpec: Sendable {
  /// The name shown in angle brackets.
  public var name: String
  /// Help text.
  public var help: String
  /// Whether it may be left out.
  public var isOptional: Bool
  /// Whether it takes every remaining positional.
  public var isRepeating: Bool

  /// Creates an argument.
  public init(_ name: String, help: String, isOptional: Bool = false, isRepeating: Bool = false) {
    self.name = name
    self.help = help
    self.isOptional = isOptional
    self.isRepeating = isRepeating
  }

  var synopsis: String {
    let base = "<\(name)>" + (isRepeating ? " ..." : "")
    return isOptional ? "[\(base)]" : base
  }
}

/// An option (`--format <format>`) or a flag (`--all`).
public struct OptionSpec: Sendable {
  /// The long name without dashes (`format`); the key in ``ParsedArguments``.
  public var name: String
  /// A one-letter short name (`f` for `-f`).
  public var short: Character?
  /// The value's placeholder; `nil` for a flag.
  public var valueName: String?
  /// Help text.
  public var help: String
  /// The allowed values, when the set is closed.
  public var allowedValues: [String]?
  /// The default shown in help.
  public var defaultValue: String?
  /// Whether it may be given more than once.
  public var isRepeatable: Bool
  /// What the value is; the parser checks every value against it.
  public var kind: OptionValueKind = .text
  /// The option this one refines (`gateway` for `gateway-count`): giving it alone is an error.
  public var parent: String?

  /// Creates an option that takes a value.
  ///
  /// `kind` says what the value is (`allowed` is shorthand for ``OptionValueKind/choice(_:)``);
  /// `parent` names the option this one needs.
  public static func option(
    _ name: String, short: Character? = nil, value: String, kind: OptionValueKind = .text, help: String,
    allowed: [String]? = nil,
    default defaultValue: String? = nil, repeatable: Bool = false, parent: String? = nil
  ) -> OptionSpec {
    OptionSpec(
      name: name, short: short, valueName: value, help: help, allowedValues: allowed, defaultValue: defaultValue,
      isRepeatable: repeatable,
      kind: allowed.map { .choice($0) } ?? kind, parent: parent)
  }

  /// Creates a flag; `parent` names the option it needs.
  public static func flag(_ name: String, short: Character? = nil, help: String, parent: String? = nil) -> OptionSpec {
    OptionSpec(
      name: name, short: short, valueName: nil, help: help, allowedValues: nil, defaultValue: nil, isRepeatable: false,
      parent: parent)
  }

  /// `-h, --help`.
  static let help = OptionSpec.flag("help", short: "h", help: "Show help information.")

  var longName: String { "--\(name)" }
  var synopsis: String { valueName.map { "\(longName) <\($0)>" } ?? longName }
  var label: String { (short.map { "-\($0), " } ?? "") + synopsis }
}

/// What the parser found: option values by long name, flags, and positionals by argument name.
public struct ParsedArguments: Sendable {
  /// Values given for each option, in order.
  public var values: [String: [String]] = [:]
  /// Flags given.
  public var flags: Set<String> = []
  /// Positional values by argument name.
  public var positionals: [String: [String]] = [:]

  /// The last value of option `name`.
  public func value(_ name: String) -> String? { values[name]?.last }
  /// Whether flag `name` was given.
  public func flag(_ name: String) -> Bool { flags.contains(name) }
  /// The first value of argument `name`.
  public func argument(_ name: String) -> String? { positionals[name]?.first }
}
