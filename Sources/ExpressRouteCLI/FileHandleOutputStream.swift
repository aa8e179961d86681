import Foundation

/// A `TextOutputStream` that writes straight to a file handle (stdout, stderr).
public struct FileHandleOutputStream: TextOutputStream {
  private let handle: FileHandle

  /// Standard output.
  public static var standardOutput: FileHandleOutputStream { FileHandleOutputStream(handle: .standardOutput) }
  /// Standard error.
  public static var standardError: FileHandleOutputStream { FileHandleOutputStream(handle: .standardError) }

  /// Writes `string` as UTF-8.
  public mutating func write(_ string: String) {
    handle.write(Data(string.utf8))
  }
}
