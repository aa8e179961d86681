import ExpressRouteCalculator
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Downloads every page of the Azure Retail Prices API by following `NextPageLink`.
///
/// Each request has a timeout; network errors, HTTP 429 and 5xx are retried
/// with exponential backoff; other HTTP errors stop at once. A page that is
/// not a valid Retail Prices page is bad input data (a ``Diagnostic``).
struct RetailPriceFetcher {
  /// The API endpoint.
  var endpoint: String
  /// `currencyCode`, or `nil` for the API's default (USD).
  var currency: String?
  /// Seconds before one request times out.
  var timeout: TimeInterval = 30
  /// Attempts per page, the first included.
  var attempts = 3
  /// Delay before the first retry; doubled each time.
  var retryDelay: TimeInterval = 0.5
  /// Where progress lines go.
  var progress: (String) -> Void = { _ in }

  /// The first page's URL: ExpressRoute and VPN Gateway, Consumption prices only.
  func firstURL() throws -> URL {
    // The option layer checked the URL (OptionValueKind.url).
    guard var components = URLComponents(string: endpoint) else { throw CommandFailure("'\(endpoint)' is not a URL") }
    var items = components.queryItems ?? []
    items.append(
      URLQueryItem(
        name: "$filter",
        value:
          "(serviceName eq 'ExpressRoute' or serviceName eq 'VPN Gateway' or (serviceName eq 'Bandwidth' and (productName eq 'Rtn Preference: MGN' or productName eq 'Rtn Preference: Internet'))) and priceType eq 'Consumption'"
      ))
    if let currency { items.append(URLQueryItem(name: "currencyCode", value: "'\(currency)'")) }
    components.queryItems = items
    guard let url = components.url else { throw CommandFailure("'\(endpoint)' is not a URL") }
    return url
  }

  /// Every page, in order.
  /// Downloads every page; `check` sees the pages so far after each one and may stop the download by throwing.
  func fetchAll(check: ([RetailPricePage]) throws -> Void = { _ in }) throws -> [RetailPricePage] {
    var pages: [RetailPricePage] = []
    var next: URL? = try firstURL()
    var seen = Set<String>()
    var items = 0
    while let url = next {
      guard seen.insert(url.absoluteString).inserted else {
        throw CommandFailure(
          "the API returned a NextPageLink it had already given (\(url.absoluteString)); stopping to avoid a loop")
      }
      guard pages.count < 2000 else { throw CommandFailure("more than 2,000 pages; stopping (is the filter right?)") }
      let data = try get(url, page: pages.count + 1)
      let page = try RetailPricePage(json: data, file: "page \(pages.count + 1) (\(url.absoluteString))")
      pages.append(page)
      items += page.items.count
      progress("fetched page \(pages.count): \(page.items.count) items (\(items) in all)\n")
      try check(pages)
      if let link = page.nextPageLink, !link.isEmpty {
        guard let nextURL = URL(string: link, relativeTo: url)?.absoluteURL else {
          throw Diagnostic(
            .error, "NextPageLink '\(link)' is not a URL", file: "page \(pages.count) (\(url.absoluteString))")
        }
        next = nextURL
      } else {
        next = nil
      }
    }
    return pages
  }

  /// What a request's completion handler hands back to the waiting caller.
  private final class Box: Sendable {
    struct Response {
      var data: Data?
      var status = 0
      var error: (any Error)?
    }
    let response = Mutex(Response())
  }

  /// GETs `url`, retrying transient failures.
  private func get(_ url: URL, page: Int) throws -> Data {
    var delay = retryDelay
    var lastProblem = ""
    for attempt in 1...max(attempts, 1) {
      var request = URLRequest(url: url)
      request.timeoutInterval = timeout
      request.setValue("application/json", forHTTPHeaderField: "Accept")
      let box = Box()
      let done = DispatchSemaphore(value: 0)
      let configuration = URLSessionConfiguration.ephemeral
      configuration.timeoutIntervalForRequest = timeout
      configuration.timeoutIntervalForResource = timeout
      let session = URLSession(configuration: configuration)
      session.dataTask(with: request) { data, response, error in
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        box.response.withLock { $0 = Box.Response(data: data, status: status, error: error) }
        done.signal()
      }.resume()
      done.wait()
      session.finishTasksAndInvalidate()
      let reply = box.response.withLock { $0 }
      if let error = reply.error {
        lastProblem = error.localizedDescription
      } else if reply.status == 200, let data = reply.data {
        return data
      } else if reply.status == 429 || reply.status >= 500 {
        lastProblem = "HTTP \(reply.status)"
      } else {
        throw CommandFailure("page \(page) (\(url.absoluteString)): HTTP \(reply.status); not retried")
      }
      if attempt < attempts {
        progress("page \(page): \(lastProblem); retrying in \(delay) s (attempt \(attempt + 1) of \(attempts))\n")
        Thread.sleep(forTimeInterval: delay)
        delay *= 2
      }
    }
    throw CommandFailure(
      "page \(page) (\(url.absoluteString)): gave up after \(attempts) attempts; last: \(lastProblem)")
  }
}
