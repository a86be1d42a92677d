/// How a reason or advice is worded, as the model writes it: text with `{{path}}` for a fact of
/// the request, `{{#path}}…{{/path}}` for a part shown when the fact is there (once for each item
/// of a list, with `{{@first}}` true on the first) and `{{^path}}…{{/path}}` for one shown when it
/// is not. A subset of Mustache, so an editor reads it at sight; it yields plain text, which each
/// page escapes as its format needs. A list of names reads "A, B and C".
///
/// The rule core words every message through this type, and the checker walks the same parsed
/// nodes (`CheckerData`), so the wording exists once, in the model.
package struct MessageTemplate: Hashable, Sendable, CustomStringConvertible {
    package indirect enum Node: Hashable, Sendable {
        case text(String)
        /// A fact's path; empty for the current item (`{{.}}`).
        case value([String])
        case section([String], inverted: Bool, [Node])
    }

    package let source: String
    package let nodes: [Node]

    package var description: String { source }

    /// Parses `source`; throws on a tag left open, a section closed under another name, or an empty tag.
    package init(_ source: String) throws(MessageTemplateError) {
        self.source = source
        var parser = Parser(text: Array(source.unicodeScalars))
        nodes = try parser.nodes(closing: nil)
    }

    /// Every name the template looks up, for checking against the facts a request has.
    package var names: Set<String> {
        func collect(_ nodes: [Node]) -> Set<String> {
            nodes.reduce(into: []) { names, node in
                switch node {
                case .text: break
                case .value(let path): names.formUnion(path)
                case .section(let path, _, let inner): names.formUnion(path); names.formUnion(collect(inner))
                }
            }
        }
        return collect(nodes)
    }

    /// The text for `facts`. A name no fact has reads as nothing.
    package func render(_ facts: FactValue) -> String { render(in: [facts]) }

    /// The text in nested scopes, innermost last: an item of a list over the request's facts.
    package func render(in scopes: [FactValue]) -> String {
        var output = ""
        Self.render(nodes, in: scopes, into: &output)
        return output
    }

    private static func render(_ nodes: [Node], in scopes: [FactValue], into output: inout String) {
        for node in nodes {
            switch node {
            case .text(let text): output += text
            case .value(let path): output += lookUp(path, in: scopes).text
            case .section(let path, let inverted, let inner):
                let value = lookUp(path, in: scopes)
                if inverted {
                    if !value.isPresent { render(inner, in: scopes, into: &output) }
                } else if case .list(let items) = value {
                    for (index, item) in items.enumerated() {
                        render(inner, in: scopes + [.record(["@first": .flag(index == 0)]), item], into: &output)
                    }
                } else if value.isPresent {
                    render(inner, in: scopes + [value], into: &output)
                }
            }
        }
    }

    /// Mustache's lookup: the first name from the innermost scope that has it, then field by field.
    package static func lookUp(_ path: [String], in scopes: [FactValue]) -> FactValue {
        guard let first = path.first else { return scopes.last ?? .absent }
        guard var value = scopes.reversed().lazy.compactMap({ $0.field(first) }).first else { return .absent }
        for name in path.dropFirst() { value = value.field(name) ?? .absent }
        return value
    }
}

package struct MessageTemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    package let description: String
}

private struct Parser {
    let text: [Unicode.Scalar]
    var position = 0

    mutating func nodes(closing name: String?) throws(MessageTemplateError) -> [MessageTemplate.Node] {
        var parsed: [MessageTemplate.Node] = []
        var literal = ""
        func flush() { if !literal.isEmpty { parsed.append(.text(literal)); literal = "" } }
        while position < text.count {
            guard opens(at: position) else {
                literal.unicodeScalars.append(text[position])
                position += 1
                continue
            }
            flush()
            let tag = try readTag()
            let sigil = tag.first
            switch sigil {
            case "#", "^":
                let path = String(tag.dropFirst())
                let inner = try nodes(closing: path)
                parsed.append(.section(FactValue.path(path), inverted: sigil == "^", inner))
            case "/":
                let closed = String(tag.dropFirst())
                guard closed == name else {
                    throw MessageTemplateError(
                        description: name.map { "{{/\(closed)}} closes {{#\($0)}}" }
                            ?? "{{/\(closed)}} closes no section")
                }
                return parsed
            default:
                parsed.append(.value(FactValue.path(tag)))
            }
        }
        flush()
        if let name { throw MessageTemplateError(description: "{{#\(name)}} is never closed by {{/\(name)}}") }
        return parsed
    }

    private func opens(at index: Int) -> Bool {
        index + 1 < text.count && text[index] == "{" && text[index + 1] == "{"
    }

    private mutating func readTag() throws(MessageTemplateError) -> String {
        let start = position + 2
        var end = start
        while end + 1 < text.count, !(text[end] == "}" && text[end + 1] == "}") { end += 1 }
        guard end + 1 < text.count else { throw MessageTemplateError(description: "a tag opened with {{ is never closed") }
        var tag = String(String.UnicodeScalarView(text[start..<end]))
        tag = String(tag.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        position = end + 2
        let name = tag.first.map { "#^/".contains($0) } == true ? tag.dropFirst() : Substring(tag)
        guard !name.isEmpty, !name.contains(" ") else {
            throw MessageTemplateError(description: "{{\(tag)}} names no fact")
        }
        return tag
    }

}

/// The facts of a request that a message can name: texts, flags, lists and records of them.
package enum FactValue: Hashable, Sendable {
    case absent
    case flag(Bool)
    case text(String)
    case list([FactValue])
    case record([String: FactValue])

    package static func path(_ name: String) -> [String] {
        name == "." ? [] : name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    func field(_ name: String) -> FactValue? {
        if case .record(let fields) = self { fields[name] } else { nil }
    }

    /// Whether a section shows: not for nothing, false, an empty list or empty text.
    var isPresent: Bool {
        switch self {
        case .absent: false
        case .flag(let flag): flag
        case .text(let text): !text.isEmpty
        case .list(let items): !items.isEmpty
        case .record: true
        }
    }

    /// The value as a message prints it: a list of names as "A, B and C", nothing for the rest.
    package var text: String {
        switch self {
        case .text(let text): text
        case .list(let items): items.compactMap { if case .text(let text) = $0 { text } else { nil } }.joinedAsList
        case .absent, .flag, .record: ""
        }
    }
}
