import Dispatch
import Foundation

/// A value worked out on another thread from the moment it is made; `value` waits for it.
/// For work that need not hold up the caller until the caller needs its result. The thread is
/// its own, not one of Dispatch's: a caller that waits from inside `concurrentPerform` holds a
/// worker, and on two cores the work could wait for a free one for a second.
package final class Eventually<Value: Sendable>: Sendable {
    private let result = Locked<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    package init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [result, done] in
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }
        thread.start()
    }

    package var value: Value {
        if let value = result.withLock({ $0 }) { return value }
        done.wait()
        // Wake any other thread that waits too: the semaphore is signalled once per waiter.
        done.signal()
        return result.withLock { $0 }!
    }
}
