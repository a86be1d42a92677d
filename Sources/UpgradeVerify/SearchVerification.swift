import Foundation
import UpgradeBase
import UpgradeCore
import UpgradeSiteContract

/// The search index (`data/search/`) against the site and the model, read as the search
/// page reads it: every page a reader can reach is listed once and no page that is not,
/// and every offer is found by its id, its name and each alias: each word leads to the
/// offer's page in the shard that holds it, and the whole name is one the page answers for. Terms are cut here by the format's rule (runs of letters and
/// digits, lowered a scalar at a time, shorter than the index's minimum or a stop word
/// left out), not by the builder's code.
struct SearchVerification {
    let catalog: Catalog
    let site: String
    /// Every HTML page of the site, by path from its root.
    let pages: [String]

    struct Index {
        let shards: Int
        let minimumLength: Int
        let stopWords: Set<String>
        /// Link, title, kind, description, names.
        let pages: [(href: String, names: [String])]
    }

    func verify(read: (String) -> Data?, _ report: inout Tally) {
        let listPath = site + "/" + SitePaths.searchPages
        guard let data = read(SitePaths.searchPages) else {
            report.fail("missing: the site has no search index; run 'upgradedocs build'", file: listPath, line: 1)
            return
        }
        guard let index = Self.index(data) else {
            report.fail("the search index's page list is not `UpgradeSearch.pages({...})` in format upgradedocs-search/2",
                        file: listPath, line: 1)
            return
        }
        let listed = index.pages.map(\.href)
        var seen: [String: Int] = [:]
        for href in listed { seen[href, default: 0] += 1 }
        let wanted = pages.filter { $0 != SitePaths.search.file(.html) && !$0.hasPrefix("print/") }
        for page in wanted where seen[page] != 1 {
            report.fail(seen[page] == nil ? "search cannot find \(page): the index does not list it"
                                          : "the index lists \(page) \(seen[page]!) times", file: listPath, line: 1)
        }
        for href in Set(listed).subtracting(wanted).sorted() {
            report.fail("the index lists \(href), which is not a page search should lead to", file: listPath, line: 1)
        }
        var shards: [Int: [String: [Int]]] = [:]
        for number in 0..<index.shards {
            let path = SitePaths.searchShard(number)
            guard let data = read(path), let table = Self.shard(data, number: number) else {
                report.fail("the search index's shard \(number) is missing or not `UpgradeSearch.terms(\(number), {...})`",
                            file: site + "/" + path, line: 1)
                continue
            }
            shards[number] = table
        }
        let numbers = Dictionary(index.pages.enumerated().map { ($0.element.href, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for offer in catalog.offers {
            let page = SitePaths.offer(offer.id).file(.html)
            guard let number = numbers[page] else { continue }
            for name in [offer.id.rawValue, offer.name] + offer.aliases {
                let terms = Self.terms(name, index)
                if !terms.isEmpty, !index.pages[number].names.contains(terms.joined(separator: " ")) {
                    report.fail("search does not list \(page) first for '\(name)': the index does not name the page so",
                                file: listPath, line: 1)
                }
                for term in terms {
                    let found = shards.values.contains { table in
                        let postings = table[term] ?? []
                        return stride(from: 0, to: postings.count - 1, by: 2).contains { postings[$0] == number }
                    }
                    if !found {
                        report.fail("search for '\(name)' cannot find \(page): no shard leads '\(term)' there",
                                    file: listPath, line: 1)
                    }
                }
            }
        }
    }

    static func index(_ data: Data) -> Index? {
        guard let object = call(data, prefix: "UpgradeSearch.pages(") as? [String: Any],
              object["format"] as? String == "upgradedocs-search/2", let shards = object["shards"] as? Int, shards > 0,
              let minimum = object["minimumLength"] as? Int, let stop = object["stopWords"] as? [String],
              let pages = object["pages"] as? [[Any]] else { return nil }
        var entries: [(href: String, names: [String])] = []
        for page in pages {
            guard page.count == 5, let href = page[0] as? String, let names = page[4] as? [String] else { return nil }
            entries.append((href, names))
        }
        return Index(shards: shards, minimumLength: minimum, stopWords: Set(stop), pages: entries)
    }

    static func shard(_ data: Data, number: Int) -> [String: [Int]]? {
        call(data, prefix: "UpgradeSearch.terms(\(number),") as? [String: [Int]]
    }

    /// The JSON argument of the one call the file makes after its comment lines.
    private static func call(_ data: Data, prefix: String) -> Any? {
        let text = String(decoding: data, as: UTF8.self)
        let code = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("//") }
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard code.hasPrefix(prefix), code.hasSuffix(");") else { return nil }
        let argument = code.dropFirst(prefix.count).dropLast(2)
        return try? JSONSerialization.jsonObject(with: Data(argument.utf8))
    }

    /// The format's terms of `text`.
    static func terms(_ text: String, _ index: Index) -> [String] {
        var terms: [String] = [], run = ""
        func flush() {
            let term = run.unicodeScalars.map { $0.properties.lowercaseMapping }.joined()
            if term.unicodeScalars.count >= index.minimumLength, !index.stopWords.contains(term) { terms.append(term) }
            run = ""
        }
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                run.unicodeScalars.append(scalar)
            default:
                flush()
            }
        }
        flush()
        return terms
    }

}
