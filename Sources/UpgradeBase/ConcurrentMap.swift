import Dispatch

/// Maps work over both cores, keeping the order of the input.
///
/// Inlinable, so each caller gets a copy specialized to its types: a build maps over 20,000
/// pages and files at a time, and generic code would copy every page through its witness table.
package enum ConcurrentMap {
    @inlinable
    package static func run<Element: Sendable, Result: Sendable>(
        _ items: [Element],
        _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let slots = Slots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, transform(items[index]))
        }
        return slots.take()
    }

    /// Two different jobs at once, such as loading two models.
    @inlinable
    package static func both<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First,
        _ second: @Sendable () -> Second
    ) -> (First, Second) {
        let one = Slots<First>(count: 1), two = Slots<Second>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { one.set(0, first()) } else { two.set(0, second()) }
        }
        return (one.take()[0], two.take()[0])
    }
}

/// One slot per index, each written by exactly one iteration: no two threads
/// touch the same slot. Raw memory, because an array in a class property would
/// be checked for exclusive access on every write, across threads.
@usableFromInline
final class Slots<Value>: @unchecked Sendable {
    @usableFromInline let storage: UnsafeMutablePointer<Value?>
    @usableFromInline let count: Int
    /// Whether the values were moved out; the slots then hold nothing to release.
    @usableFromInline var taken = false

    @inlinable
    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        if !taken { storage.deinitialize(count: count) }
        storage.deallocate()
    }

    @inlinable
    func set(_ index: Int, _ value: Value) { storage[index] = value }

    /// The values, moved out rather than copied; once, after every slot is set.
    @inlinable
    func take() -> [Value] {
        taken = true
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count { (buffer.baseAddress! + index).initialize(to: (storage + index).move()!) }
            initialized = count
        }
    }
}
