import Foundation
import UpgradeBase

/// `manifest.json`: every generated file with its kind and checksum, and the
/// date the site was decided as of. One type writes it and reads it back.
package struct Manifest: Sendable, Equatable {
    package static let fileName = "manifest.json"

    package struct Entry: Sendable, Equatable {
        package let path: String
        package let kind: FileKind
        package let sha256: String

        package init(path: String, kind: FileKind, sha256: String) {
            self.path = path
            self.kind = kind
            self.sha256 = sha256
        }
    }

    package let generator: String
    package let asOf: String
    package let entries: [Entry]

    package init(generator: String, asOf: String, entries: [Entry]) {
        self.generator = generator
        self.asOf = asOf
        self.entries = entries
    }

    /// The manifest as a file of the site, keys in the documented order, indented by two spaces.
    /// Written directly rather than through a `JSONValue` tree: a site of 10,000 pages lists
    /// 20,000 files, and a rebuild that changes one page writes the whole list again.
    package var file: GeneratedFile {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(200 + entries.reduce(0) { $0 + $1.path.utf8.count + 150 })
        func append(_ text: String) {
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
        func quoted(_ text: String) {
            var text = text
            // Printable ASCII without a quote or a backslash, as every generated path is, stands as it is.
            let plain = text.withUTF8 { $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C } }
            if plain {
                bytes.append(0x22)
                append(text)
                bytes.append(0x22)
            } else {
                append(JSONValue.quote(text))
            }
        }
        append("{\n  \"generator\": ")
        quoted(generator)
        append(",\n  \"asOf\": ")
        quoted(asOf)
        append(",\n  \"files\": ")
        if entries.isEmpty {
            append("[]")
        } else {
            append("[")
            for (index, entry) in entries.enumerated() {
                append(index == 0 ? "\n    {\n      \"path\": " : ",\n    {\n      \"path\": ")
                quoted(entry.path)
                append(",\n      \"kind\": ")
                quoted(entry.kind.rawValue)
                append(",\n      \"sha256\": ")
                quoted(entry.sha256)
                append("\n    }")
            }
            append("\n  ]")
        }
        append("\n}\n")
        return GeneratedFile(path: Self.fileName, kind: .data, bytes: bytes)
    }

    /// Reads a manifest back; nil when the bytes are not one.
    package init?(reading bytes: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let asOf = object["asOf"] as? String, let files = object["files"] as? [[String: Any]]
        else { return nil }
        var entries: [Entry] = []
        for file in files {
            guard let path = file["path"] as? String else { return nil }
            let kind = (file["kind"] as? String).flatMap(FileKind.init(rawValue:)) ?? .data
            entries.append(Entry(path: path, kind: kind, sha256: file["sha256"] as? String ?? ""))
        }
        self.init(generator: object["generator"] as? String ?? "", asOf: asOf, entries: entries)
    }
}
