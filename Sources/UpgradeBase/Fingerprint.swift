/// One SHA-256 over several inputs, each prefixed with its length, so that no two
/// different lists of inputs give the same bytes: what an output was made from,
/// for deciding whether it must be made again.
package struct Fingerprint: Sendable {
    private var bytes: [UInt8] = []

    /// Room for a key's few digests from the start: 20,000 keys a rebuild, each grown from
    /// nothing, reallocated five times apiece.
    package init() { bytes.reserveCapacity(256) }

    package mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(buffer: $0) }
    }

    package mutating func add(_ part: [UInt8]) {
        part.withUnsafeBufferPointer { add(buffer: $0) }
    }

    package mutating func add(_ part: some Collection<UInt8>) {
        add(Array(part))
    }

    /// A number, as its eight bytes.
    package mutating func add(_ number: Int64) {
        withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Concrete, not generic: each key of 20,000 is several of these, and a generic append
    /// across modules goes byte by byte.
    private mutating func add(buffer: UnsafeBufferPointer<UInt8>) {
        add(Int64(buffer.count))
        bytes.append(contentsOf: buffer)
    }

    package var hex: String { SHA256.hex(bytes) }
}
