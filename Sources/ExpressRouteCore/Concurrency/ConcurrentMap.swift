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

  /// Maps `batches` in order, each on every core as ``map(_:_:)`` does, and hands each batch's results to `consume`
  /// on the calling thread while the next batch is mapped, so work done between batches (writing a batch's output)
  /// overlaps the next batch's. `consume` returning `false` stops: no batch after the one being mapped is started, and
  /// that one is waited for, so nothing runs once this returns. Memory holds two batches' results at most.
  package static func pipelined<Item: Sendable, Output: Sendable>(
    _ batches: [[Item]], _ transform: @escaping @Sendable (Item) -> Output,
    consume: (_ batch: Int, _ outputs: [Output]) -> Bool
  ) {
    var ahead = batches.first.map { Ahead($0, transform) }
    for index in batches.indices {
      guard let current = ahead else { return }
      let outputs = current.outputs()
      ahead = index + 1 < batches.count ? Ahead(batches[index + 1], transform) : nil
      guard consume(index, outputs) else {
        _ = ahead?.outputs()
        return
      }
    }
  }

  /// One batch mapped on other threads, started when created.
  private final class Ahead<Output: Sendable>: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let results = Mutex<[Output]>([])

    init<Item: Sendable>(_ items: [Item], _ transform: @escaping @Sendable (Item) -> Output) {
      DispatchQueue.global().async {
        let outputs = ConcurrentMap.map(items, transform)
        self.results.withLock { $0 = outputs }
        self.finished.signal()
      }
    }

    /// The batch's results, once every item is mapped (waits until then; call once).
    func outputs() -> [Output] {
      finished.wait()
      return results.withLock { $0 }
    }
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
