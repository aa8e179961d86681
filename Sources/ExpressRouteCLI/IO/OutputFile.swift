import Foundation

/// Writes a report to `--output`: atomically for regular files, through for pipes and terminals.
///
/// - A new or existing regular file is replaced atomically: the text goes to a
///   temporary file in the same directory, which takes the old file's
///   permission bits (and owner, where allowed) and is renamed over it. On any
///   failure the old file is left as it was.
/// - A symbolic link is followed: its target is replaced as above, and the link stays.
/// - A FIFO or a character device (`/dev/stdout`, `/dev/null`, a terminal) is
///   written through, never replaced.
/// - Anything else (a directory, a block device, a socket) is refused.
enum OutputFile {
  /// Writes `text` to `path`; `false` when `path` is a pipe whose reader went away before taking it all.
  @discardableResult
  static func write(_ text: String, to path: String) throws -> Bool {
    let stream = try Stream(path)
    var bytes = Array(text.utf8)
    let taken = try stream.write(&bytes)
    try stream.commit()
    return taken
  }

  /// An output being written piece by piece: a temporary file renamed over the target by ``commit()`` (removed if
  /// never committed), or a pipe or terminal written through. Reports too large to hold in memory (a budget's CSV)
  /// stream through it and stay atomic.
  final class Stream {
    private enum Destination {
      case regular(temporary: String, target: String, mode: mode_t)
      case through
    }
    private let descriptor: Int32
    private let destination: Destination
    private let shown: String
    private var open = true
    /// Whether the reader of a pipe went away (`EPIPE`): nothing more is written, and nothing was "written" for it.
    private(set) var readerLeft = false

    /// Opens `path` for writing, as ``OutputFile`` describes.
    init(_ path: String) throws {
      guard !path.isEmpty else { throw CommandFailure("no output path given") }  // the option layer rejects '' first
      shown = path
      var target = path
      var status = stat()
      if lstat(target, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
        if let resolved = realpath(path, nil) {
          target = FileManager.default.string(withFileSystemRepresentation: resolved, length: strlen(resolved))
          free(resolved)
        } else {
          // A dangling link: create its target.
          guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else {
            throw CommandFailure("cannot write '\(path)': \(String(cString: strerror(errno)))")
          }
          target =
            link.hasPrefix("/") ? link : (URL(fileURLWithPath: path).deletingLastPathComponent().path + "/" + link)
        }
      }
      guard stat(target, &status) == 0 else {
        guard errno == ENOENT else {
          throw CommandFailure("cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        (descriptor, destination) = try Self.temporary(beside: target, shown: path, existing: nil)
        return
      }
      switch status.st_mode & S_IFMT {
      case S_IFREG:
        (descriptor, destination) = try Self.temporary(beside: target, shown: path, existing: status)
      case S_IFIFO, S_IFCHR:
        let descriptor = Foundation.open(target, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputFile.failure(path, "", errno) }
        (self.descriptor, destination) = (descriptor, .through)
      case S_IFDIR:
        throw CommandFailure("cannot write '\(path)': it is a directory")
      default:
        throw CommandFailure(
          "cannot write '\(path)': it is not a regular file, a pipe or a terminal, and ercalc does not replace special files"
        )
      }
    }

    deinit {
      guard open else { return }
      close(descriptor)
      if case .regular(let temporary, _, _) = destination { unlink(temporary) }
    }

    /// Appends `bytes`; a reader that went away from a pipe (`EPIPE`) is not an error, and returns `false` (nobody
    /// reads what follows).
    @discardableResult
    func write(_ bytes: inout [UInt8]) throws -> Bool {
      guard !readerLeft else { return false }
      guard let error = FileHandleOutputStream.writeAll(descriptor, &bytes) else {
        startWriteback(count: bytes.count)
        return true
      }
      if case .through = destination, error == EPIPE {
        readerLeft = true
        return false
      }
      throw OutputFile.failure(shown, "", error)
    }

    /// Bytes written to the temporary file in all, and how many of them have had their writeback started.
    private var written = 0
    private var handedToWriteback = 0

    /// Starts the kernel writing a regular file's new bytes to disk every 16 MiB (`posix_fadvise` `DONTNEED`, which on
    /// Linux starts writeback without waiting for it), so the `fsync` in ``commit()`` has little left to wait for: a
    /// 600 MB budget CSV otherwise spends about 0.3 s there after the last row.
    private func startWriteback(count: Int) {
      #if os(Linux)
        guard case .regular = destination else { return }
        written += count
        guard written - handedToWriteback >= 16 << 20 else { return }
        // Only the bytes written since the last call: the range before is already on its way.
        _ = posix_fadvise(
          descriptor, off_t(handedToWriteback), off_t(written - handedToWriteback), POSIX_FADV_DONTNEED)
        handedToWriteback = written
      #endif
    }

    /// Finishes the output: a regular file takes its permissions and replaces the target in one rename.
    func commit() throws {
      open = false
      switch destination {
      case .through:
        close(descriptor)
      case .regular(let temporary, let target, let mode):
        var committed = false
        defer {
          if !committed { unlink(temporary) }
        }
        let modeError = fchmod(descriptor, mode) == 0 ? nil : errno
        let syncError = fsync(descriptor) == 0 ? nil : errno
        let closeError = close(descriptor) == 0 ? nil : errno
        if let error = syncError ?? closeError { throw OutputFile.failure(shown, "", error) }
        if let error = modeError { throw OutputFile.failure(shown, "could not set its permissions: ", error) }
        guard rename(temporary, target) == 0 else { throw OutputFile.failure(shown, "rename failed: ", errno) }
        committed = true
      }
    }

    /// A temporary file in `target`'s directory, and the permission bits the finished file takes: the old file's
    /// (and its owner, where allowed), or the usual 0666 less the umask (mkstemp creates 0600).
    private static func temporary(beside target: String, shown: String, existing: stat?) throws -> (
      Int32, Destination
    ) {
      let url = URL(fileURLWithPath: target)
      let directory = url.deletingLastPathComponent().path
      var directoryStatus = stat()
      guard stat(directory, &directoryStatus) == 0, directoryStatus.st_mode & S_IFMT == S_IFDIR else {
        throw CommandFailure("cannot write '\(shown)': directory '\(directory)' does not exist")
      }
      var template = Array((directory + "/.\(url.lastPathComponent).tmp-XXXXXX").utf8CString)
      // The template is never empty (it ends with XXXXXX and a NUL), so its buffer has a base address.
      let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1
      }
      guard descriptor >= 0 else {
        throw OutputFile.failure(shown, "could not create a temporary file in '\(directory)': ", errno)
      }
      let temporary = template.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.map { FileManager.default.string(withFileSystemRepresentation: $0, length: strlen($0)) }
          ?? ""
      }
      let mode: mode_t
      if let existing {
        mode = existing.st_mode & 0o7777
        _ = fchown(descriptor, existing.st_uid, existing.st_gid)
      } else {
        let mask = umask(0)
        umask(mask)
        mode = 0o666 & ~mask
      }
      return (descriptor, .regular(temporary: temporary, target: target, mode: mode))
    }
  }

  fileprivate static func failure(_ path: String, _ what: String, _ error: Int32) -> CommandFailure {
    CommandFailure("cannot write '\(path)': \(what)\(String(cString: strerror(error)))")
  }
}
