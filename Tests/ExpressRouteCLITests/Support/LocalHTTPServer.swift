import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for fetch tests: Foundation and sockets only.
///
/// `respond` maps a request path (with its query) and the number of times that
/// path was asked for (1 for the first) to a status code and body. Every
/// connection is closed after one response. Call ``stop()`` when done.
final class LocalHTTPServer: @unchecked Sendable {
  private let socketDescriptor: Int32
  let port: UInt16
  private let respond: @Sendable (String, Int) -> (Int, String)
  private let lock = NSLock()
  private var counts: [String: Int] = [:]
  private var running = true

  init(respond: @escaping @Sendable (String, Int) -> (Int, String)) throws {
    self.respond = respond
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    socketDescriptor = fd
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
    var actual = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    port = UInt16(bigEndian: actual.sin_port)
    let thread = Thread { [self] in serve() }
    thread.start()
  }

  /// `http://127.0.0.1:<port>`.
  var baseURL: String { "http://127.0.0.1:\(port)" }

  /// How many requests `path` received.
  func requests(_ path: String) -> Int {
    lock.lock()
    defer { lock.unlock() }
    return counts[path] ?? 0
  }

  func stop() {
    lock.lock()
    running = false
    lock.unlock()
    shutdown(socketDescriptor, Int32(SHUT_RDWR))
    close(socketDescriptor)
  }

  private func serve() {
    while true {
      let client = accept(socketDescriptor, nil, nil)
      if client < 0 {
        lock.lock()
        let stillRunning = running
        lock.unlock()
        if stillRunning { continue }
        return
      }
      handle(client)
    }
  }

  private func handle(_ client: Int32) {
    defer { close(client) }
    var request = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !request.suffix(4).elementsEqual([13, 10, 13, 10]) {
      let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, 4096, 0) }
      if count <= 0 { return }
      request += buffer[0..<count]
      if request.count > 65536 { return }
    }
    let line = String(decoding: request, as: UTF8.self).split(separator: "\r\n").first ?? ""
    let parts = line.split(separator: " ")
    let path = parts.count > 1 ? String(parts[1]) : "/"
    lock.lock()
    counts[path, default: 0] += 1
    let attempt = counts[path] ?? 1
    lock.unlock()
    let (status, body) = respond(path, attempt)
    let bodyBytes = Array(body.utf8)
    let head =
      "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Error")\r\nContent-Type: application/json\r\nContent-Length: \(bodyBytes.count)\r\nConnection: close\r\n\r\n"
    let bytes = Array(head.utf8) + bodyBytes
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes {
        send(client, $0.baseAddress, bytes.count - sent, Int32(MSG_NOSIGNAL))
      }
      if count <= 0 { return }
      sent += count
    }
  }
}
