/// A set of ASCII bytes, for the quick test an escape makes before it walks a text by
/// characters (exact, but slow): a text with none of these bytes has none of the characters.
struct ByteSet: Sendable {
    private let members: [Bool]

    init(_ characters: String) {
        var members = [Bool](repeating: false, count: 256)
        for byte in characters.utf8 { members[Int(byte)] = true }
        self.members = members
    }

    func any(in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in bytes.contains { members[Int($0)] } }
            ?? text.utf8.contains { members[Int($0)] }
    }
}
