import Foundation
import TestSupport
import Testing

@testable import ExpressRouteCalculator
@testable import ExpressRouteCore
@testable import ExpressRouteImport
@testable import ExpressRoutePlanning
@testable import ExpressRoutePricing
@testable import ExpressRouteReports
@testable import ExpressRouteTraffic

@Suite struct JSONParserTests {
  typealias ErrorCase = TestSupport.ErrorCase<String>

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      id: "trailing comma in array", json: "[1,2,]",
      expected: "t.json:1:6: error: invalid JSON: trailing comma before ']'"),
    ErrorCase(
      id: "trailing comma in object", json: "{\"a\": 1,\n}",
      expected: "t.json:2:1: error: invalid JSON: trailing comma before '}'"),
    ErrorCase(
      id: "duplicate key", json: "{\"a\": 1,\n  \"a\": 2}",
      expected: "t.json:2:3: error: invalid JSON: duplicate key \"a\""),
    ErrorCase(
      id: "missing colon", json: "{\"a\" 1}",
      expected: "t.json:1:6: error: invalid JSON: expected ':' after key \"a\", found '1'"),
    ErrorCase(
      id: "unterminated string", json: "{\"a\": \"abc", expected: "t.json:1:7: error: invalid JSON: unterminated string"
    ),
    ErrorCase(
      id: "leading zero", json: "[01]", expected: "t.json:1:3: error: invalid JSON: numbers must not have leading zeros"
    ),
    ErrorCase(id: "bare word", json: "[tru]", expected: "t.json:1:5: error: invalid JSON: expected 'true', found ']'"),
    ErrorCase(
      id: "two documents", json: "{} {}",
      expected: "t.json:1:4: error: invalid JSON: unexpected '{' after the end of the JSON document"),
    ErrorCase(id: "empty", json: "", expected: "t.json:1:1: error: invalid JSON: expected a value, found end of file"),
    ErrorCase(
      id: "bad escape", json: "[\"a\\q\"]",
      expected: "t.json:1:4: error: invalid JSON: invalid escape '\\q' in a string"),
    // Keys k0 … k19 on lines 2-21, then a repeat: small objects compare keys directly, from the 17th key on a set is used.
    ErrorCase(
      id: "duplicate of the 16th key in a large object", json: largeObject(repeating: "k15"),
      expected: "t.json:22:1: error: invalid JSON: duplicate key \"k15\""),
    ErrorCase(
      id: "duplicate of the 17th key in a large object", json: largeObject(repeating: "k16"),
      expected: "t.json:22:1: error: invalid JSON: duplicate key \"k16\""),
    ErrorCase(
      id: "duplicate of the first key in a large object", json: largeObject(repeating: "k0"),
      expected: "t.json:22:1: error: invalid JSON: duplicate key \"k0\""),
  ]

  /// `{` then `"k0": 0,` … `"k19": 19,` one per line, then `"key": 99}`.
  static func largeObject(repeating key: String) -> String {
    "{\n" + (0..<20).map { "\"k\($0)\": \($0),\n" }.joined() + "\"\(key)\": 99}"
  }

  @Test(arguments: errorCases)
  func syntaxErrorsHavePositions(_ errorCase: ErrorCase) {
    do {
      _ = try JSONParser.parse(errorCase.json, file: "t.json")
      Issue.record("expected an error")
    } catch {
      #expect(error.description == errorCase.expected)
    }
  }

  @Test func parsesValuesWithPositionsAndExactNumbers() throws {
    let value = try JSONParser.parse(
      "{\n  \"price\": 436.07,\n  \"name\": \"a\\u00e9\\ud83d\\ude00\",\n  \"list\": [true, null]\n}", file: "t.json")
    #expect(value["price"]?.kind == .number("436.07"))
    #expect(value["price"]?.line == 2)
    #expect(value["price"]?.column == 12)
    #expect(value["name"]?.kind == .string("aé😀"))
    #expect(
      value["list"]?.kind
        == .array([JSONValue(.bool(true), line: 4, column: 12), JSONValue(.null, line: 4, column: 18)]))
  }

  @Test func writerRoundTripsAndEscapes() throws {
    let value = JSONValue.object([
      ("b", .string("x\"\n<")), ("a", .array([.number(Fixtures.decimal("0.025")), .null])),
    ])
    let text = JSONWriter.write(value)
    #expect(text == "{\n  \"b\": \"x\\\"\\n<\",\n  \"a\": [\n    0.025,\n    null\n  ]\n}\n")
    let parsed = try JSONParser.parse(text, file: "t")
    #expect(parsed["b"]?.kind == .string("x\"\n<"))
  }

  @Test func nodeErrorsNamePathAndExpectation() throws {
    let root = try JSONNode.parse(Data("{\"rows\": [{\"monthly\": 436}]}".utf8), file: "r.json")
    let row = try root.object().required("rows").array()[0].object()
    let error = Fixtures.diagnostic { _ = try row.required("monthly").price() }
    #expect(
      error?.description
        == "r.json:1:23: error: rows[0].monthly: expected a price string such as \"436.00\", found the number 436")
    let missing = Fixtures.diagnostic { _ = try row.required("tier") }
    #expect(missing?.description == "r.json:1:11: error: rows[0]: missing key 'tier'")
    let unknown = Fixtures.diagnostic { try row.rejectUnknownKeys(["montly", "tier"]) }
    #expect(
      unknown?.description == "r.json:1:23: error: rows[0].monthly: unknown key 'monthly'; did you mean 'montly'?")
  }
}

extension TestSupport.ErrorCase where Input == String {
  /// A case that parses `json`.
  fileprivate init(id: String, json: String, expected: String) { self.init(id: id, input: json, expected: expected) }
  fileprivate var json: String { input }
}
