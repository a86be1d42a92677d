/// Whole numbers as ASCII digits, read and written by bytes: the build record and the page cache
/// hold tens of thousands of them, and a `String` between each number and its bytes costs more
/// than the rest of their reading and writing.
package enum DecimalDigits {
    /// The number the digits spell; nil when they are empty, hold anything but digits, or overflow.
    @inlinable
    package static func value<Digits: Collection<UInt8>>(of digits: Digits) -> Int64? {
        guard !digits.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(Int64(byte - 0x30))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    /// Appends the digits of `number` to `bytes`.
    @inlinable
    package static func append(_ number: some BinaryInteger, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var (value, count) = (UInt64(number), 0)
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(value % 10)
                (value, count) = (value / 10, count + 1)
            } while value > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[(20 - count)...]))
        }
    }
}
