import UpgradeCore

/// How the search index and `assets/search.js` cut text into terms, so that a query
/// finds what the index holds: runs of letters, digits and marks (Unicode's L, N and M
/// categories, which the script matches with `[\p{L}\p{N}\p{M}]`), composed (NFC, so a word typed
/// with combining accents finds the page that has them precomposed), case-folded a scalar at a time. A few
/// words nearly every page has, and the pieces an apostrophe leaves ("don't"), are left out; the
/// stop words travel in the index, so the script keeps no copy of its own.
enum SearchTerms {
    /// In Unicode scalars, which the script counts as code points. One, so that "Plan 1" and "Plan 2" differ.
    static let minimumLength = 1
    static let stopWords: Set<String> = [
        "a", "d", "i", "ll", "m", "re", "s", "t", "ve", "an", "and", "are", "as", "at", "be", "by", "for", "from",
        "has", "have", "in", "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "with", "html", "md", "amp",
        "nbsp", "quot", "http",
        "https", "www",
    ]

    /// Every term of `text` as its lowered UTF-8 bytes, stop words included: what the index counts,
    /// with no `String` made for a word. The bytes are valid only during the call.
    static func forEachTerm(in text: String, _ each: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            let lowered = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
            defer { lowered.deallocate() }
            var start = -1, scalars = 0, ascii = true
            func flush(_ end: Int) {
                defer { (start, scalars, ascii) = (-1, 0, true) }
                guard start >= 0 else { return }
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if ascii {
                    guard scalars >= minimumLength else { return }
                    for (index, byte) in slice.enumerated() {
                        lowered[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    }
                    each(UnsafeBufferPointer(rebasing: lowered[0..<slice.count]))
                } else {
                    // Folded one scalar at a time, as the script does: no rule that looks at the neighbours
                    // (a final sigma), and the length counted after folding (ß folds to two scalars).
                    var term = Catalog.composed(String(decoding: slice, as: UTF8.self)).unicodeScalars
                        .map(Self.folded).joined()
                    guard term.unicodeScalars.count >= minimumLength else { return }
                    term.withUTF8(each)
                }
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var length = 1, inTerm: Bool
                if byte < 0x80 {
                    let folded = byte | 0x20
                    inTerm = (byte >= 0x30 && byte <= 0x39) || (folded >= 0x61 && folded <= 0x7A)
                } else {
                    let scalar: Unicode.Scalar
                    (scalar, length) = decode(bytes, at: index)
                    inTerm = isTermScalar(scalar)
                    if inTerm { ascii = false }
                }
                if inTerm {
                    if start < 0 { start = index }
                    scalars += 1
                } else if start >= 0 {
                    flush(index)
                }
                index += length
            }
            flush(bytes.count)
        }
    }

    /// Every term of `text` but the stop words, in order, repeats included.
    static func terms(in text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { bytes in
            let term = String(decoding: bytes, as: UTF8.self)
            if !stopWords.contains(term) { terms.append(term) }
        }
        return terms
    }

    /// A name as search compares it whole: its terms, one space between.
    static func normalized(_ name: String) -> String {
        terms(in: name).joined(separator: " ")
    }

    /// A scalar case-folded as names are (upper, then lower case, so "ß" is "ss"), one at a time, as
    /// the script folds: no rule that looks at the neighbours.
    static func folded(_ scalar: Unicode.Scalar) -> String {
        scalar.properties.uppercaseMapping.unicodeScalars.map { $0.properties.lowercaseMapping }.joined()
    }

    /// FNV-1a over the term's UTF-8 bytes: which shard of the index holds it. The script
    /// computes the same with `Math.imul`.
    static func shard(of term: String, among count: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        for byte in term.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return Int(hash % UInt32(count))
    }

    private static func isTermScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            true
        default: false
        }
    }

    /// The scalar whose UTF-8 starts at `index` of valid UTF-8 (a Swift string's), and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0xFF >> (length + 1))
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
