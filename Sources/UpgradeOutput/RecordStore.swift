import Foundation
import UpgradeBase

/// Where the build record of one output is kept: a file in the cache folder (by default
/// `.upgradedocs/` beside the content), named after the output's absolute path, so two outputs
/// never share a record and the output holds only what its manifest lists. Deleting the
/// cache costs only a full build.
struct RecordStore: Sendable {
    let folder: String
    let name: String

    init(cache: String, output: String) {
        folder = cache
        let absolute = output.hasPrefix("/") ? output : FileManager.default.currentDirectoryPath + "/" + output
        let base = absolute.split(separator: "/").last.map(String.init) ?? "site"
        let safe = String(base.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" ? Character($0) : "_" })
        name = "record-" + safe + "-" + SHA256.hex(Array(absolute.utf8)).prefix(16)
    }

    var path: String { folder + "/" + name }

    func read() -> [UInt8]? {
        (try? Folder.existing(folder))??.contents(of: name)
    }

    /// Removes the record, so a build stopped before the next one is written is followed by a full build.
    func remove() throws(DiagnosticError) {
        guard let root = try Folder.existing(folder) else { return }
        try root.remove(name)
    }

    /// Replaces the record whole, making the cache folder where missing.
    func write(_ bytes: [UInt8]) throws(DiagnosticError) {
        try Folder.made(folder, what: "the build cache folder").replace(name, bytes: bytes)
    }
}
