import ExpressRouteCore

extension FastPath {
  /// ``FastPath/record(_:)`` for the traffic readers: defined in this module, so the optimiser inlines it into the
  /// row loops, and in a release build, where it is empty, the loops call nothing in another module (a call per row
  /// cost 3% of a CSV year's instructions and kept the row loop's values out of registers).
  @inline(__always)
  static func hit(_ path: FastPath) {
    #if DEBUG
      record(path)
    #endif
  }
}
