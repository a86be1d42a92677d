import Foundation
import UpgradeBase
import UpgradeCore
import UpgradeSiteContract

/// The search index (`data/search/`) against the site and the model, read as the search
/// page reads it: every page a reader can reach is listed once and no page that is not,
/// and every offer is found by its id, its name and each alias: each word leads to the
/// offer's page in the shard that holds it, and the whole name is one the page answers for.
/// Terms are cut here by the format's rule (runs of letters, digits and marks, composed and
/// case-folded a scalar at a time, shorter than the index's minimum or a stop word left out), not by
/// the builder's code.
struct SearchVerification {
    let catalog: Catalog
    let site: String
    /// Every HTML page of the site, by path from its root.
    let pages: [String]
    /// Each offer by its page's file: what a shard's pages are checked for.
    private let offerPages: [String: Offer]

    init(catalog: Catalog, site: String, pages: [String]) {
        (self.catalog, self.site, self.pages) = (catalog, site, pages)
        offerPages = Dictionary(
            catalog.offers.map { (SitePaths.offer($0.id).file(.html), $0) },
            uniquingKeysWith: { first, _ in first })
    }

    struct Index {
        let shards: Int
        /// Shard n holds the terms of pages n × pagesPerShard and the next ones.
        let pagesPerShard: Int
        let minimumLength: Int
        let stopWords: Set<String>
        /// Link, title, kind, description, names, and why a name leads there.
        let pages: [(href: String, title: String, names: [String])]
    }

    var listPath: String { site + "/" + SitePaths.searchPages }

    /// The list of pages, read once before the work is shared out; nil (with the problem told) when unreadable.
    func index(read: (String) -> Data?, _ report: inout Tally) -> Index? {
        guard let data = read(SitePaths.searchPages) else {
            report.fail(.searchIndex, "missing: the site has no search index; run 'upgradedocs build'", file: listPath, line: 1)
            return nil
        }
        guard let index = Self.index(data) else {
            report.fail(
                .searchIndex, "the search index's page list is not `UpgradeSearch.pages({...})` in format upgradedocs-search/3",
                file: listPath, line: 1)
            return nil
        }
        return index
    }

    /// Every page a reader can reach is listed once, and no other.
    func verifyList(_ index: Index, _ report: inout Tally) {
        let listed = index.pages.map(\.href)
        var seen: [String: Int] = [:]
        for href in listed { seen[href, default: 0] += 1 }
        let wanted = pages.filter { $0 != SitePaths.search.file(.html) && !$0.hasPrefix("print/") }
        for page in wanted where seen[page] != 1 {
            report.fail(
                .searchIndex,
                seen[page] == nil
                    ? "search cannot find \(page): the index does not list it"
                    : "the index lists \(page) \(seen[page]!) times", file: listPath, line: 1)
        }
        for href in Set(listed).subtracting(wanted).sorted() {
            report.fail(
                .searchIndex, "the index lists \(href), which is not a page search should lead to", file: listPath, line: 1)
        }
        // A result reads as its page's title: for the pages the model titles, the model's words.
        let titles = modelTitles
        for page in index.pages {
            if let title = titles[page.href], page.title != title {
                report.fail(
                    .searchIndex, "search titles \(page.href) '\(page.title)'; the page is '\(title)'", file: listPath, line: 1)
            }
        }
    }

    /// The title of each page the model names: offers, role guides, matrices and decision tables.
    private var modelTitles: [String: String] {
        var titles: [String: String] = [:]
        for offer in catalog.offers { titles[SitePaths.offer(offer.id).file(.html)] = offer.name }
        for role in catalog.roles { titles[SitePaths.role(role.id).file(.html)] = "\(role.name): upgrading a subscription" }
        for table in catalog.tables { titles[SitePaths.table(table.id).file(.html)] = "Decision table: \(table.title)" }
        for program in catalog.programs where !catalog.offers(in: program.id).isEmpty {
            titles[SitePaths.matrix(program.id).file(.html)] = "Upgrade matrix: \(program.name) offers"
        }
        return titles
    }

    /// One shard: it is there, has the index's form, and, for each offer whose page it holds, leads every
    /// word of the offer's id, name, aliases and former names to that page; the list names the page for each whole name.
    func verifyShard(_ number: Int, of index: Index, read: (String) -> Data?, _ report: inout Tally) {
        let path = SitePaths.searchShard(number)
        let held = (number * index.pagesPerShard)..<min((number + 1) * index.pagesPerShard, index.pages.count)
        let offers = held.compactMap { number in offerPages[index.pages[number].href].map { (number, $0) } }
        let data = read(path)
        // Only a shard that holds an offer's page is read whole; any other must have the form.
        let table = offers.isEmpty ? nil : data.flatMap { Self.shard($0, number: number) }
        guard let data, Self.isCall(data, prefix: Self.shardPrefix(number)), table != nil || offers.isEmpty else {
            report.fail(
                .searchIndex, "the search index's shard \(number) is missing or not `UpgradeSearch.terms(\(number), {...})`",
                file: site + "/" + path, line: 1)
            return
        }
        for (page, offer) in offers {
            let file = SitePaths.offer(offer.id).file(.html)
            for name in [offer.id.rawValue, offer.name] + offer.aliases + offer.formerly.map(\.name) {
                let terms = Self.terms(name, index)
                if !terms.isEmpty, !index.pages[page].names.contains(terms.joined(separator: " ")) {
                    report.fail(
                        .searchIndex, "search does not list \(file) first for '\(name)': the index does not name the page so",
                        file: listPath, line: 1)
                }
                for term in terms {
                    let postings = table?[term] ?? []
                    if !stride(from: 0, to: postings.count - 1, by: 2).contains(where: { postings[$0] == page }) {
                        report.fail(
                            .searchIndex, "search for '\(name)' cannot find \(file): its shard does not lead '\(term)' there",
                            file: site + "/" + path, line: 1)
                    }
                }
            }
        }
    }

    static func index(_ data: Data) -> Index? {
        guard let object = call(data, prefix: "UpgradeSearch.pages(") as? [String: Any],
            object["format"] as? String == "upgradedocs-search/3", let shards = object["shards"] as? Int, shards > 0,
            let perShard = object["pagesPerShard"] as? Int, perShard > 0,
            let minimum = object["minimumLength"] as? Int, let stop = object["stopWords"] as? [String],
            let pages = object["pages"] as? [[Any]]
        else { return nil }
        var entries: [(href: String, title: String, names: [String])] = []
        for page in pages {
            guard page.count == 6, let href = page[0] as? String, let title = page[1] as? String,
                let names = page[4] as? [String], page[5] is [[String]]
            else { return nil }
            entries.append((href, title, names))
        }
        return Index(shards: shards, pagesPerShard: perShard, minimumLength: minimum, stopWords: Set(stop), pages: entries)
    }

    static func shardPrefix(_ number: Int) -> String { "UpgradeSearch.terms(\(number)," }

    /// A shard's terms and postings. The format writes one term a line (`"term":[1,20,5,1],`), so each
    /// line is read on its own; a term with an escape goes through the JSON decoder, the rest are as written.
    static func shard(_ data: Data, number: Int) -> [String: [Int]]? {
        guard let code = code(of: data, prefix: shardPrefix(number)), code.first == "{", code.last == "}" else { return nil }
        var table: [String: [Int]] = [:]
        for line in code.dropFirst().dropLast().split(separator: "\n") {
            let entry = line.hasSuffix(",") ? line.dropLast() : line
            guard entry.hasPrefix("\""), let split = entry.range(of: "\":["), entry.hasSuffix("]") else { return nil }
            let quoted = entry[entry.startIndex..<entry.index(after: split.lowerBound)]
            let term =
                quoted.contains("\\")
                ? (try? JSONDecoder().decode(String.self, from: Data(quoted.utf8)))
                : String(quoted.dropFirst().dropLast())
            var postings: [Int] = []
            for number in entry[split.upperBound..<entry.index(before: entry.endIndex)].split(separator: ",") {
                guard let value = Int(number) else { return nil }
                postings.append(value)
            }
            guard let term, table.updateValue(postings, forKey: term) == nil else { return nil }
        }
        return table
    }

    /// The JSON argument of the one call the file makes after its comment lines.
    private static func call(_ data: Data, prefix: String) -> Any? {
        code(of: data, prefix: prefix).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) }
    }

    static func isCall(_ data: Data, prefix: String) -> Bool {
        code(of: data, prefix: prefix) != nil
    }

    /// The argument's text, between `prefix` and the closing `);`, after the file's leading comment lines.
    private static func code(of data: Data, prefix: String) -> Substring? {
        var text = Substring(String(decoding: data, as: UTF8.self))
        while text.hasPrefix("//") {
            guard let end = text.firstIndex(of: "\n") else { return nil }
            text = text[text.index(after: end)...]
        }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        guard text.hasPrefix(prefix), text.hasSuffix(");") else { return nil }
        return text.dropFirst(prefix.count).dropLast(2)
    }

    /// The format's terms of `text`.
    static func terms(_ text: String, _ index: Index) -> [String] {
        var terms: [String] = [], run = ""
        func flush() {
            // Case-folded a scalar at a time, upper then lower case, as the format says.
            let term = Catalog.composed(run).unicodeScalars.map { scalar in
                scalar.properties.uppercaseMapping.unicodeScalars.map { $0.properties.lowercaseMapping }.joined()
            }.joined()
            if term.unicodeScalars.count >= index.minimumLength, !index.stopWords.contains(term) { terms.append(term) }
            run = ""
        }
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
                run.unicodeScalars.append(scalar)
            default:
                flush()
            }
        }
        flush()
        return terms
    }

}
