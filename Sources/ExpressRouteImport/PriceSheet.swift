import ExpressRouteCore
import Foundation

/// A Cost Management price sheet export (EA or MCA, CSV): the customer's own prices, row by row.
///
/// The columns are Microsoft's (EA: `EnrollmentNumber`, `MeterName`, `MeterCategory`, `MeterRegion`,
/// `UnitOfMeasure`, `UnitPrice`, `EffectiveStartDate`, `EffectiveEndDate`, `CurrencyCode`, `PriceType`, …; MCA:
/// `BillingAccountId`, `BillingAccountName`, `BillingProfileId`, … `TierMinimumUnits`, `Currency`,
/// `BillingCurrency`), matched ignoring case, spaces and underscores, in any order. A UTF-8 byte-order mark is skipped. Every row must have
/// the header's number of fields; the sheet has one currency (and, on MCA, prices in the billing currency) and one
/// enrollment or billing account. Parquet, gzip, Excel and UTF-16 files are refused by name, with how to get CSV.
package struct PriceSheet: Sendable {
  /// The agreement the sheet comes from.
  package enum Agreement: String, Sendable {
    /// Enterprise Agreement: an enrollment's price sheet.
    case ea = "EA"
    /// Microsoft Customer Agreement: a billing account's (and profile's) price sheet.
    case mca = "MCA"

    /// The column of the prices' currency: `CurrencyCode` (EA) or `Currency` (MCA).
    var currencyColumn: String { self == .ea ? "CurrencyCode" : "Currency" }
    /// The column of whose sheet it is: `EnrollmentNumber` (EA) or `BillingAccountId` (MCA).
    var accountColumn: String { self == .ea ? "EnrollmentNumber" : "BillingAccountId" }
  }

  /// One row, its fields by lower-cased column name.
  package struct Row: Sendable {
    /// The record as read.
    package var record: CSVRecordReader.Record
    /// Column name (lower-cased) → field index.
    package var columns: [String: Int]

    /// The field of `column` (any case, spaces and underscores ignored), or `nil` when the sheet has no such column.
    package func field(_ column: String) -> CSVRecordReader.Field? {
      columns[PriceSheet.columnKey(column)].map { record.fields[$0] }
    }

    /// Where `column`'s field starts in `file` (its own line, after any quoted line break before it), or the row's
    /// first column when the sheet has no such column.
    package func location(of column: String, file: String) -> FileLocation {
      let field = field(column)
      return FileLocation(file: file, line: field?.line ?? line, column: field?.column ?? 1)
    }

    /// The trimmed text of `column`, empty when absent.
    package func text(_ column: String) -> String { field(column)?.text.trimmedOfWhitespace() ?? "" }

    /// Where the row starts.
    package var line: Int { record.line }
  }

  /// The file name shown in diagnostics.
  package var file: String
  /// EA or MCA, from the columns.
  package var agreement: Agreement
  /// The enrollment number (EA) or billing account ID (MCA); empty when the export has no such column.
  package var account: String
  /// The billing account's name (MCA), or `nil`.
  package var accountName: String?
  /// The billing profile (MCA), or `nil`.
  package var billingProfile: String?
  /// The one currency of every price.
  package var currency: CurrencyCode
  /// The rows kept (those the `keep` of ``init(data:file:keep:)`` accepted), header excluded.
  package var rows: [Row]
  /// How many rows the sheet has, header excluded.
  package var rowCount: Int

  /// Reads a sheet from the bytes of its file, keeping the rows `keep` accepts (every row is checked).
  ///
  /// - Throws: ``Diagnostic`` for a file that is not CSV (named), a header without the needed columns, a row with
  ///   another number of fields than the header, and an unknown, missing or mixed currency or account.
  package init(data: Data, file: String, keep: (Row) -> Bool = { _ in true }) throws(Diagnostic) {
    self.file = file
    var bytes = [UInt8](data)
    try Self.refuseOtherFormats(bytes, file: file)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var header: CSVRecordReader.Record?
    var columns: [String: Int] = [:]
    var first: Row?
    var count = 0
    var kept: [Row] = []
    var agreement = Agreement.mca
    var currency = CurrencyCode.usd
    var account = ""
    try CSVRecordReader(file: file).forEachRecord(bytes) { record throws(Diagnostic) in
      guard let header else {
        header = record
        (columns, agreement) = try Self.columns(of: record, file: file)
        return
      }
      guard record.fields.count == header.fields.count else {
        let column = record.fields.count > header.fields.count ? record.fields[header.fields.count].column : 1
        throw Diagnostic(
          .error,
          "the row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"), the header \(header.fields.count) (a field with a comma must be quoted)",
          location: FileLocation(file: file, line: record.line, column: column))
      }
      let row = Row(record: record, columns: columns)
      count += 1
      if first == nil {
        first = row
        currency = try Self.currency(of: row, agreement: agreement, file: file)
        account = row.text(agreement.accountColumn)
      }
      try Self.check(row, first: first ?? row, currency: currency, account: account, agreement: agreement, file: file)
      if keep(row) { kept.append(row) }
    }
    guard let header else {
      throw Diagnostic(
        .error, "the file is empty (expected a price sheet export: a header line, then one line per price)",
        location: FileLocation(file: file, line: 1, column: 1))
    }
    guard let first else {
      throw Diagnostic(
        .error, "the sheet has a header but no rows (expected one line per price)",
        location: FileLocation(file: file, line: header.line, column: 1))
    }
    self.agreement = agreement
    self.currency = currency
    self.account = account
    rows = kept
    rowCount = count
    accountName = agreement == .mca ? first.text("BillingAccountName") : nil
    billingProfile = agreement == .mca ? first.text("BillingProfileName") : nil
    if accountName?.isEmpty == true { accountName = nil }
    if billingProfile?.isEmpty == true { billingProfile = first.text("BillingProfileId") }
    if billingProfile?.isEmpty == true { billingProfile = nil }
  }

  /// The columns of a header, by ``columnKey(_:)``, and the agreement they show; checks the columns ercalc needs.
  static func columns(of header: CSVRecordReader.Record, file: String) throws(Diagnostic) -> ([String: Int], Agreement)
  {
    var columns: [String: Int] = [:]
    for (index, field) in header.fields.enumerated() {
      let name = columnKey(field.text)
      if columns[name] == nil { columns[name] = index }
    }
    let agreement: Agreement = columns["billingaccountid"] != nil || columns["currencycode"] == nil ? .mca : .ea
    for column in ["MeterName", "MeterRegion", "UnitOfMeasure", "UnitPrice", "EffectiveStartDate"]
      + [agreement.currencyColumn] where columns[columnKey(column)] == nil
    {
      throw Diagnostic(
        .error,
        "the header has no '\(column)' column (expected an EA or MCA price sheet export from Cost Management, with MeterName, MeterRegion, UnitOfMeasure, UnitPrice, EffectiveStartDate and CurrencyCode or Currency)",
        location: FileLocation(file: file, line: header.line, column: 1))
    }
    return (columns, agreement)
  }

  /// Refuses a row in another currency than the first, billed in another currency than priced, or of another
  /// enrollment or billing account.
  static func check(
    _ row: Row, first: Row, currency: CurrencyCode, account: String, agreement: Agreement, file: String
  ) throws(Diagnostic) {
    let code = try Self.currency(of: row, agreement: agreement, file: file)
    if code != currency, let field = row.field(agreement.currencyColumn) {
      throw Diagnostic(
        .error,
        "mixed currencies: \(code) here, \(currency) on line \(first.line) (expected one currency per price sheet; export each billing profile or currency separately)",
        location: FileLocation(file: file, line: field.line, column: field.column))
    }
    let billingCurrency = row.text("BillingCurrency")
    if let billing = row.field("BillingCurrency"), !billingCurrency.isEmpty, billingCurrency != code.rawValue {
      throw Diagnostic(
        .error,
        "the prices are in \(code) but billed in '\(billingCurrency)': ercalc does not convert currencies (export the price sheet in the billing currency)",
        location: FileLocation(file: file, line: billing.line, column: billing.column))
    }
    let holder = agreement == .ea ? "enrollment" : "billing account"
    if let field = row.field(agreement.accountColumn), field.text.trimmedOfWhitespace() != account {
      throw Diagnostic(
        .error,
        "a second \(holder) '\(field.text.trimmedOfWhitespace())' (line \(first.line) has '\(account)'; expected one \(holder) per price sheet)",
        location: FileLocation(file: file, line: field.line, column: field.column))
    }
  }

  /// How a column name is matched: lower-cased, letters and digits only (`Unit Price`, `unitPrice` and `UnitPrice`
  /// are one column).
  static func columnKey(_ name: String) -> String {
    String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
  }

  /// The currency of `row`, checked.
  static func currency(of row: Row, agreement: Agreement, file: String) throws(Diagnostic) -> CurrencyCode {
    let column = agreement.currencyColumn
    let text = row.text(column)
    let location = row.location(of: column, file: file)
    guard !text.isEmpty else {
      throw Diagnostic(.error, "no currency in '\(column)' (expected a code such as USD or EUR)", location: location)
    }
    guard let code = CurrencyCode(text) else {
      throw Diagnostic(
        .error, "unknown currency '\(text)' in '\(column)' (expected an ISO 4217 code such as USD or EUR)",
        location: location)
    }
    return code
  }

  /// Refuses, by name, the other formats Cost Management exports, and UTF-16 text.
  static func refuseOtherFormats(_ bytes: [UInt8], file: String) throws(Diagnostic) {
    let location = FileLocation(file: file, line: 1, column: 1)
    let getCSV =
      "in Cost Management, create the price sheet export with format CSV and compression None, or download the price sheet as CSV from the billing account's Usage + charges page"
    if bytes.starts(with: [0x1F, 0x8B]) {
      throw Diagnostic(
        .error, "this is a gzip-compressed file: ercalc reads uncompressed CSV (run 'gunzip -k FILE', or \(getCSV))",
        location: location)
    }
    if bytes.starts(with: Array("PAR1".utf8)) {
      throw Diagnostic(
        .error, "this is a Parquet file: ercalc reads price sheets as CSV (\(getCSV))", location: location)
    }
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      throw Diagnostic(
        .error, "this is a ZIP or Excel (.xlsx) file: ercalc reads price sheets as CSV (\(getCSV))", location: location)
    }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw Diagnostic(
        .error, "this file is UTF-16 text: ercalc reads CSV in UTF-8 (save it as 'CSV UTF-8', or \(getCSV))",
        location: location)
    }
  }
}
