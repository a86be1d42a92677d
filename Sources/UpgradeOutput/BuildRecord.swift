import UpgradeBase
import UpgradeSiteContract
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the last build wrote, kept in the output as `.upgradedocs-record`: for each file,
/// the digest of what it was made from, its SHA-256, and its identity on this disk (inode,
/// size, modification time). A file whose identity is unchanged is the file the build
/// wrote, so a rebuild may keep it when its inputs are the same, without reading it.
///
/// It is local to this disk and this program: the identities mean nothing in another
/// clone, and the record names the executable that wrote it, so a rebuilt `upgradedocs`
/// (whose pages may differ although its version does not) makes everything again.
/// That is why it is not in `manifest.json`, which must be the same bytes everywhere;
/// keep it out of version control (`.gitignore`). A missing or unreadable record, or one
/// from another program, only means a full build.
struct BuildRecord: Sendable {
    static let fileName = SitePaths.buildRecord
    private static let format = "upgradedocs-record 2"

    struct Entry: Sendable, Equatable {
        let inputs: String
        let sha256: String
        let identity: FileIdentity
    }

    /// Who wrote it: the generator and the executable's own identity.
    let tool: String
    /// The as-of date of the manifest it wrote.
    let asOf: String
    /// What the build was made from (`SourceSnapshot` and the options), when every input was
    /// settled before it began; "-" otherwise.
    var sources = "-"
    /// How many warnings the build printed: a build with none may be skipped when nothing changed,
    /// since skipping prints nothing.
    var warnings = 0
    /// By path; the manifest's own entry has no inputs.
    var entries: [String: Entry]
    /// Every path the record was written with, before `intact` dropped any.
    let written: Set<String>

    /// Whether every file the record lists is still as the build left it.
    var isWhole: Bool { entries.count == written.count }

    init(tool: String, asOf: String, entries: [String: Entry] = [:]) {
        self.tool = tool
        self.asOf = asOf
        self.entries = entries
        written = Set(entries.keys)
    }

    /// This program: its name, version, and the identity of its executable file, or nil
    /// where that cannot be known, and no record is then trusted.
    static var currentTool: String? {
        #if os(Linux)
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        let file = FileIdentity(info)
        return "\(Generator.name) \(info.st_dev):\(file.inode):\(file.size):\(file.modified)"
        #else
        return nil
        #endif
    }

    /// The record as a file: a header, then one line a file. Built as bytes, for a record of
    /// 20,000 files is rewritten by every rebuild that changes anything; not sorted, for it is a
    /// local cache that no one compares or reads but the next build.
    var bytes: [UInt8] {
        var bytes = Array((Self.format + "\n" + tool + "\n" + asOf + "\n" + sources + "\n" + "\(warnings)\n").utf8)
        bytes.reserveCapacity(bytes.count + entries.count * 200)
        for (path, entry) in entries {
            for field in [entry.inputs, entry.sha256, String(entry.identity.inode), String(entry.identity.size),
                          String(entry.identity.modified)] {
                bytes.append(contentsOf: field.utf8)
                bytes.append(UInt8(ascii: " "))
            }
            bytes.append(contentsOf: path.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// The record in `bytes`, if it is one this program wrote.
    init?(reading bytes: [UInt8], tool: String) {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.count >= 5, String(decoding: lines[0], as: UTF8.self) == Self.format,
              String(decoding: lines[1], as: UTF8.self) == tool,
              let warnings = Int(String(decoding: lines[4], as: UTF8.self)) else { return nil }
        var entries: [String: Entry] = [:]
        for line in lines.dropFirst(5) where !line.isEmpty {
            let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 5, omittingEmptySubsequences: false)
            guard fields.count == 6, let inode = UInt64(String(decoding: fields[2], as: UTF8.self)),
                  let size = Int64(String(decoding: fields[3], as: UTF8.self)),
                  let modified = Int64(String(decoding: fields[4], as: UTF8.self))
            else { return nil }
            entries[String(decoding: fields[5], as: UTF8.self)] = Entry(
                inputs: String(decoding: fields[0], as: UTF8.self), sha256: String(decoding: fields[1], as: UTF8.self),
                identity: FileIdentity(inode: inode, size: size, modified: modified))
        }
        self.init(tool: tool, asOf: String(decoding: lines[2], as: UTF8.self), entries: entries)
        sources = String(decoding: lines[3], as: UTF8.self)
        self.warnings = warnings
    }

    /// The record of the site in `tree`, keeping only the entries whose files are still
    /// exactly as the build left them; nil without a usable record.
    static func intact(in tree: SiteTree) -> BuildRecord? {
        guard let tool = currentTool, let root = tree.root, let bytes = root.contents(of: fileName),
              var record = BuildRecord(reading: bytes, tool: tool) else { return nil }
        let paths = Array(record.entries.keys)
        let entries = record.entries
        let present = ConcurrentMap.run(paths) { path -> Bool in
            guard let (folder, name) = try? tree.place(of: path), let folder else { return false }
            return folder.identity(of: name) == entries[path]!.identity
        }
        for (path, here) in zip(paths, present) where !here { record.entries[path] = nil }
        // A changed manifest means someone edited the site by hand: trust nothing.
        guard record.entries[Manifest.fileName] != nil else { return nil }
        return record
    }
}
