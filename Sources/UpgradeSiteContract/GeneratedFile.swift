import UpgradeBase
/// What the manifest says a file is.
package enum FileKind: String, Sendable {
    case index, matrix, role, rules, print, page, asset, data

    /// The checker and the offer pages are pages to the manifest, whose kinds are fixed.
    package init(_ kind: PageKind) {
        self = FileKind(rawValue: kind.rawValue) ?? .page
    }
}

/// One file of the site, as bytes, with its path relative to the output folder.
package struct GeneratedFile: Sendable, Equatable {
    package let path: String
    package let kind: FileKind
    /// Empty once the file is `released()`.
    package let bytes: [UInt8]
    /// The SHA-256 of the bytes a released file had; nil while it holds them.
    package let releasedDigest: String?

    package init(path: String, kind: FileKind, bytes: [UInt8]) {
        self.path = path
        self.kind = kind
        self.bytes = bytes
        releasedDigest = nil
    }

    private init(path: String, kind: FileKind, digest: String) {
        self.path = path
        self.kind = kind
        bytes = []
        releasedDigest = digest
    }

    /// The file without its bytes, keeping their digest: for a build whose files are written as they
    /// are made, so that what is written need not stay in memory until the manifest.
    package func released() -> GeneratedFile {
        GeneratedFile(path: path, kind: kind, digest: SHA256.hex(bytes))
    }

    /// The SHA-256 of the file's bytes, held or released.
    package var sha256: String { releasedDigest ?? SHA256.hex(bytes) }

    package init(path: String, kind: FileKind, text: String) {
        self.init(path: path, kind: kind, bytes: Array(text.utf8))
    }

    package var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A file of the site that a build did not make again: the file the output already
/// holds was made from the same inputs, so it would come out the same.
package struct KeptFile: Sendable, Equatable {
    package let path: String
    package let kind: FileKind
    /// The digest of what it was made from (see `SiteBuild`).
    package let inputs: String

    package init(path: String, kind: FileKind, inputs: String) {
        self.path = path
        self.kind = kind
        self.inputs = inputs
    }
}

/// What one build gives the output: the files it made, and the files it kept.
/// Every file knows its inputs, a digest of all its bytes follow from (the
/// generator, the as-of date, the templates it goes through, the content it
/// shows), when the content was read from files; nil for a model made in code.
package struct SiteBuild: Sendable {
    package var made: [GeneratedFile]
    package var kept: [KeptFile]
    /// Inputs by path, for every made file that has them.
    package var inputs: [String: String]

    package init(made: [GeneratedFile], kept: [KeptFile] = [], inputs: [String: String] = [:]) {
        self.made = made
        self.kept = kept
        self.inputs = inputs
    }

    /// Every path of the site, made or kept, the manifest aside.
    package var paths: [String] { made.map(\.path) + kept.map(\.path) }
}
