import Mustache
import UpgradeBase

/// Renders each template once per *shape* of its context, and then only splices.
///
/// Ten thousand prose pages give the layout the same shape: the same keys, the same
/// booleans, the same number of navigation items; only the strings differ. Mustache's
/// output depends on the strings only where it prints them (it has no string tests, and
/// `TemplateCheck` refuses transforms), so the template is rendered once with a marker in
/// place of each string, and the output is cut at the markers into text and slots. Every
/// later page of that shape is the pieces with its own strings spliced in, escaped exactly
/// as Mustache escapes them where the template escapes. Swift-mustache stays the one that
/// says what a template means; markers that come out in a form this does not expect are
/// rendered by Mustache directly.
final class TemplateMemo: Sendable {
    private let library: MustacheLibrary
    private let shapes = Locked<[String: Rendering]>([:])

    init(library: MustacheLibrary) {
        self.library = library
    }

    private enum Piece: Sendable {
        case text(String)
        case slot(Int, escaped: Bool)
    }

    private enum Rendering: Sendable {
        case pieces([Piece])
        /// The template puts a marker where it cannot be read back: always render directly.
        case direct
    }

    func render(_ context: TemplateObject, template name: String) -> String {
        var shape = Shape()
        shape.read(context)
        let key = name + "\u{0}" + shape.key
        let rendering =
            shapes.withLock { $0[key] }
            ?? {
                let made = pieces(of: name, context: context)
                shapes.withLock { $0[key] = made }
                return made
            }()
        guard case .pieces(let pieces) = rendering else { return library.render(context.mustache, withTemplate: name) ?? "" }
        var output = ""
        output.reserveCapacity(pieces.count * 16 + shape.strings.reduce(0) { $0 + $1.utf8.count })
        for piece in pieces {
            switch piece {
            case .text(let text): output += text
            case .slot(let index, false): output += shape.strings[index]
            case .slot(let index, true): output += Self.escape(shape.strings[index])
            }
        }
        return output
    }

    /// Renders the template with a marker for each string of `context`, and cuts the output there.
    private func pieces(of name: String, context: TemplateObject) -> Rendering {
        var index = 0
        let marked = Shape.replacingStrings(in: context) { _ in
            defer { index += 1 }
            return Self.open + "<\(index)" + Self.close
        }
        guard let output = library.render(marked, withTemplate: name) else { return .direct }
        var pieces: [Piece] = []
        var rest = Substring(output)
        while let start = rest.range(of: Self.open) {
            if start.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<start.lowerBound]))) }
            rest = rest[start.upperBound...]
            let escaped = rest.hasPrefix("&lt;")
            guard escaped || rest.hasPrefix("<") else { return .direct }
            rest = rest.dropFirst(escaped ? 4 : 1)
            guard let end = rest.range(of: Self.close), let slot = Int(rest[..<end.lowerBound]), slot < index else {
                return .direct
            }
            pieces.append(.slot(slot, escaped: escaped))
            rest = rest[end.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        // A template whose own text holds a closing marker could fake a slot's end: leave it to Mustache.
        if pieces.contains(where: { if case .text(let text) = $0 { text.contains(Self.close) } else { false } }) {
            return .direct
        }
        return .pieces(pieces)
    }

    /// Private-use characters of plane 15, which no template or page is expected to hold.
    private static let open = "\u{F0000}", close = "\u{F0001}"

    /// The escaping Mustache applies where the template escapes: `SiteEscaping`, the same function.
    static func escape(_ text: String) -> String {
        SiteEscaping().escapeText(text)
    }
}

/// A part of a context that many pages share, such as the header's sections at one depth:
/// its shape is read once, not for every page that carries it.
final class SharedContext: Sendable {
    let value: TemplateValue
    fileprivate let shape: Shape

    init(_ value: TemplateValue) {
        self.value = value
        var shape = Shape()
        shape.read(value)
        self.shape = shape
    }
}

/// What of a context Mustache's output depends on, apart from its strings: names, which
/// values are present, flags, and how long each list is. The strings are kept apart,
/// in a fixed order (names sorted), for splicing.
private struct Shape: Sendable {
    var key = ""
    var strings: [String] = []

    mutating func read(_ object: TemplateObject) {
        key += "{"
        for (name, value) in object.fields {
            key += name
            key += ":"
            read(value)
            key += ","
        }
        key += "}"
    }

    mutating func read(_ value: TemplateValue) {
        switch value {
        case .string(let text):
            key += "s"
            strings.append(text)
        case .flag(let flag):
            key += flag ? "t" : "f"
        case .object(let object):
            read(object)
        case .list(let items):
            key += "[" + String(items.count) + ":"
            for item in items { read(item) }
            key += "]"
        case .shared(let shared):
            key += shared.shape.key
            strings += shared.shape.strings
        }
    }

    /// The same value as Mustache reads it, with each string replaced, visiting strings in the order `read` does.
    static func replacingStrings(in object: TemplateObject, with replace: (String) -> String) -> [String: Any] {
        func copy(_ object: TemplateObject) -> [String: Any] {
            var result: [String: Any] = [:]
            for (name, value) in object.fields { result[name] = copy(value) }
            return result
        }
        func copy(_ value: TemplateValue) -> Any {
            switch value {
            case .string(let text): replace(text)
            case .flag(let flag): flag
            case .object(let object): copy(object)
            case .list(let items): items.map(copy)
            case .shared(let shared): copy(shared.value)
            }
        }
        return copy(object)
    }
}
