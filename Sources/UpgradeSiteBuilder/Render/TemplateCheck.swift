import Foundation
import UpgradeBase
import UpgradeCore

/// Mustache renders a name no one provides, and a partial that is not there, as
/// nothing: a misspelt `{{titel}}` would empty every page's heading with no
/// word said. So each template is read before use, tag by tag, and every name
/// it uses must be one the pages give it, every partial must exist, and no
/// partial may include itself, however indirectly.
enum TemplateCheck {
    /// A template's text and the file it came from.
    struct Source {
        let path: String
        let text: String
    }

    /// One `{{…}}` tag and where it starts.
    struct Tag {
        enum Kind { case value, section, inverted, close, partial, comment, delimiters }
        let kind: Kind
        let name: String
        let line: Int
        let column: Int
    }

    /// Checks every template against the names `vocabulary` says its pages give it.
    static func check(_ sources: [String: Source], vocabulary: (String) -> Set<String>, into problems: Diagnostics) {
        var partials: [String: [(name: String, tag: Tag)]] = [:]
        for name in sources.keys.sorted() {
            let source = sources[name]!
            let known = vocabulary(name)
            for tag in tags(in: source.text) {
                let location = SourceLocation(file: source.path, line: tag.line, column: tag.column)
                switch tag.kind {
                case .comment, .close: continue
                case .delimiters:
                    problems.error(
                        .templateSyntax, "changing the delimiters with {{=…=}} is not supported; keep {{ and }}", at: location)
                case .partial:
                    if sources[tag.name] == nil {
                        problems.error(
                            .templateMissing,
                            "there is no partial '\(tag.name)'; the templates are "
                                + sources.keys.sorted().joined(separator: ", "), at: location)
                    } else {
                        partials[name, default: []].append((tag.name, tag))
                    }
                case .value, .section, .inverted:
                    let first = String(tag.name.split(separator: ".").first ?? "")
                    guard tag.name != ".", !known.contains(first) else { continue }
                    let hint =
                        closest(
                            to: first.lowercased(), among: known.map { ($0.lowercased(), $0) },
                            limit: max(2, first.count / 3)
                        ).map { "; did you mean '\($0)'?" } ?? ""
                    problems.error(
                        .missingVariable,
                        "no page gives this template a value named '\(tag.name)', so it would render as "
                            + "nothing\(hint)", at: location)
                }
            }
        }
        reportCycles(partials, sources: sources, into: problems)
    }

    /// Each partial that includes itself, through any chain, reported once at the tag that closes the loop.
    private static func reportCycles(
        _ partials: [String: [(name: String, tag: Tag)]], sources: [String: Source],
        into problems: Diagnostics
    ) {
        var reported = Set<String>()
        func visit(_ name: String, path: [String]) {
            for (next, tag) in partials[name] ?? [] {
                if let start = path.firstIndex(of: next) {
                    let loop = Array(path[start...]) + [next]
                    guard reported.insert(loop.dropLast().sorted().joined(separator: ">")).inserted else { continue }
                    problems.error(
                        .partialCycle, "the partial '\(next)' includes itself: " + loop.joined(separator: " → "),
                        at: SourceLocation(file: sources[name]!.path, line: tag.line, column: tag.column))
                } else {
                    visit(next, path: path + [next])
                }
            }
        }
        for name in partials.keys.sorted() { visit(name, path: [name]) }
    }

    /// Every tag of a template, in order.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        let characters = Array(text)
        var index = 0, line = 1, column = 1
        func advance(_ count: Int) {
            for _ in 0..<count where index < characters.count {
                if characters[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }
        func starts(_ prefix: String, at position: Int) -> Bool {
            let prefix = Array(prefix)
            return position + prefix.count <= characters.count && Array(characters[position..<position + prefix.count]) == prefix
        }
        while index < characters.count {
            guard starts("{{", at: index) else { advance(1); continue }
            let (tagLine, tagColumn) = (line, column)
            let triple = starts("{{{", at: index)
            let closing = triple ? "}}}" : "}}"
            var end = index + (triple ? 3 : 2)
            while end < characters.count && !starts(closing, at: end) { end += 1 }
            let inner = String(characters[(index + (triple ? 3 : 2))..<min(end, characters.count)])
            let body = inner.trimmingCharacters(in: .whitespaces)
            let sigil = triple ? nil : body.first
            let kind: Tag.Kind
            switch sigil {
            case "#": kind = .section
            case "^": kind = .inverted
            case "/": kind = .close
            case ">": kind = .partial
            case "!": kind = .comment
            case "=": kind = .delimiters
            case "&": kind = .value
            default: kind = .value
            }
            let name = (kind == .value && sigil != "&" ? body : String(body.dropFirst())).trimmingCharacters(in: .whitespaces)
            tags.append(Tag(kind: kind, name: name, line: tagLine, column: tagColumn))
            advance(end + closing.count - index)
        }
        return tags
    }
}
