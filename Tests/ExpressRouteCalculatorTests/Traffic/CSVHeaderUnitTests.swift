import Foundation
import Testing

@testable import ExpressRouteCore
@testable import ExpressRouteTraffic

/// A CSV column's header may name its unit; every spelling of bits per second is read at its scale, and a rate in
/// bytes per second is refused at the header cell (read as bits it would be eight times too low).
@Suite struct CSVHeaderUnitTests {
  /// Two 5-minute samples, outbound 2 then 3 of the unit, inbound 1.
  static func csv(_ unit: String) -> String {
    "Time,Bits Out \(unit),Bits In \(unit)\n2026-03-01T00:00:00Z,2,1\n2026-03-01T00:05:00Z,3,1\n"
  }

  @Test(
    arguments: [
      ("(Mb/s)", Int64(3_000_000)), ("(kb/s)", 3_000), ("(Tbps)", 3_000_000_000_000), ("(Kbps)", 3_000),
      ("(Gbits)", 3_000_000_000), ("(Mbps)", 3_000_000), ("[Gbit/s]", 3_000_000_000), ("(bps)", 3), ("", 3),
      ("(Mbit)", 3_000_000), ("(Megabits per second)", 3_000_000), ("(kilobits/s)", 3_000), ("(MBit/s)", 3_000_000),
      // All capitals, as order forms write bits.
      ("(GBPS)", 3_000_000_000),
      // A word in brackets that is no unit, and a unit as the last word.
      ("(Average)", 3), ("Mbps", 3_000_000), ("(bits/s)", 3),
    ])
  func theHeadersUnitScalesTheColumn(_ unit: String, _ outboundMaximum: Int64) throws {
    let summary = try #require(try TrafficIngestTests.ingest(Self.csv(unit)).first)
    // The larger outbound sample, 3 of the unit; inbound 1 of it.
    #expect(summary.outbound.max.bitsPerSecond == outboundMaximum, "\(unit)")
    #expect(summary.inbound.max.bitsPerSecond * 3 == outboundMaximum, "\(unit)")
  }

  @Test func unitsRunIntoTheNameKeepTheirScale() throws {
    let text = "Time,OutMbps,InMbps,\n2026-03-01T00:00:00Z,2,1,\n2026-03-01T00:05:00Z,3,1,\n"
    let summary = try #require(try TrafficIngestTests.ingest(text.replacingOccurrences(of: ",\n", with: "\n")).first)
    #expect(summary.outbound.max.bitsPerSecond == 3_000_000)
    // `OutBits` holds "tbits": bits, never tera.
    let bits = "Time,OutBits,InBits\n2026-03-01T00:00:00Z,2,1\n2026-03-01T00:05:00Z,3,1\n"
    #expect(try #require(try TrafficIngestTests.ingest(bits).first).outbound.max.bitsPerSecond == 3)
  }

  @Test(arguments: ["(MBps)", "(GB/s)", "(KBps)", "(kB/s)", "(MB)", "(bytes/s)", "(octets/s)"])
  func aRateInBytesIsRefusedAtItsHeader(_ unit: String) throws {
    let error = #expect(throws: Diagnostic.self) { try TrafficIngestTests.ingest(Self.csv(unit)) }
    // Column 6: after `Time,`.
    #expect(
      error?.description.hasPrefix(
        "t.csv:1:6: error: the header 'Bits Out \(unit)' gives its values in \(unit.dropFirst().dropLast()), bytes;")
        == true, "\(String(describing: error))")
  }

  /// A unit in brackets that is no rate in bits per second: megabits with no "per second", IEC prefixes, a percent.
  @Test(arguments: ["(Mb)", "(Mibps)", "(%)"])
  func aUnitThatIsNoRateInBitsIsRefused(_ unit: String) throws {
    let error = #expect(throws: Diagnostic.self) { try TrafficIngestTests.ingest(Self.csv(unit)) }
    #expect(
      error?.description.hasPrefix(
        "t.csv:1:6: error: the header 'Bits Out \(unit)' gives its values in '\(unit.dropFirst().dropLast())', not a rate in bits per second"
      ) == true, "\(String(describing: error))")
  }

  @Test func aUnitRunIntoTheNameInBytesIsRefused() throws {
    let text = "Time,OutMBps,InMBps\n2026-03-01T00:00:00Z,2,1\n2026-03-01T00:05:00Z,3,1\n"
    let error = #expect(throws: Diagnostic.self) { try TrafficIngestTests.ingest(text) }
    #expect(
      error?.description.hasPrefix("t.csv:1:6: error: the header 'OutMBps' gives its values in OutMBps, bytes;") == true
    )
  }
}
