import UpgradeBase
import UpgradeCore
import Yams

/// A YAML mapping read field by field. Every accessor reports what is wrong
/// with the field to the sink and returns nil, so reading goes on and one run
/// finds every problem.
struct YAMLObject {
    let file: String
    let node: Node
    /// What the mapping describes, for messages: "offer", "rule".
    let what: String
    private let entries: [(key: String, keyNode: Node, value: Node)]
    private let sink: Diagnostics

    /// Nil (with an error) when `node` is not a mapping. Keys outside `keys` are errors,
    /// or warnings when `unknownKeys` says so (front matter shared with other tools).
    init?(_ node: Node, file: String, what: String, keys: [String], sink: Diagnostics,
          unknownKeys: Severity = .error) {
        guard let mapping = node.mapping else {
            sink.error("expected \(what) as a mapping of keys to values", at: SourceLocation(file: file, node: node))
            return nil
        }
        self.file = file
        self.node = node
        self.what = what
        self.sink = sink
        entries = mapping.map { (key: $0.key.scalar?.string ?? "", keyNode: $0.key, value: $0.value) }
        for entry in entries where !keys.contains(entry.key) {
            let message = "unknown key '\(entry.key)' in \(what)\(suggestion(for: entry.key, among: keys))"
            let location = SourceLocation(file: file, node: entry.keyNode)
            if unknownKeys == .error {
                sink.error(message, at: location)
            } else {
                sink.warning(message + "; it is ignored", at: location)
            }
        }
    }

    var location: SourceLocation { SourceLocation(file: file, node: node) }

    func location(of key: String) -> SourceLocation {
        SourceLocation(file: file, node: value(key) ?? node)
    }

    /// The value of `key`; an explicit null counts as absent.
    func value(_ key: String) -> Node? {
        guard let value = entries.first(where: { $0.key == key })?.value else { return nil }
        if let scalar = value.scalar, scalar.style == .plain, ["", "~", "null"].contains(scalar.string) {
            return nil
        }
        return value
    }

    func required(_ key: String) -> Node? {
        guard let value = value(key) else {
            sink.error("\(what) is missing the required key '\(key)'", at: location)
            return nil
        }
        return value
    }

    func string(_ key: String, required isRequired: Bool = true) -> Located<String>? {
        guard let node = isRequired ? required(key) : value(key) else { return nil }
        return scalarString(node, key: key)
    }

    func id<Kind>(_ key: String, required isRequired: Bool = true) -> Located<Identifier<Kind>>? {
        guard let text = string(key, required: isRequired) else { return nil }
        guard Self.isValidID(text.value) else {
            sink.error("'\(text.value)' is not a valid id: use letters, digits, '-' and '_', "
                       + "starting with a letter or digit", at: text.location)
            return nil
        }
        return Located(Identifier(text.value), at: text.location)
    }

    func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let node = value(key) else { return fallback }
        guard let scalar = node.scalar, ["true", "false"].contains(scalar.string) else {
            sink.error("'\(key)' must be true or false", at: SourceLocation(file: file, node: node))
            return fallback
        }
        return scalar.string == "true"
    }

    func date(_ key: String, required isRequired: Bool = true) -> Located<CalendarDate>? {
        guard let text = string(key, required: isRequired) else { return nil }
        guard let date = CalendarDate(iso: text.value) else {
            sink.error("'\(text.value)' is not a valid date: write YYYY-MM-DD, such as 2022-03-01",
                       at: text.location)
            return nil
        }
        return Located(date, at: text.location)
    }

    /// A list of scalars; a single scalar is read as a list of one.
    func strings(_ key: String, required isRequired: Bool = false) -> [Located<String>] {
        guard let node = isRequired ? required(key) : value(key) else { return [] }
        if node.scalar != nil { return scalarString(node, key: key).map { [$0] } ?? [] }
        guard let sequence = node.sequence else {
            sink.error("'\(key)' must be a list", at: SourceLocation(file: file, node: node))
            return []
        }
        return sequence.compactMap { scalarString($0, key: key) }
    }

    func ids<Kind>(_ key: String, required isRequired: Bool = false) -> [Located<Identifier<Kind>>] {
        strings(key, required: isRequired).map { Located(Identifier($0.value), at: $0.location) }
    }

    /// The items of a list-valued key, each as it is, for callers that accept several shapes.
    func items(_ key: String, required isRequired: Bool = true) -> [Node] {
        guard let node = isRequired ? required(key) : value(key) else { return [] }
        guard let sequence = node.sequence else {
            sink.error("'\(key)' must be a list", at: SourceLocation(file: file, node: node))
            return []
        }
        return Array(sequence)
    }

    /// The mappings of a list-valued key.
    func objects(_ key: String, what itemWhat: String, keys: [String], required isRequired: Bool = true) -> [YAMLObject] {
        items(key, required: isRequired).compactMap {
            YAMLObject($0, file: file, what: itemWhat, keys: keys, sink: sink)
        }
    }

    private func scalarString(_ node: Node, key: String) -> Located<String>? {
        let location = SourceLocation(file: file, node: node)
        guard let scalar = node.scalar else {
            sink.error("'\(key)' must be a single value, not a list or a mapping", at: location)
            return nil
        }
        let text = scalar.string.trimmingWhitespace
        guard !text.isEmpty else {
            sink.error("'\(key)' must not be empty", at: location)
            return nil
        }
        return Located(text, at: location)
    }

    static func isValidID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIIAlphanumeric else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || $0 == "-" || $0 == "_" }
    }
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }
}
