import UpgradeBase
import UpgradeSiteContract
import Glibc

/// What the last build wrote, kept in the cache folder (`RecordStore`): for each file,
/// the digest of what it was made from, its SHA-256, and its identity on this disk (inode,
/// size, modification time). A file whose identity is unchanged is the file the build
/// wrote, so a rebuild may keep it when its inputs are the same, without reading it.
///
/// It is local to this disk and this program: the identities mean nothing in another
/// clone, and the record names the executable that wrote it, so a rebuilt `upgradedocs`
/// (whose pages may differ although its version does not) makes everything again.
/// That is why it is neither in the output nor in `manifest.json`, which must be the same
/// bytes everywhere; keep the cache out of version control (`.gitignore`). A missing or
/// unreadable record, or one from another program, only means a full build.
struct BuildRecord: Sendable {
    private static let format = "upgradedocs-record 3"

    struct Entry: Sendable, Equatable {
        let inputs: String
        let sha256: String
        let identity: FileIdentity
    }

    /// Who wrote it: the generator and the executable's own identity.
    let tool: String
    /// The as-of date of the manifest it wrote.
    let asOf: String
    /// What the build notes beside its files.
    var note = Note()

    /// What a build notes beside its files, for the next one.
    struct Note: Sendable, Equatable {
        /// What the build was made from (`SourceSnapshot` and the options), when every input was
        /// settled before it began; "-" otherwise.
        var sources = "-"
        /// How many warnings the build printed: a build with none may be skipped when nothing
        /// changed, since skipping prints nothing.
        var warnings = 0
        /// The model whose checks (the worked examples, the decision tables) passed without a finding
        /// in this program, by its digest; "-" for none. The next build need not check it again.
        var checked = "-"
        /// What the build's load learnt of the prose pages, for the next load (`PageCache`'s bytes,
        /// opaque here): trusted, as the rest of the record, only by the program that wrote it.
        var pages: [UInt8] = []
    }

    /// By path; the manifest's own entry has no inputs.
    var entries: [String: Entry]
    /// The entries the record was written with, before `intact` dropped any: a dictionary rather
    /// than a set of paths, for it is then the same storage as `entries`, not a copy.
    let written: [String: Entry]

    /// Whether every file the record lists is still as the build left it.
    var isWhole: Bool { entries.count == written.count }

    init(tool: String, asOf: String, entries: [String: Entry] = [:]) {
        self.tool = tool
        self.asOf = asOf
        self.entries = entries
        written = entries
    }

    /// This program: its name, version, and the identity of its executable file, or nil
    /// where that cannot be known, and no record is then trusted.
    static var currentTool: String? {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        let file = FileIdentity(info)
        return "\(Generator.name) \(info.st_dev):\(file.inode):\(file.size):\(file.modified)"
    }

    /// The record as a file: a header, the pages' bytes, then one line a file. The header ends
    /// with the SHA-256 of the rest, so a damaged record is no record. Built as bytes, for a
    /// record of 20,000 files is rewritten by every rebuild that changes anything; not sorted,
    /// for it is a local cache that no one compares or reads but the next build.
    var bytes: [UInt8] { bytes(lines: lines()) }

    /// The lines of every entry but those of `excluded`: most of the record's bytes, which a rebuild
    /// makes while the manifest, one of the entries, is made.
    func lines(excluding excluded: Set<String> = []) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 200)
        for (path, entry) in entries where !excluded.contains(path) { Self.append(path, entry, to: &bytes) }
        return bytes
    }

    /// The record as a file, its entries being `lines` (from `lines(excluding:)`) and `more`.
    func bytes(lines: [UInt8], more: [(path: String, entry: Entry)] = []) -> [UInt8] {
        // The header's digest is written in once the rest is, where room was left for it.
        let pages = note.pages
        var bytes = Array(
            ([Self.format, tool, asOf, note.sources, "\(note.warnings)", note.checked, "\(pages.count)"]
                .joined(separator: "\n") + "\n").utf8)
        let digestAt = bytes.count
        bytes += [UInt8](repeating: UInt8(ascii: "0"), count: 64) + [0x0A]
        let start = bytes.count
        bytes.reserveCapacity(start + pages.count + lines.count + more.count * 200)
        bytes += pages
        bytes += lines
        for (path, entry) in more { Self.append(path, entry, to: &bytes) }
        bytes.replaceSubrange(digestAt..<digestAt + 64, with: SHA256.hex(bytes[start...]).utf8)
        return bytes
    }

    /// One entry's line: inputs, SHA-256, inode, size, time, path.
    private static func append(_ path: String, _ entry: Entry, to bytes: inout [UInt8]) {
        func append(_ text: String) {
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
        func append(_ number: some BinaryInteger) { DecimalDigits.append(number, to: &bytes) }
        append(entry.inputs)
        bytes.append(0x20)
        append(entry.sha256)
        bytes.append(0x20)
        append(entry.identity.inode)
        bytes.append(0x20)
        append(entry.identity.size)
        bytes.append(0x20)
        append(entry.identity.modified)
        bytes.append(0x20)
        append(path)
        bytes.append(0x0A)
    }

    /// The header of a record this program wrote, read and checked against its digest once: a
    /// rebuild after a change learns from it that it has work to do, and what it may take from the
    /// last build, before every file is checked; the entries are read after it.
    struct Header: Sendable {
        let asOf: String
        let note: Note
        /// Where the entries' lines begin.
        let entries: Int

        /// Nil for a record this program did not write, or a damaged one.
        init?(reading bytes: [UInt8], tool: String) {
            var lines: [String] = []
            var start = 0
            while lines.count < 8, let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
                start = end + 1
            }
            guard lines.count == 8, lines[0] == format, lines[1] == tool, let warnings = Int(lines[4]),
                let count = Int(lines[6]), count >= 0, start + count <= bytes.count,
                SHA256.hex(bytes[start...]) == lines[7]
            else { return nil }
            asOf = lines[2]
            note = Note(sources: lines[3], warnings: warnings, checked: lines[5], pages: Array(bytes[start..<start + count]))
            entries = start + count
        }
    }

    /// The record in `bytes`, whose header is `header`.
    init?(reading bytes: [UInt8], header: Header, tool: String) {
        // Read by bytes: every rebuild reads the 20,000 lines of a large site's record.
        guard let entries = bytes.withUnsafeBufferPointer({ Self.entries(in: $0, from: header.entries) }) else {
            return nil
        }
        self.init(tool: tool, asOf: header.asOf, entries: entries)
        note = header.note
    }

    /// The record in `bytes`, if it is one this program wrote.
    init?(reading bytes: [UInt8], tool: String) {
        guard let header = Header(reading: bytes, tool: tool) else { return nil }
        self.init(reading: bytes, header: header, tool: tool)
    }

    /// The entries of the lines from `start` on: inputs, SHA-256, inode, size, time, path.
    private static func entries(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [String: Entry]? {
        var entries: [String: Entry] = [:]
        entries.reserveCapacity((bytes.count - start) / 180)
        var offset = start
        func field(endingWith end: UInt8) -> Slice<UnsafeBufferPointer<UInt8>>? {
            var stop = offset
            while stop < bytes.count, bytes[stop] != end, bytes[stop] != 0x0A || end == 0x0A { stop += 1 }
            guard stop < bytes.count, bytes[stop] == end else { return nil }
            defer { offset = stop + 1 }
            return bytes[offset..<stop]
        }
        func number(_ part: Slice<UnsafeBufferPointer<UInt8>>?) -> Int64? { part.flatMap(DecimalDigits.value) }
        func text(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: part), as: UTF8.self)
        }
        while offset < bytes.count {
            guard let inputs = field(endingWith: 0x20), let sha256 = field(endingWith: 0x20),
                let inode = number(field(endingWith: 0x20)), let size = number(field(endingWith: 0x20)),
                let modified = number(field(endingWith: 0x20)), let path = field(endingWith: 0x0A)
            else { return nil }
            entries[text(path)] = Entry(
                inputs: text(inputs), sha256: text(sha256),
                identity: FileIdentity(inode: UInt64(inode), size: size, modified: modified))
        }
        return entries
    }

    /// The record of the site in `tree`, keeping only the entries whose files are still
    /// exactly as the build left them; nil without a usable record.
    static func intact(in tree: SiteTree, bytes: [UInt8]?, header: Header?) -> BuildRecord? {
        guard let tool = currentTool, let bytes, let header,
            var record = BuildRecord(reading: bytes, header: header, tool: tool)
        else { return nil }
        let entries = Array(record.entries)
        let present = ConcurrentMap.run(entries) { path, entry -> Bool in
            guard let (folder, name) = try? tree.place(of: path), let folder else { return false }
            return folder.identity(of: name) == entry.identity
        }
        for ((path, _), here) in zip(entries, present) where !here { record.entries[path] = nil }
        // A changed manifest means someone edited the site by hand: trust nothing.
        guard record.entries[Manifest.fileName] != nil else { return nil }
        return record
    }
}
