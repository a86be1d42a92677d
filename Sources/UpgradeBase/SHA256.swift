import CCrypto

/// SHA-256 for the manifest's checksums, from the system's libcrypto (OpenSSL), which
/// uses the processor's SHA instructions where it has them. This is the only file
/// that calls libcrypto.
package enum SHA256 {
    /// The algorithm, fetched once. OpenSSL 3's one-call `SHA256()` fetches it again on every call,
    /// which costs four times the hashing of a key of 150 bytes, and a rebuild takes 20,000 such keys.
    private nonisolated(unsafe) static let algorithm = EVP_MD_fetch(nil, "SHA256", nil)

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

    private static let length = Int(SHA256_DIGEST_LENGTH)

    private static func hash(_ input: UnsafeRawBufferPointer, into output: UnsafeMutablePointer<UInt8>) {
        if let algorithm {
            _ = EVP_Digest(input.baseAddress, input.count, output, nil, algorithm, nil)
        } else {
            _ = CCrypto.SHA256(input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count, output)
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
