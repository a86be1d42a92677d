import UpgradeContent

/// What the manifest says a file is.
public enum FileKind: String, Sendable {
    case index, matrix, role, rules, print, page, asset, data

    init(_ kind: PageKind) {
        self = FileKind(rawValue: kind.rawValue)!
    }
}

/// One file of the site, as bytes, with its path relative to the output folder.
public struct GeneratedFile: Sendable, Equatable {
    public let path: String
    public let kind: FileKind
    public let bytes: [UInt8]

    public init(path: String, kind: FileKind, bytes: [UInt8]) {
        self.path = path
        self.kind = kind
        self.bytes = bytes
    }

    public init(path: String, kind: FileKind, text: String) {
        self.init(path: path, kind: kind, bytes: Array(text.utf8))
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// `manifest.json`: every generated file with its kind and checksum. A rebuild
/// removes only files the previous manifest lists, so nothing else in the
/// output folder is ever deleted.
public struct Manifest: Sendable {
    public static let fileName = "manifest.json"

    public let generator: String
    public let asOf: String
    public let files: [GeneratedFile]

    public var json: JSONValue {
        let digests = ConcurrentMap.run(files) { SHA256.hex($0.bytes) }
        return .object([
            ("generator", .string(generator)),
            ("asOf", .string(asOf)),
            ("files", .array(zip(files, digests).map { file, digest in
                .object([("path", .string(file.path)), ("kind", .string(file.kind.rawValue)), ("sha256", .string(digest))])
            })),
        ])
    }

    public var file: GeneratedFile {
        GeneratedFile(path: Self.fileName, kind: .data, text: json.serialized(pretty: true) + "\n")
    }
}
