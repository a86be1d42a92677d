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
    let sink: Diagnostics

    /// Nil (with an error) when `node` is not a mapping. Keys outside `keys` are errors,
    /// or warnings when `unknownKeys` says so (front matter shared with other tools).
    init?(
        _ node: Node, file: String, what: String, keys: [String], sink: Diagnostics,
        unknownKeys: Severity = .error
    ) {
        guard let mapping = node.mapping else {
            sink.error(.wrongType, "expected \(what) as a mapping of keys to values", at: SourceLocation(file: file, node: node))
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
                sink.error(.unknownKey, message, at: location)
            } else {
                sink.warning(.unknownKey, message + "; it is ignored", at: location)
            }
        }
    }

    var location: SourceLocation { SourceLocation(file: file, node: node) }

    func location(of key: String) -> SourceLocation {
        SourceLocation(file: file, node: value(key) ?? node)
    }

    /// Where `key` itself is written, for a problem with the key rather than its value.
    func location(ofKey key: String) -> SourceLocation {
        SourceLocation(file: file, node: entries.first { $0.key == key }?.keyNode ?? node)
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
            sink.error(.missingKey, "\(what) is missing the required key '\(key)'", at: location)
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
            sink.error(
                .invalidID,
                "'\(text.value)' is not a valid id: use letters, digits, '-' and '_', "
                    + "starting with a letter or digit", at: text.location)
            return nil
        }
        // Reported, and still declared, so that references to it add no errors of their own.
        if let problem = Self.fileNameProblem(text.value) { sink.error(.invalidID, problem, at: text.location) }
        return Located(Identifier(text.value), at: text.location)
    }

    func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let node = value(key) else { return fallback }
        guard let scalar = node.scalar, ["true", "false"].contains(scalar.string) else {
            sink.error(.wrongType, "'\(key)' must be true or false", at: SourceLocation(file: file, node: node))
            return fallback
        }
        return scalar.string == "true"
    }

    func date(_ key: String, required isRequired: Bool = true) -> Located<CalendarDate>? {
        guard let text = string(key, required: isRequired) else { return nil }
        guard let date = CalendarDate(iso: text.value) else {
            sink.error(
                .invalidValue, "'\(text.value)' is not a valid date: write YYYY-MM-DD, such as 2022-03-01",
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
            sink.error(.wrongType, "'\(key)' must be a list", at: SourceLocation(file: file, node: node))
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
            sink.error(.wrongType, "'\(key)' must be a list", at: SourceLocation(file: file, node: node))
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
            sink.error(.wrongType, "'\(key)' must be a single value, not a list or a mapping", at: location)
            return nil
        }
        let text = scalar.string.trimmingWhitespace
        guard !text.isEmpty else {
            sink.error(.wrongType, "'\(key)' must not be empty", at: location)
            return nil
        }
        if let (offset, control) = Self.firstControl(in: scalar.string) {
            // In a plain scalar the text stands as written, so the column can point at the character itself.
            let column =
                scalar.style == .plain && !scalar.string.prefix(offset).contains("\n")
                ? location.column + offset : location.column
            sink.error(
                .invalidValue,
                "'\(key)' holds the control character \(Self.describe(control)); names and text are shown in "
                    + "terminals and pages, where it could hide or fake what is written",
                at: SourceLocation(file: file, line: location.line, column: column))
        }
        // Even with an error, the text stands, so that what it declares adds no errors of its own.
        return Located(text, at: location)
    }

    /// The first character a terminal or a page would not show as itself.
    static func firstControl(in text: String) -> (offset: Int, scalar: Unicode.Scalar)? {
        text.unicodeScalars.enumerated().first { $0.element.isDisplayControl }.map { ($0.offset, $0.element) }
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Ids name files of the site (`roles/ID.html`), so each must be a name every system can write.
    static func fileNameProblem(_ id: String) -> String? {
        if id.utf8.count > maxIDLength {
            return "'\(id.prefix(20))…' is too long for an id (\(id.utf8.count) characters; at most \(maxIDLength)): "
                + "ids name files of the site"
        }
        let reserved = ["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] }
        if reserved.contains(id.lowercased()) {
            return "'\(id)' cannot be an id: ids name files of the site, and Windows reserves this name"
        }
        return nil
    }

    static let maxIDLength = 100

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
    package var trimmingWhitespace: String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }
}
