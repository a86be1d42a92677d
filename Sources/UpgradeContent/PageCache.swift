import Glibc
import UpgradeBase
import UpgradeCore

/// What a load learnt of each prose page, by its file's stamp (inode, size and modification
/// time): its front matter, the digest of its text and the facts a build asks of its body
/// (`ProseText`), but not the body. The next load takes a page whose file has the same stamp
/// from here, without opening the file, and its body is read only if something asks for it:
/// a rebuild after one edit among ten thousand pages reads a few hundred of them, not all.
///
/// A stamp stands for the bytes as `make` and `ninja` decide, and only for a file last written
/// before the build that read it began (`bytes(settledBefore:)`): a write in the same tick of the
/// file system's clock could otherwise hide behind an unchanged stamp. Only a page read without a
/// single finding is kept, so a warning is printed again by every load.
///
/// The bytes are opaque to everyone else: a build keeps them in its record and hands them back.
/// Anything malformed, or of another format, is an empty cache, which only means reading.
package struct PageCache: Sendable {
    private static let format = Array("upgradedocs-pages 4 ".utf8)

    /// A page as the cache knows it: all but its body.
    struct Entry: Sendable {
        let stamp: FileStamp
        let title: String
        let description: String?
        let reviewed: CalendarDate?
        let weight: Int?
        let bodyLine: Int
        let digest: String
        let facts: ProseText.Facts

        init(
            stamp: FileStamp, title: String, description: String?, reviewed: CalendarDate?, weight: Int?, bodyLine: Int,
            digest: String, facts: ProseText.Facts
        ) {
            (self.stamp, self.title, self.description, self.reviewed) = (stamp, title, description, reviewed)
            self.weight = weight
            (self.bodyLine, self.digest, self.facts) = (bodyLine, digest, facts)
        }

        /// A page just read; its body is scanned for the facts here.
        init(stamp: FileStamp, page: ProsePage) {
            self.init(
                stamp: stamp, title: page.title, description: page.description, reviewed: page.reviewed,
                weight: page.weight, bodyLine: page.bodyLine, digest: page.digest, facts: page.text.facts)
        }
    }

    /// By file name in `pages/`.
    private var entries: [String: Entry]

    package init() { entries = [:] }

    init(_ entries: [String: Entry]) { self.entries = entries }

    /// The page of the file `name`, read from `file`, and what the cache knows of it, when the file's
    /// stamp is the one it was read with.
    func page(_ name: String, stamp: FileStamp, file: String) -> (page: ProsePage, entry: Entry)? {
        guard let entry = entries[name], entry.stamp == stamp else { return nil }
        let slug = String(name.dropLast(3))
        let text = ProseText(facts: entry.facts) {
            guard let bytes = FileBytes.contents(of: file), let text = String(validating: bytes, as: UTF8.self),
                let read = ProsePageReader.read(text, slug: slug, file: file, sink: Diagnostics())
            else { return "" }
            return read.body
        }
        return (
            ProsePage(
                slug: slug, title: entry.title, description: entry.description, text: text, file: file,
                bodyLine: entry.bodyLine, reviewed: entry.reviewed, weight: entry.weight, digest: entry.digest), entry
        )
    }

    /// Whether both hold the same files with the same stamps: then one stands for the other.
    package func isSame(as other: PageCache) -> Bool {
        entries.count == other.entries.count
            && entries.allSatisfy { name, entry in other.entries[name]?.stamp == entry.stamp }
    }

    /// The cache as bytes, without the pages whose files were written at or after `time` (a
    /// file-system time: when the build that read them began).
    ///
    /// A header line with the SHA-256 of the rest, so that a damaged cache is no cache; then for
    /// each page a line of its fields, the lengths of its title and
    /// description among them, those two as they are, and a line of the file names its body
    /// mentions. Page names and those file names hold no spaces.
    package func bytes(settledBefore time: Int64) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 300)
        func append(_ text: String) {
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
        func append(_ number: some BinaryInteger, then separator: UInt8 = 0x20) {
            DecimalDigits.append(number, to: &bytes)
            bytes.append(separator)
        }
        for name in entries.keys.sorted() {
            let entry = entries[name]!
            guard entry.stamp.modified < time else { continue }
            let page = entry, facts = entry.facts
            append(name + " ")
            append(entry.stamp.inode)
            append(entry.stamp.size)
            append(entry.stamp.modified)
            append(page.bodyLine)
            append(
                (page.reviewed?.description ?? "-") + " " + page.digest + (facts.mayEmbed ? " 1" : " 0")
                    + (facts.hasAmpersand ? " 1" : " 0") + (facts.mayNestDeeply ? " 1 " : " 0 ")
                    + (page.weight.map(String.init) ?? "-") + " ")
            append(page.title.utf8.count)
            if let description = page.description { append(description.utf8.count, then: 0x0A) } else { append("-\n") }
            append(page.title)
            append(page.description ?? "")
            for (index, fileName) in facts.fileNames.enumerated() {
                if index > 0 { bytes.append(0x20) }
                append(fileName)
            }
            bytes.append(0x0A)
        }
        return Self.format + Array(SHA256.hex(bytes).utf8) + [0x0A] + bytes
    }

    /// The cache in `bytes`; empty unless they are one, whole.
    package init(bytes: [UInt8]) {
        self.init()
        entries = bytes.withUnsafeBufferPointer { Self.entries(in: $0) } ?? [:]
    }

    /// Read by bytes: ten thousand entries are read before a rebuild can start.
    private static func entries(in bytes: UnsafeBufferPointer<UInt8>) -> [String: Entry]? {
        let start = format.count + 65
        guard bytes.count >= start, bytes.starts(with: format), bytes[start - 1] == 0x0A,
            bytes[format.count..<start - 1].elementsEqual(SHA256.hex(bytes[start...]).utf8)
        else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(bytes.count / 150)
        var offset = start
        /// The next field, up to a space or the end of the line, which it consumes.
        func field() -> Slice<UnsafeBufferPointer<UInt8>>? {
            var end = offset
            while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x0A { end += 1 }
            guard end < bytes.count else { return nil }
            defer { offset = end + 1 }
            return bytes[offset..<end]
        }
        func text(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
            String(validating: UnsafeBufferPointer(rebasing: part), as: UTF8.self)
        }
        func number(_ part: Slice<UnsafeBufferPointer<UInt8>>?) -> Int64? { part.flatMap(DecimalDigits.value) }
        func take(_ count: Int64) -> String? {
            guard count <= bytes.count - offset else { return nil }
            defer { offset += Int(count) }
            return text(bytes[offset..<offset + Int(count)])
        }
        while offset < bytes.count {
            guard let name = field().flatMap(text), let inode = number(field()), let size = number(field()),
                let modified = number(field()), let bodyLine = number(field()), let reviewedField = field().flatMap(text),
                let digest = field().flatMap(text), digest.utf8.count == 64, let embeds = field(), let ampersand = field(),
                let deep = field(),
                let weightField = field(), let titleCount = number(field()), let descriptionField = field()
            else { return nil }
            let reviewed = CalendarDate(iso: reviewedField)
            let weight = weightField.elementsEqual("-".utf8) ? nil : text(weightField).flatMap { Int($0) }
            guard weightField.elementsEqual("-".utf8) || weight != nil else { return nil }
            guard reviewedField == "-" || reviewed != nil, bytes[offset - 1] == 0x0A, let title = take(titleCount)
            else { return nil }
            var description: String?
            if descriptionField.elementsEqual("-".utf8) {
                description = nil
            } else {
                guard let count = number(descriptionField), let read = take(count) else { return nil }
                description = read
            }
            var fileNames: [String] = []
            while offset < bytes.count, bytes[offset] != 0x0A {
                guard let name = field().flatMap(text) else { return nil }
                fileNames.append(name)
                if bytes[offset - 1] == 0x0A { offset -= 1 }
            }
            guard offset < bytes.count else { return nil }
            offset += 1
            let facts = ProseText.Facts(
                mayEmbed: embeds.elementsEqual("1".utf8),
                hasAmpersand: ampersand.elementsEqual("1".utf8), mayNestDeeply: deep.elementsEqual("1".utf8),
                fileNames: fileNames)
            entries[name] = Entry(
                stamp: FileStamp(inode: UInt64(inode), size: size, modified: modified), title: title,
                description: description, reviewed: reviewed, weight: weight, bodyLine: Int(bodyLine), digest: digest,
                facts: facts)
        }
        return entries
    }
}
