/// One SHA-256 over several inputs, each prefixed with its length, so that no two
/// different lists of inputs give the same bytes: what an output was made from,
/// for deciding whether it must be made again.
public struct Fingerprint: Sendable {
    private var bytes: [UInt8] = []

    public init() {}

    public mutating func add(_ text: String) {
        add(text.utf8)
    }

    public mutating func add<Bytes: Collection>(_ part: Bytes) where Bytes.Element == UInt8 {
        var count = UInt64(part.count)
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: count))
            count >>= 8
        }
        bytes.append(contentsOf: part)
    }

    /// A number, as its eight bytes.
    public mutating func add(_ number: Int64) {
        withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public var hex: String { SHA256.hex(bytes) }
}
