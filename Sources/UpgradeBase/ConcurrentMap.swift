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

    /// Two different jobs at once, such as loading two models.
    public static func both<First: Sendable, Second: Sendable>(_ first: @Sendable () -> First,
                                                               _ second: @Sendable () -> Second) -> (First, Second) {
        let one = Slots<First>(count: 1), two = Slots<Second>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { one.set(0, first()) } else { two.set(0, second()) }
        }
        return (one.values[0], two.values[0])
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
