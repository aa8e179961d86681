extension OutputOptions {
  /// Runs `produce`, handing it a writer for output made piece by piece: to `--output` (a temporary file renamed
  /// when `produce` returns), to standard output as each piece comes, or (in tests) to the context's output.
  ///
  /// The writer returns `false` once the reader has gone away (`| head -1`), so `produce` can stop rendering; a
  /// file whose reader left (a FIFO) is never reported as written.
  static func stream<Output>(
    _ arguments: ParsedArguments, context: inout CommandContext,
    _ produce: (_ warnings: inout [String], _ write: ([UInt8]) throws -> Bool) throws -> Output
  ) throws -> Output {
    if let path = arguments.value("output"), path != "-" {
      let file = try OutputFile.Stream(path)
      let output = try produce(&context.warnings) { bytes in
        var bytes = bytes
        return try file.write(&bytes)
      }
      try file.commit()
      if !file.readerLeft {
        context.written = path
        context.warnings.append("wrote \(path)")
      }
      return output
    }
    if var direct = context.directOutput, context.output.isEmpty {
      defer { context.directOutput = direct }
      return try produce(&context.warnings) { bytes in
        direct.write(bytes: bytes)
        return direct.failure == nil && !direct.closedPipe
      }
    }
    var text: [UInt8] = []
    let output = try produce(&context.warnings) { bytes in
      text += bytes
      return true
    }
    context.output += String(decoding: text, as: UTF8.self)
    return output
  }
}
