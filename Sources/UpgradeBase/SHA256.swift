import Crypto

/// SHA-256 for the manifest's checksums and the build's keys, from swift-crypto (BoringSSL,
/// compiled with the package, with its assembly for the processor's SHA instructions), so no
/// system library needs installing. This is the only file that calls it.
package enum SHA256 {
    package static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if let hex = bytes.withContiguousStorageIfAvailable({ hex(of: UnsafeRawBufferPointer($0)) }) { return hex }
        return hex(Array(bytes))
    }

    /// For an array, the common case, with no generic dispatch: keys and manifests hash tens of thousands.
    package static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex(of: $0) }
    }

    package static func digest(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { digest(of: $0) }
    }

    package static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        bytes.withContiguousStorageIfAvailable { digest(of: UnsafeRawBufferPointer($0)) } ?? digest(Array(bytes))
    }

    private static func digest(of input: UnsafeRawBufferPointer) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: length) { output, count in
            hash(input, into: output.baseAddress!)
            count = length
        }
    }

    private static let length = Crypto.SHA256.byteCount

    private static func hash(_ input: UnsafeRawBufferPointer, into output: UnsafeMutablePointer<UInt8>) {
        var hasher = Crypto.SHA256()
        hasher.update(bufferPointer: input)
        hasher.finalize().withUnsafeBytes { digest in
            output.update(from: digest.bindMemory(to: UInt8.self).baseAddress!, count: length)
        }
    }

    /// The digest of `input` in lowercase hex, with no array between.
    private static func hex(of input: UnsafeRawBufferPointer) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { digest in
            hash(input, into: digest.baseAddress!)
            let digits: StaticString = "0123456789abcdef"
            return String(unsafeUninitializedCapacity: length * 2) { text in
                digits.withUTF8Buffer { digits in
                    for (index, byte) in digest.enumerated() {
                        text[index * 2] = digits[Int(byte >> 4)]
                        text[index * 2 + 1] = digits[Int(byte & 15)]
                    }
                }
                return length * 2
            }
        }
    }
}
