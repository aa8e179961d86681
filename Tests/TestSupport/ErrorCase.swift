import Testing

/// One bad input and the exact message it must produce, for a parameterised test (its name is the test's label).
///
/// Suites give it their own labels with an initialiser in an extension (`ErrorCase(id:json:expected:)`).
public struct ErrorCase<Input: Sendable>: Sendable, CustomTestStringConvertible {
  /// The case's name, shown as the test's label.
  public let id: String
  /// The bad input.
  public let input: Input
  /// The exact message expected.
  public let expected: String

  /// The case's name.
  public var testDescription: String { id }

  /// A case named `id`: `input` must fail with `expected`.
  public init(id: String, input: Input, expected: String) {
    self.id = id
    self.input = input
    self.expected = expected
  }
}
