import Foundation

/// Maps independent items on every core, keeping their order: the result is what a loop on one core gives.
package enum ConcurrentMap {
  /// `transform` applied to each of `items`, in `items`' order, by `ProcessInfo.activeProcessorCount` workers
  /// that each take the next item not yet taken (so a run of expensive items never lands on one worker).
  package static func map<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Output) -> [Output] {
    let workers = min(ProcessInfo.processInfo.activeProcessorCount, items.count)
    guard workers > 1 else { return items.map(transform) }
    let slots = Slots<Output>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while let index = slots.nextIndex() { slots.store(transform(items[index]), at: index) }
    }
    return slots.values()
  }

  /// One result per item, and the next item to hand out.
  private final class Slots<Output: Sendable>: @unchecked Sendable {
    private var storage: [Output?]
    private var next = 0
    private let lock = NSLock()

    init(count: Int) { storage = [Output?](repeating: nil, count: count) }

    /// The next item's index, or `nil` when every item has been taken.
    func nextIndex() -> Int? {
      lock.lock()
      defer { lock.unlock() }
      guard next < storage.count else { return nil }
      next += 1
      return next - 1
    }

    func store(_ value: Output, at index: Int) {
      lock.lock()
      storage[index] = value
      lock.unlock()
    }

    func values() -> [Output] { storage.compactMap { $0 } }
  }
}
