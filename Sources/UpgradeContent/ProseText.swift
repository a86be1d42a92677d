import Glibc
import UpgradeBase

/// The CommonMark body of a prose page, and the few facts a build asks of it before it renders
/// anything: whether it may embed a generated table, and which page files it may link to.
///
/// A page the loader read holds its text. A page taken from a `PageCache` holds only the facts,
/// and reads its text from its file the first time something asks for it: a rebuild after one
/// edit among ten thousand pages renders a handful of them, and reads no more than those. If
/// the file changed since its stamp was taken, the text read is the new one; the next build sees
/// the new stamp and makes again everything made from the page.
package final class ProseText: Sendable {
    /// The word an embedding fence names: ```` ```upgradedocs KIND ARG ````.
    package static let fenceWord = "upgradedocs"

    /// What a build asks of a body without rendering it.
    struct Facts: Sendable, Equatable {
        /// Whether the body may hold a fence that embeds a table (`mayEmbed(in:)`).
        let mayEmbed: Bool
        /// Whether it holds `&`, which could start a character reference that hides a link.
        let hasAmpersand: Bool
        /// Whether it holds enough of the marks that open inline or quote nesting (`mayNestDeeply(in:)`).
        let mayNestDeeply: Bool
        /// Every `NAME.html` and `NAME.md` in it, NAME being the longest run of letters, digits, `-`
        /// and `_` before the extension, in order of first occurrence.
        let fileNames: [String]
    }

    private let held: String?
    private let load: (@Sendable () -> String)?
    private let known: Facts?
    /// What was worked out since, once: the text of a body known by its facts, or the facts of a
    /// body held as text.
    private let found: Locked<(text: String?, facts: Facts?)>

    /// A body held as text.
    package init(_ text: String) {
        held = text
        load = nil
        known = nil
        found = Locked((nil, nil))
    }

    /// A body known by its facts, read by `load` when it is first asked for.
    init(facts: Facts, load: @escaping @Sendable () -> String) {
        held = nil
        self.load = load
        known = facts
        found = Locked((nil, nil))
    }

    package var value: String {
        if let held { return held }
        return found.withLock { found in
            if let text = found.text { return text }
            let text = load?() ?? ""
            found.text = text
            return text
        }
    }

    /// Whether the body was read (or held) rather than known by its facts alone.
    var isRead: Bool { held != nil || found.withLock { $0.text != nil } }

    var facts: Facts {
        if let known { return known }
        if let facts = found.withLock({ $0.facts }) { return facts }
        let facts = Self.facts(of: value)
        found.withLock { $0.facts = facts }
        return facts
    }

    /// Whether the body may hold a fence that embeds a generated table.
    package var mayEmbed: Bool { facts.mayEmbed }

    /// Whether the body holds `&`.
    package var hasAmpersand: Bool { facts.hasAmpersand }

    /// Whether the body may nest past `nestingLimit` levels: only such a body is parsed to measure it.
    package var mayNestDeeply: Bool { facts.mayNestDeeply }

    /// The deepest a page's Markdown may nest (emphasis in emphasis, links, quotes, lists): far past
    /// what prose needs, and short of where cmark's CommonMark renderer slows with its square.
    package static let nestingLimit = 64

    /// Each level of nesting past a paragraph takes at least one mark: `*`, `_`, `[` or `>`, or a
    /// list marker `-` or `+` before a blank. A body with no more marks than the limit cannot nest
    /// that deep, and is not parsed to measure it.
    static func mayNestDeeply(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var marks = 0
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case 0x2A, 0x5F, 0x5B, 0x3E: marks += 1
                case 0x2D,
                    0x2B where index + 1 < bytes.count && (bytes[index + 1] == 0x20 || bytes[index + 1] == 0x09):
                    marks += 1
                default: continue
                }
            }
            return marks > nestingLimit
        }
    }

    /// Whether `fileName` (such as `guide.html`) occurs in the body, by bytes.
    package func mentions(_ fileName: String) -> Bool {
        // The name is a run of name bytes, so where it occurs it ends the longest run before the extension.
        // Compared as bytes: both are ASCII, and ten thousand pages are asked.
        guard Self.isPageFileName(fileName) else { return Self.contains(value, fileName) }
        let wanted = fileName.utf8
        return facts.fileNames.contains { $0.utf8.count >= wanted.count && $0.utf8.suffix(wanted.count).elementsEqual(wanted) }
    }

    /// Whether `name` is `NAME.html` or `NAME.md`, NAME a run of name bytes.
    private static func isPageFileName(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard let dot = bytes.firstIndex(of: 0x2E), dot > 0, bytes[..<dot].allSatisfy(isNameByte) else { return false }
            let rest = UnsafeBufferPointer(rebasing: bytes[(dot + 1)...])
            return rest.elementsEqual("html".utf8) || rest.elementsEqual("md".utf8)
        }
    }

    static func facts(of text: String) -> Facts {
        Facts(
            mayEmbed: mayEmbed(in: text), hasAmpersand: contains(text, "&"), mayNestDeeply: mayNestDeeply(in: text),
            fileNames: fileNames(in: text))
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x2D || byte == 0x5F
    }

    /// Every `NAME.html` and `NAME.md` in `text`, as `Facts.fileNames` describes them.
    static func fileNames(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return [] }
            var names: [String] = [], seen: Set<String> = []
            var start = 0
            while start < bytes.count, let hit = memchr(base + start, 0x2E, bytes.count - start) {
                let dot = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                start = dot + 1
                let rest = bytes.count - dot - 1
                let html = rest >= 4 && memcmp(base + dot + 1, "html", 4) == 0
                let md = rest >= 2 && memcmp(base + dot + 1, "md", 2) == 0
                guard html || md else { continue }
                var first = dot
                while first > 0, isNameByte(bytes[first - 1]) { first -= 1 }
                guard first < dot else { continue }
                let name = String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[first..<(dot + 1 + (html ? 4 : 2))]),
                    as: UTF8.self)
                if seen.insert(name).inserted { names.append(name) }
            }
            return names
        }
    }

    /// Whether `needle` occurs in `text`, by bytes.
    package static func contains(_ text: String, _ needle: String) -> Bool {
        occurs(needle, in: text) { _, _ in true }
    }

    /// Whether `text` may hold a fence that embeds a table: the fence word right after three or
    /// more backticks or tildes and optional blanks, as every such fence has it. Found by bytes
    /// (Foundation's search costs more than the page's render), so only a page that may embed
    /// is parsed for its fences.
    package static func mayEmbed(in text: String) -> Bool {
        occurs(fenceWord, in: text) { bytes, found in
            var before = found - 1
            while before >= 0, bytes[before] == 0x20 || bytes[before] == 0x09 { before -= 1 }
            guard before >= 0, bytes[before] == 0x60 || bytes[before] == 0x7E else { return false }
            let mark = bytes[before]
            var run = 0
            while before >= 0, bytes[before] == mark { run += 1; before -= 1 }
            return run >= 3
        }
    }

    /// Whether `needle` occurs in `text` at an offset `accept` takes, found with `memchr` and `memcmp`.
    private static func occurs(
        _ needle: String, in text: String,
        where accept: (UnsafeBufferPointer<UInt8>, Int) -> Bool
    ) -> Bool {
        var text = text, needle = needle
        return text.withUTF8 { bytes in
            needle.withUTF8 { pattern in
                guard let base = bytes.baseAddress, let first = pattern.baseAddress, pattern.count <= bytes.count else {
                    return pattern.isEmpty
                }
                var start = 0
                while start <= bytes.count - pattern.count,
                    let hit = memchr(base + start, Int32(first.pointee), bytes.count - pattern.count - start + 1)
                {
                    let found = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + found, first, pattern.count) == 0, accept(bytes, found) { return true }
                    start = found + 1
                }
                return false
            }
        }
    }
}

/// Two bodies are equal when their texts are: comparing reads both.
extension ProseText: Hashable {
    package static func == (lhs: ProseText, rhs: ProseText) -> Bool {
        lhs === rhs || lhs.value == rhs.value
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}
