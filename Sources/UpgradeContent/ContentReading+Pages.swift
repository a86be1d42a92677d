import UpgradeBase
import UpgradeCore
import Foundation

extension ContentReading {
    /// Every `pages/*.md`, in file-name order, and what the next load may take from them: each
    /// page read without a finding, by its file's stamp.
    func readPages() -> (pages: [ProsePage], cache: PageCache) {
        let folder = directory + "/pages"
        let names = pageFiles
        guard !names.isEmpty else { return ([], PageCache()) }
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if descriptor >= 0 { close(descriptor) } }
        // Pages are read on both cores into the one sink, which sorts what it holds by place.
        let cache = cache()
        let read = ConcurrentMap.run(names) { [sink, stamps] name -> (page: ProsePage, entry: PageCache.Entry?)? in
            let path = folder + "/" + name
            var info = stat()
            // The stamp the snapshot took, or one taken now.
            let stamp =
                stamps[name]
                ?? (descriptor >= 0 && fstatat(descriptor, name, &info, 0) == 0
                    && (info.st_mode & S_IFMT) == S_IFREG ? FileStamp(info) : nil)
            if let stamp, let cached = cache.page(name, stamp: stamp, file: path) { return cached }
            // The stamp is the open file's, taken before its bytes are read: a later write changes
            // the stamp, and the next load reads the page again.
            let file = descriptor >= 0 ? openat(descriptor, name, O_RDONLY | O_CLOEXEC) : -1
            defer { if file >= 0 { close(file) } }
            guard file >= 0, fstat(file, &info) == 0, let data = FileBytes.contents(ofOpen: file),
                let text = String(validating: data, as: UTF8.self)
            else {
                sink.error(.unreadable, "cannot read the page as UTF-8 text", at: SourceLocation(file: path))
                return nil
            }
            let findings = Diagnostics()
            let page = ProsePageReader.read(text, slug: String(name.dropLast(3)), file: path, sink: findings)
            sink.append(contentsOf: findings.all)
            // A page with a finding is not kept: the next load reads it again, and reports the same.
            return page.map { ($0, findings.all.isEmpty ? PageCache.Entry(stamp: FileStamp(info), page: $0) : nil) }
        }
        let kept = zip(names, read).compactMap { name, read in read?.entry.map { (name, $0) } }
        return (read.compactMap { $0?.page }.inListOrder, PageCache(Dictionary(uniqueKeysWithValues: kept)))
    }
}

/// Splits a page into front matter and body, the way Hugo and Jekyll do:
/// the file starts with a `---` line, and the next `---` line closes the YAML.
package enum ProsePageReader {
    /// What a page's front matter may hold. `weight` orders the pages, `draft: true` leaves a page
    /// out, `lastmod` stands for `reviewed`; the rest of what Hugo and Jekyll write (`date`, `tags`,
    /// `aliases`, `slug`) and Microsoft Learn's `ms.date` and `ms.topic` are accepted and unused, so
    /// pages shared with those tools build without a warning.
    static let keys = [
        "title", "description", "reviewed", "lastmod", "weight", "draft", "date", "tags", "aliases", "slug",
        "ms.date", "ms.topic",
    ]

    static func read(_ text: String, slug: String, file: String, sink: Diagnostics) -> ProsePage? {
        // Windows line endings read as any other: the lines, and so every location, stay the same.
        var text = text
        // A byte-order mark, as some Windows editors save, is no part of the page.
        if text.unicodeScalars.first == "\u{FEFF}" { text = String(text.unicodeScalars.dropFirst()) }
        let count = text.utf8.count
        let hasReturn = text.withUTF8 { $0.baseAddress.map { memchr($0, 0x0D, count) != nil } ?? false }
        if hasReturn { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        guard YAMLObject.isValidID(slug) else {
            sink.error(
                .frontMatter, "'\(slug)' cannot be a page name: use letters, digits, '-' and '_'", at: SourceLocation(file: file))
            return nil
        }
        // Only the front matter is split into lines; the body is taken whole after it.
        var lines: [Substring] = []
        var rest = Substring(text)
        var close: Int?
        while close == nil, !rest.isEmpty {
            // By bytes: a line feed is a character of its own once "\r\n" is gone, and looking for it
            // by character would cut every page's front matter into graphemes.
            let end = rest.utf8.firstIndex(of: 0x0A) ?? rest.endIndex
            lines.append(rest[..<end])
            rest = end == rest.endIndex ? rest[end...] : rest[rest.utf8.index(after: end)...]
            if lines.count == 1, String(lines[0]).trimmingWhitespace != "---" { break }
            if lines.count > 1, String(lines[lines.count - 1]).trimmingWhitespace == "---" { close = lines.count - 1 }
        }
        guard let close else {
            sink.error(
                .frontMatter, "a page starts with front matter: a '---' line, 'title: …', and a closing '---' line",
                at: SourceLocation(file: file))
            return nil
        }
        guard let matter = frontMatter(lines[1..<close], file: file, sink: sink), let title = matter["title"] else {
            return nil
        }
        /// Where `key`'s value stands: lines count from 1, and the front matter's first line is the file's second.
        func place(of key: String) -> SourceLocation {
            let index = lines[1..<close].firstIndex { $0.hasPrefix(key + ":") }
            let line = index.map { $0 + 1 } ?? 1
            let column = index.map { key.count + 1 + lines[$0].dropFirst(key.count + 1).prefix { $0 == " " }.count + 1 } ?? 1
            return SourceLocation(file: file, line: line, column: column)
        }
        var reviewed: CalendarDate?
        // Hugo's lastmod may carry a time (2026-11-25T10:00:00Z); the day is what a review date says.
        for key in ["reviewed", "lastmod"] where reviewed == nil {
            guard let text = matter[key] else { continue }
            guard let date = CalendarDate(iso: key == "lastmod" ? String(text.prefix(10)) : text) else {
                sink.error(
                    .invalidValue, "'\(text)' is not a valid date: write YYYY-MM-DD, such as 2026-11-25",
                    at: place(of: key))
                return nil
            }
            reviewed = date
        }
        var weight: Int?
        if let text = matter["weight"] {
            guard let number = Int(text) else {
                sink.error(
                    .invalidValue, "'\(text)' is not a weight: write a whole number; lighter pages come first",
                    at: place(of: "weight"))
                return nil
            }
            weight = number
        }
        if let text = matter["draft"] {
            guard text == "true" || text == "false" else {
                sink.error(.invalidValue, "draft is true or false, not '\(text)'", at: place(of: "draft"))
                return nil
            }
            // A draft is left out of the site, as Hugo and Jekyll leave it out of a build.
            if text == "true" { return nil }
        }
        return ProsePage(
            slug: slug, title: title, description: matter["description"], body: String(rest),
            file: file, bodyLine: close + 2, digest: SHA256.hex(text.utf8), reviewed: reviewed, weight: weight)
    }

    /// The title and description of the front matter's lines (those between the `---` lines).
    static func frontMatter(_ lines: ArraySlice<Substring>, file: String, sink: Diagnostics) -> [String: String]? {
        if let simple = SimpleFrontMatter.read(lines, keys: keys), simple["title"] != nil { return simple }
        return composedFrontMatter(lines, file: file, sink: sink)
    }

    /// The front matter through Yams: any YAML, with a diagnostic for each problem.
    static func composedFrontMatter(_ lines: ArraySlice<Substring>, file: String, sink: Diagnostics) -> [String: String]? {
        // A leading newline stands in for the opening '---', so YAML line numbers are the file's.
        let yaml = "\n" + lines.joined(separator: "\n")
        guard let root = YAMLFile.compose(yaml, file: file, sink: sink) else { return nil }
        guard let node = root,
            let matter = YAMLObject(
                node, file: file, what: "front matter", keys: keys,
                sink: sink, unknownKeys: .warning)
        else {
            if root == nil {
                sink.error(.frontMatter, "the front matter is empty; it needs a title", at: SourceLocation(file: file))
            }
            return nil
        }
        let title = matter.string("title")
        let description = matter.string("description", required: false)
        let reviewed = matter.date("reviewed", required: false)
        guard let title else { return nil }
        var found = ["title": title.value]
        if let description { found["description"] = description.value }
        if let reviewed { found["reviewed"] = reviewed.value.description }
        // Read as text; the reader judges them. A list (tags, aliases) is accepted and not read.
        for key in ["lastmod", "weight", "draft"] {
            if let node = matter.value(key), let text = node.scalar?.string { found[key] = text }
        }
        return found
    }

    /// Reads one page from text, for tools and tests that have no file.
    package static func parse(_ text: String, slug: String, file: String) throws(DiagnosticError) -> ProsePage {
        let sink = Diagnostics()
        let page = read(text, slug: slug, file: file, sink: sink)
        try sink.throwIfErrors()
        guard let page else { throw DiagnosticError(sink.sorted) }
        return page
    }
}
