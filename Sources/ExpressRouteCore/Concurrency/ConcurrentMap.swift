import Foundation
import Synchronization

/// Maps independent items on every core, keeping their order: the result is what a loop on one core gives.
package enum ConcurrentMap {
  /// `transform` applied to each of `items`, in `items`' order, by `ProcessInfo.activeProcessorCount` workers
  /// that each take the next item not yet taken (so a run of expensive items never lands on one worker).
  package static func map<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Output)
    -> [Output]
  {
    let workers = min(ProcessInfo.processInfo.activeProcessorCount, items.count)
    guard workers > 1 else { return items.map(transform) }
    let slots = Slots<Output>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while let index = slots.nextIndex() { slots.store(transform(items[index]), at: index) }
    }
    return slots.values()
  }

  /// One result per item, and the next item to hand out.
  private final class Slots<Output: Sendable>: Sendable {
    private struct State {
      var storage: [Output?]
      var next = 0
    }
    private let state: Mutex<State>

    init(count: Int) { state = Mutex(State(storage: [Output?](repeating: nil, count: count))) }

    /// The next item's index, or `nil` when every item has been taken.
    func nextIndex() -> Int? {
      state.withLock { state in
        guard state.next < state.storage.count else { return nil }
        state.next += 1
        return state.next - 1
      }
    }

    func store(_ value: Output, at index: Int) {
      state.withLock { $0.storage[index] = value }
    }

    func values() -> [Output] { state.withLock { $0.storage.compactMap { $0 } } }
  }
}
