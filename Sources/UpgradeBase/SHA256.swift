import CCrypto

/// SHA-256 for the manifest's checksums, from the system's libcrypto (OpenSSL), which
/// uses the processor's SHA instructions where it has them. This is the only file
/// that calls libcrypto.
public enum SHA256 {
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest(bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
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
