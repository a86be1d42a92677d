import Dispatch

/// Maps work over both cores, keeping the order of the input.
public enum ConcurrentMap {
    public static func run<Element: Sendable, Result: Sendable>(_ items: [Element],
                                                       _ transform: @Sendable (Element) -> Result) -> [Result] {
        let slots = Slots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, transform(items[index]))
        }
        return slots.values
    }
}

/// One slot per index, each written by exactly one iteration: no two threads
/// touch the same slot. Raw memory, because an array in a class property would
/// be checked for exclusive access on every write, across threads.
final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) { storage[index] = value }

    var values: [Value] { (0..<count).map { storage[$0]! } }
}
