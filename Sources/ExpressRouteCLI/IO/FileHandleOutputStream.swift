import Foundation

/// A `TextOutputStream` on a file descriptor (stdout, stderr) that never traps.
///
/// Foundation's `FileHandle.write` traps on a full disk; this stream writes with
/// `write(2)`, retries short writes and `EINTR`, and records the first failure
/// instead. A closed pipe (`EPIPE`, as after `| head -1`) is remembered as
/// ``closedPipe`` so the caller can exit quietly; any other error is kept in
/// ``failure`` for one clear message. After a failure nothing more is written.
public struct FileHandleOutputStream: TextOutputStream {
  private let descriptor: Int32
  /// The first write error other than a closed pipe, as `strerror` text.
  public private(set) var failure: String?
  /// Whether the reader went away (`EPIPE`).
  public private(set) var closedPipe = false

  /// Standard output.
  public static var standardOutput: FileHandleOutputStream { FileHandleOutputStream(descriptor: STDOUT_FILENO) }
  /// Standard error.
  public static var standardError: FileHandleOutputStream { FileHandleOutputStream(descriptor: STDERR_FILENO) }

  /// A stream on `descriptor`, which the caller keeps open.
  public init(descriptor: Int32) { self.descriptor = descriptor }

  /// Writes `string` as UTF-8, unless an earlier write failed.
  public mutating func write(_ string: String) {
    guard failure == nil, !closedPipe, !string.isEmpty else { return }
    var bytes = Array(string.utf8)
    if let error = Self.writeAll(descriptor, &bytes) {
      if error == EPIPE { closedPipe = true } else { failure = String(cString: strerror(error)) }
    }
  }

  /// Writes `bytes` as they are, unless an earlier write failed.
  public mutating func write(bytes: [UInt8]) {
    guard failure == nil, !closedPipe, !bytes.isEmpty else { return }
    var bytes = bytes
    if let error = Self.writeAll(descriptor, &bytes) {
      if error == EPIPE { closedPipe = true } else { failure = String(cString: strerror(error)) }
    }
  }

  /// Writes every byte of `bytes` to `descriptor`; returns `errno` on failure.
  static func writeAll(_ descriptor: Int32, _ bytes: inout [UInt8]) -> Int32? {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        // Not empty (offset < count), so the buffer has a base address.
        buffer.baseAddress.map { Foundation.write(descriptor, $0 + offset, buffer.count - offset) } ?? 0
      }
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      if written == 0 { return EIO }
      offset += written
    }
    return nil
  }
}
