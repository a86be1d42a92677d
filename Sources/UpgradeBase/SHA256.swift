import CCrypto

/// SHA-256 for the manifest's checksums, from the system's libcrypto (OpenSSL), which
/// uses the processor's SHA instructions where it has them. This is the only file
/// that calls libcrypto.
public enum SHA256 {
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        hex(digest: digest(bytes))
    }

    /// For an array, the common case, with no generic dispatch: keys and manifests hash tens of thousands.
    public static func hex(_ bytes: [UInt8]) -> String {
        hex(digest: digest(bytes))
    }

    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        bytes.withUnsafeBufferPointer { buffer in _ = CCrypto.SHA256(buffer.baseAddress, buffer.count, &output) }
        return output
    }

    private static func hex(digest: [UInt8]) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: digest.count * 2) { text in
            digits.withUTF8Buffer { digits in
                for (index, byte) in digest.enumerated() {
                    text[index * 2] = digits[Int(byte >> 4)]
                    text[index * 2 + 1] = digits[Int(byte & 15)]
                }
            }
            return digest.count * 2
        }
    }

    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var output = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        let hashed: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            _ = CCrypto.SHA256(buffer.baseAddress, buffer.count, &output)
        }
        if hashed == nil {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { buffer in _ = CCrypto.SHA256(buffer.baseAddress, buffer.count, &output) }
        }
        return output
    }
}
