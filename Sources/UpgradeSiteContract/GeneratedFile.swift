/// What the manifest says a file is.
public enum FileKind: String, Sendable {
    case index, matrix, role, rules, print, page, asset, data

    /// The checker and the offer pages are pages to the manifest, whose kinds are fixed.
    public init(_ kind: PageKind) {
        self = FileKind(rawValue: kind.rawValue) ?? .page
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
