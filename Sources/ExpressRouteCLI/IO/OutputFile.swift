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
  static func write(_ text: String, to path: String) throws {
    guard !path.isEmpty else { throw CommandFailure("no output path given") }  // the option layer rejects '' first
    var target = path
    var status = stat()
    if lstat(target, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
      guard let resolved = realpath(path, nil) else {
        // A dangling link: create its target.
        guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else {
          throw CommandFailure("cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        target =
          destination.hasPrefix("/")
          ? destination : (URL(fileURLWithPath: path).deletingLastPathComponent().path + "/" + destination)
        return try replaceRegular(text, at: target, shown: path, existing: nil)
      }
      target = FileManager.default.string(withFileSystemRepresentation: resolved, length: strlen(resolved))
      free(resolved)
    }
    guard stat(target, &status) == 0 else {
      guard errno == ENOENT else { throw CommandFailure("cannot write '\(path)': \(String(cString: strerror(errno)))") }
      return try replaceRegular(text, at: target, shown: path, existing: nil)
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG:
      try replaceRegular(text, at: target, shown: path, existing: status)
    case S_IFIFO, S_IFCHR:
      try writeThrough(text, to: target, shown: path)
    case S_IFDIR:
      throw CommandFailure("cannot write '\(path)': it is a directory")
    default:
      throw CommandFailure(
        "cannot write '\(path)': it is not a regular file, a pipe or a terminal, and ercalc does not replace special files"
      )
    }
  }

  private static func failure(_ path: String, _ what: String, _ error: Int32) -> CommandFailure {
    CommandFailure("cannot write '\(path)': \(what)\(String(cString: strerror(error)))")
  }

  private static func replaceRegular(_ text: String, at target: String, shown: String, existing: stat?) throws {
    let url = URL(fileURLWithPath: target)
    let directory = url.deletingLastPathComponent().path
    var directoryStatus = stat()
    guard stat(directory, &directoryStatus) == 0, directoryStatus.st_mode & S_IFMT == S_IFDIR else {
      throw CommandFailure("cannot write '\(shown)': directory '\(directory)' does not exist")
    }
    var template = Array((directory + "/.\(url.lastPathComponent).tmp-XXXXXX").utf8CString)
    // The template is never empty (it ends with XXXXXX and a NUL), so its buffer has a base address.
    let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
    guard descriptor >= 0 else { throw failure(shown, "could not create a temporary file in '\(directory)': ", errno) }
    let temporary = template.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { FileManager.default.string(withFileSystemRepresentation: $0, length: strlen($0)) } ?? ""
    }
    var committed = false
    defer {
      if !committed { unlink(temporary) }
    }
    // mkstemp creates 0600; give the file the old file's bits, or the usual 0666 less the umask.
    let mode: mode_t
    if let existing {
      mode = existing.st_mode & 0o7777
      _ = fchown(descriptor, existing.st_uid, existing.st_gid)
    } else {
      let mask = umask(0)
      umask(mask)
      mode = 0o666 & ~mask
    }
    var bytes = Array(text.utf8)
    let writeError = FileHandleOutputStream.writeAll(descriptor, &bytes)
    let modeError = fchmod(descriptor, mode) == 0 ? nil : errno
    let syncError = fsync(descriptor) == 0 ? nil : errno
    let closeError = close(descriptor) == 0 ? nil : errno
    if let error = writeError ?? syncError ?? closeError { throw failure(shown, "", error) }
    if let error = modeError { throw failure(shown, "could not set its permissions: ", error) }
    guard rename(temporary, target) == 0 else { throw failure(shown, "rename failed: ", errno) }
    committed = true
  }

  private static func writeThrough(_ text: String, to target: String, shown: String) throws {
    let descriptor = open(target, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(shown, "", errno) }
    var bytes = Array(text.utf8)
    let error = FileHandleOutputStream.writeAll(descriptor, &bytes)
    close(descriptor)
    if let error, error != EPIPE { throw failure(shown, "", error) }
  }
}
