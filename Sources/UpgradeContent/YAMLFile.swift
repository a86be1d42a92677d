import UpgradeBase
import Foundation
import Yams

/// Reads one YAML file into its root mapping, turning I/O and syntax errors
/// into diagnostics that point into the file.
enum YAMLFile {
    /// A file read and composed, before anyone asks for it: what it held, and the
    /// problems its text had.
    struct Composed: @unchecked Sendable {
        enum State { case missing, unreadable, malformed, empty, root(Node) }
        let state: State
        let diagnostics: [Diagnostic]
        /// The SHA-256 of the file's bytes; empty when there were none to read.
        var digest: [UInt8] = []
    }

    /// Reads and composes one file. Pure apart from the read, so files compose side by side.
    static func compose(path: String) -> Composed {
        guard FileManager.default.fileExists(atPath: path) else { return Composed(state: .missing, diagnostics: []) }
        guard let data = FileManager.default.contents(atPath: path), let decoded = String(data: data, encoding: .utf8)
        else { return Composed(state: .unreadable, diagnostics: []) }
        // Windows line endings read as any other: the lines, and so every location, stay the same.
        let text = decoded.replacingOccurrences(of: "\r\n", with: "\n")
        let sink = Diagnostics()
        let digest = SHA256.digest(data)
        switch compose(text, file: path, sink: sink) {
        case .none: return Composed(state: .malformed, diagnostics: sink.all, digest: digest)
        case .some(.none): return Composed(state: .empty, diagnostics: [], digest: digest)
        case .some(.some(let root)): return Composed(state: .root(root), diagnostics: sink.all, digest: digest)
        }
    }

    static func path(_ name: String, in directory: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func read(
        _ name: String, in directory: String, what: String, keys: [String],
        sink: Diagnostics, optional: Bool = false, composed: Composed? = nil
    ) -> YAMLObject? {
        let path = Self.path(name, in: directory)
        let composed = composed ?? compose(path: path)
        sink.append(contentsOf: composed.diagnostics)
        switch composed.state {
        case .missing:
            if !optional {
                sink.error(.unreadable, "missing content file: it should hold \(what)", at: SourceLocation(file: path))
            }
            return nil
        case .unreadable:
            sink.error(.unreadable, "cannot read the file as UTF-8 text", at: SourceLocation(file: path))
            return nil
        case .malformed:
            return nil
        case .empty:
            sink.error(.unreadable, "the file is empty; it should hold \(what)", at: SourceLocation(file: path))
            return nil
        case .root(let root):
            return YAMLObject(root, file: path, what: what, keys: keys, sink: sink)
        }
    }

    /// The root node, nil for an empty document, or nil-nil (with an error) for malformed YAML.
    static func compose(_ text: String, file path: String, sink: Diagnostics) -> Node?? {
        let root: Node?
        do {
            // An explicit encoding: the default one reads the whole process environment on every call.
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            report(error, file: path, sink: sink)
            return nil
        } catch {
            sink.error(.yamlSyntax, "cannot parse YAML: \(error)", at: SourceLocation(file: path))
            return nil
        }
        if let root { refuseTags(in: root, file: path, sink: sink) }
        return .some(root)
    }

    /// The tags the readers understand: YAML's core schema, the dates and merge keys Yams resolves
    /// plain values to, and the non-specific `!`. Any other (`!!binary`, `!!set`, `!custom`) would
    /// change what a value means in a way no reader honours, so it is an error at its place
    /// rather than its text published as it stands.
    private static let understoodTags: Set<Tag.Name> = [
        .implicit, .nonSpecific, .str, .seq, .map, .bool, .float, .null, .int, .timestamp, .merge, .value,
    ]

    private static func refuseTags(in root: Node, file: String, sink: Diagnostics) {
        var pending = [root]
        while let node = pending.popLast() {
            let tag: Tag.Name
            switch node {
            case .scalar(let scalar): tag = Tag.Name(rawValue: scalar.tag.rawValue)
            case .mapping(let mapping):
                tag = Tag.Name(rawValue: mapping.tag.rawValue)
                for (key, value) in mapping { pending += [value, key] }
            case .sequence(let sequence):
                tag = Tag.Name(rawValue: sequence.tag.rawValue)
                pending += sequence.reversed()
            case .alias: continue
            }
            if !understoodTags.contains(tag) {
                let prefix = "tag:yaml.org,2002:"
                let written = tag.rawValue.hasPrefix(prefix) ? "!!" + tag.rawValue.dropFirst(prefix.count) : tag.rawValue
                sink.error(
                    .yamlSyntax,
                    "the YAML tag '\(written)' is not read here; write the value plainly, as text, a number, "
                        + "a list or a mapping",
                    at: SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1))
            }
        }
    }

    private static func report(_ error: YamlError, file: String, sink: Diagnostics) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = context.map { " (\($0.text) at \($0.mark.line):\($0.mark.column))" } ?? ""
            sink.error(
                .yamlSyntax, "malformed YAML: \(problem)\(detail)",
                at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            sink.error(
                .yamlSyntax, "duplicate key \(keys) in one mapping",
                at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        case let .reader(problem, offset, _, yaml):
            let (line, column) = offset.map { lineAndColumn(ofUTF8Offset: $0, in: yaml) } ?? (1, 1)
            sink.error(.yamlSyntax, "malformed YAML: \(problem)", at: SourceLocation(file: file, line: line, column: column))
        default:
            sink.error(.yamlSyntax, "malformed YAML: \(error)", at: SourceLocation(file: file))
        }
    }

    private static func lineAndColumn(ofUTF8Offset offset: Int, in text: String) -> (Int, Int) {
        let prefix = text.utf8.prefix(offset)
        let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let column = prefix.reversed().prefix { $0 != UInt8(ascii: "\n") }.count + 1
        return (line, column)
    }
}
