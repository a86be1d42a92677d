import UpgradeSiteContract

/// Attributes as a browser reads them. A value that content smuggled a quote into ends early
/// and leaves the rest of its text as new attributes (`content="Apps"́ onmouseover=…`), which
/// the parsed tree shows as a name the contract does not list; the raw text shows the quote
/// followed by something other than a space, `/` or `>`, and a raw `<` inside a value.
enum AttributeVerification {
    struct Finding: Equatable {
        let line: Int
        let message: String
    }

    static func findings(html text: String, page: HTMLElement) -> [Finding] {
        var found = rawFindings(text)
        var seen = Set<String>()
        func walk(_ element: HTMLElement) {
            for name in element.attributes.names where !allowed(name) && seen.insert("\(element.line) \(name)").inserted {
                found.append(
                    Finding(
                        line: element.line,
                        message: "<\(element.name)> has the attribute '\(name)', which no page of the site may carry"))
            }
            element.elements.forEach(walk)
        }
        walk(page)
        return found.sorted { ($0.line, $0.message) < ($1.line, $1.message) }
    }

    static func allowed(_ name: String) -> Bool {
        Markup.attributes.contains(name) || (name.hasPrefix("aria-") && name.count > 5)
    }

    /// Start tags whose quoted values hold a raw `<` or close on something other than a space, `/` or `>`.
    static func rawFindings(_ text: String) -> [Finding] {
        let bytes = Array(text.utf8)
        var found: [Finding] = []
        var line = 1, index = 0
        var rawText: [UInt8]? = nil  // inside <script> or <style>: the closing tag's name
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            guard byte == UInt8(ascii: "<"), index + 1 < bytes.count else { index += 1; continue }
            if let closing = rawText {
                let end = Array("</".utf8) + closing
                if bytes[index...].starts(with: end) { rawText = nil }
                index += 1
                continue
            }
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                while index < bytes.count, !bytes[index...].starts(with: Array("-->".utf8)) {
                    if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                    index += 1
                }
                continue
            }
            guard isLetter(bytes[index + 1]) else { index += 1; continue }
            var cursor = index + 1
            while cursor < bytes.count, isLetter(bytes[cursor]) || (bytes[cursor] >= 0x30 && bytes[cursor] <= 0x39) {
                cursor += 1
            }
            let name = bytes[(index + 1)..<cursor].map { $0 | 0x20 }
            let tagLine = line
            // Attributes until the tag closes.
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">") {
                let current = bytes[cursor]
                if current == UInt8(ascii: "\n") { line += 1 }
                if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                    var end = cursor + 1
                    while end < bytes.count, bytes[end] != current {
                        if bytes[end] == UInt8(ascii: "\n") { line += 1 }
                        if bytes[end] == UInt8(ascii: "<") {
                            found.append(
                                Finding(
                                    line: line,
                                    message: "a raw '<' inside an attribute value of <\(String(decoding: name, as: UTF8.self))>"))
                        }
                        end += 1
                    }
                    let after = end + 1 < bytes.count ? bytes[end + 1] : UInt8(ascii: ">")
                    if ![
                        UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "/"),
                        UInt8(ascii: ">"),
                    ].contains(after) {
                        found.append(
                            Finding(
                                line: tagLine,
                                message: "an attribute value of <\(String(decoding: name, as: UTF8.self))> "
                                    + "ends with a quote that something other than a space follows: a quote got in unescaped"))
                    }
                    cursor = end + 1
                    continue
                }
                cursor += 1
            }
            if name == Array("script".utf8) || name == Array("style".utf8) { rawText = name }
            index = cursor
        }
        return found
    }
}
