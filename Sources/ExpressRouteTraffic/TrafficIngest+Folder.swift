import ExpressRouteCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reading a folder: a diagnostic-settings export tree holds one blob per circuit and hour (8,760 a year per
/// circuit), read on every core.
///
/// The path-ordered list is cut into runs of consecutive files (about eight per core); each worker takes the next
/// run and reads its files one after the other into its own accumulators, as one core would; the runs' results
/// are merged in path order with ``SeriesAccumulator/append(_:)``, exactly as reading on would add them (the merge
/// used for chunks of one large CSV file). Runs, not single files, are merged: a histogram spans thousands of
/// buckets, and merging one per hourly blob cost more than reading it. Anything the merge cannot
/// settle alone (an error in any file, a repeated or overlapping sample between files, a circuit spelled two
/// ways) sends the whole folder back to reading file after file, so results and messages are the same, to the
/// byte, as one core's.
extension TrafficIngest {
  /// Reads `files` (path and display name) in order, on every core when there are several. `progress` hears the
  /// bytes read so far every 64 MiB (``Options/progressBytes``; the total is not known: 0).
  mutating func readFiles(_ files: [(path: String, displayName: String)], progress: ((Int, Int) -> Void)? = nil)
    throws(Diagnostic)
  {
    let workers = workerCount
    if workers > 1 && files.count > 1 && readFilesInParallel(files, workers: workers, progress: progress) { return }
    let start = bytesRead
    var meter = ProgressMeter(every: options.progressBytes)
    for file in files {
      try readAny(path: file.path, displayName: file.displayName, progress: nil)
      if meter.isDue(bytesRead - start) { progress?(bytesRead - start, 0) }
    }
  }

  /// Reads `files` on `workers` cores and returns `true`; returns `false` having changed nothing when they must
  /// be read one after the other instead.
  private mutating func readFilesInParallel(
    _ files: [(path: String, displayName: String)], workers: Int, progress: ((Int, Int) -> Void)?
  ) -> Bool {
    let single = {
      var options = self.options
      options.workers = 1
      return options
    }()
    let runs = min(files.count, workers * 8)
    let state = ChunkMerge(ingest: self, chunks: runs, lineOffset: 0, total: 0, progress: progress)
    DispatchQueue.concurrentPerform(iterations: min(workers, runs)) { _ in
      while let run = state.take() {
        var piece = TrafficIngest(options: single)
        var result = ChunkResult()
        do {
          for position in (run * files.count / runs)..<((run + 1) * files.count / runs) {
            try piece.readAny(path: files[position].path, displayName: files[position].displayName, progress: nil)
          }
          result = piece.chunkResult()
        } catch {
          result.failed = true
        }
        state.deliver(run, result)
        state.advance(by: result.bytes)
      }
    }
    guard var merged = state.result() else { return false }
    merged.parallelChunks += runs
    self = merged
    return true
  }

  /// Regular files under `folder`, relative to it, sorted by path; hidden entries are left out.
  ///
  /// Walked with `opendir`/`readdir` on `workers` threads (a diagnostic export holds two folders per hourly blob:
  /// 17,520 folders a year per circuit, and opening them is most of the walk), following no symbolic links to
  /// folders. The order of the walk does not matter: the list is sorted.
  static func filesUnder(_ folder: String, workers: Int = 1) -> [String] {
    let walk = FolderWalk()
    DispatchQueue.concurrentPerform(iterations: max(workers, 1)) { _ in
      while let relative = walk.next() {
        let (folders, files) = entries(of: folder, relative)
        walk.finish(folders: folders, files: files)
      }
    }
    return walk.files.sorted()
  }

  /// The folders and regular files in `folder/relative`, relative to `folder` (none when it cannot be read).
  private static func entries(of folder: String, _ relative: String) -> (folders: [String], files: [String]) {
    var folders: [String] = []
    var files: [String] = []
    let path = relative.isEmpty ? folder : folder + "/" + relative
    guard let directory = opendir(path) else { return ([], []) }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard !name.hasPrefix(".") else { continue }
      let child = relative.isEmpty ? name : relative + "/" + name
      // The entry's type from the directory itself when the file system gives it (no stat per entry).
      switch Int32(entry.pointee.d_type) {
      case Int32(DT_DIR):
        folders.append(child)
        continue
      case Int32(DT_REG):
        files.append(child)
        continue
      default: break
      }
      var status = stat()
      guard lstat(folder + "/" + child, &status) == 0 else { continue }
      switch status.st_mode & S_IFMT {
      case S_IFDIR: folders.append(child)
      case S_IFREG: files.append(child)
      case S_IFLNK:
        // A link to a file is read; a link to a folder is not followed (no cycles).
        if stat(folder + "/" + child, &status) == 0, status.st_mode & S_IFMT == S_IFREG { files.append(child) }
      default: break
      }
    }
    return (folders, files)
  }

  /// The folders still to list and the files found, shared by the walking threads.
  private final class FolderWalk: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending = [""]
    /// Threads listing a folder (which may add more).
    private var busy = 0
    private(set) var files: [String] = []

    /// The next folder to list, waiting while others are listed; `nil` when none is left.
    func next() -> String? {
      condition.lock()
      defer { condition.unlock() }
      while pending.isEmpty {
        guard busy > 0 else { return nil }
        condition.wait()
      }
      busy += 1
      return pending.removeLast()
    }

    /// Records what one folder held.
    func finish(folders: [String], files found: [String]) {
      condition.lock()
      defer { condition.unlock() }
      pending.append(contentsOf: folders)
      files.append(contentsOf: found)
      busy -= 1
      condition.broadcast()
    }
  }
}
