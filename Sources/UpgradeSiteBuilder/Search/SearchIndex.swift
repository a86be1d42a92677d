import UpgradeBase
import UpgradeCore
import UpgradeSiteContract

/// The site's search index, written by the build so that search works from `file://` as
/// from any server, with nothing to install: `data/search/pages.js` lists the pages
/// (link, title, kind, description, and the names an offer, role or table is known by),
/// and `data/search/terms-N.js` hold the terms, each shard a `<script>` the search page
/// loads only when a query needs it. Each term maps to pairs of page number and weight:
/// a word in an offer's name, id or alias weighs most, then the title, what the page lists
/// as its own (an offer's services), a heading, the description, and the text (capped, so
/// a long page cannot drown a short one).
///
/// Format `upgradedocs-search/1`; `verify` reads it back against the model.
struct SearchIndex {
    struct Document: Sendable {
        let href: String
        let title: String
        let kind: String
        let summary: String
        /// The names the page is the answer for, normalized (`SearchTerms.normalized`).
        let names: [String]
    }

    enum Weight {
        static let name = 50, title = 20, listed = 8, heading = 4, summary = 3, text = 1
        /// The most the text of one page gives a term, whatever its count.
        static let textCap = 10
    }

    static let format = "upgradedocs-search/1"
    /// About this many bytes of text per shard; a shard holds roughly as much index.
    static let bytesPerShard = 256 * 1024
    static let variable = "UpgradeSearch"

    let documents: [Document]
    /// Each shard's terms, sorted, with their postings (page number, weight, …).
    let shards: [[(term: String, postings: [Int])]]

    /// The pages search lists: every page but the search page and the printed document,
    /// which repeats the decision tables.
    static func searchable(_ page: Page) -> Bool {
        page.kind != .search && page.kind != .print
    }

    /// How many shards the index of `pages` has: known from the text's size, without cutting it
    /// into terms, so a build knows every file's path before it makes any.
    static func shardCount(of pages: [Page]) -> Int {
        var bytes = 0
        for page in pages where searchable(page) {
            bytes += 2_000
            for block in page.blocks { if case .prose(let markdown, _, _) = block { bytes += markdown.utf8.count } }
        }
        return max(1, (bytes + bytesPerShard - 1) / bytesPerShard)
    }

    init(pages: [Page], catalog: Catalog) {
        let pages = pages.filter(Self.searchable)
        let names = Self.names(catalog)
        let count = Self.shardCount(of: pages)
        documents = pages.map { page in
            Document(href: page.path.file(.html), title: page.title, kind: Self.label(page),
                     summary: String((page.summary ?? "").prefix(200)),
                     names: Self.unique((names[page.path] ?? []).map(SearchTerms.normalized).filter { !$0.isEmpty }))
        }
        let weighed = ConcurrentMap.run(Array(zip(pages, documents))) { page, document in
            Self.weights(page, names: names[page.path] ?? []).map { term, weight in
                (term: term, weight: weight, shard: SearchTerms.shard(of: term, among: count))
            }
        }
        var tables = Array(repeating: [String: [Int]](), count: count)
        for (number, terms) in weighed.enumerated() {
            for entry in terms { tables[entry.shard][entry.term, default: []].append(contentsOf: [number, entry.weight]) }
        }
        shards = ConcurrentMap.run(tables) { table in
            table.sorted { $0.key < $1.key }.map { (term: $0.key, postings: $0.value) }
        }
    }

    /// What each page is known by, besides its title: an offer's id, name and aliases, a role's and
    /// a table's id.
    private static func names(_ catalog: Catalog) -> [PagePath: [String]] {
        var names: [PagePath: [String]] = [:]
        for offer in catalog.offers { names[SitePaths.offer(offer.id)] = [offer.id.rawValue, offer.name] + offer.aliases }
        for role in catalog.roles { names[SitePaths.role(role.id)] = [role.id.rawValue, role.name] }
        for table in catalog.tables { names[SitePaths.table(table.id)] = [table.id.rawValue, table.title] }
        return names
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    private static func label(_ page: Page) -> String {
        switch page.kind {
        case .index: "Home"
        case .matrix: "Upgrade matrix"
        case .role: "Role guide"
        case .rules: "Decision table"
        case .page: "Guide"
        case .checker: "Checker"
        case .offer: page.path == SitePaths.offers ? "Offers" : "Offer"
        case .print: "Print"
        case .search: "Search"
        }
    }

    /// Each term of the page with its weight, sorted by term.
    private static func weights(_ page: Page, names: [String]) -> [(String, Int)] {
        var named: [String: Int] = [:], text: [String: Int] = [:]
        func add(_ string: String, _ weight: Int) {
            SearchTerms.forEach(in: string) { named[$0, default: 0] += weight }
        }
        for name in names { add(name, Weight.name) }
        add(page.title, Weight.title)
        if let summary = page.summary { add(summary, Weight.summary) }
        let reader = SearchText { string, part in
            switch part {
            case .heading: add(string, Weight.heading)
            case .listed: add(string, Weight.listed)
            case .text: SearchTerms.forEach(in: string) { text[$0, default: 0] += 1 }
            }
        }
        for fact in page.facts { reader.read(fact.value) }
        for block in page.blocks { reader.read(block) }
        for (term, count) in text { named[term, default: 0] += min(count, Weight.textCap) * Weight.text }
        return named.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The index's files, every shard's whether it has terms or not, so their paths follow from the count alone.
    func files() -> [GeneratedFile] {
        var list = "// The site's search index: its pages. Generated by \(Generator.name); do not edit.\n"
            + "\(Self.variable).pages({\"format\":\"\(Self.format)\",\"shards\":\(shards.count),\"minimumLength\":"
            + "\(SearchTerms.minimumLength),\"stopWords\":["
            + SearchTerms.stopWords.sorted().map(JSONValue.quote).joined(separator: ",") + "],\"pages\":[\n"
        list += documents.map { document in
            "[" + [document.href, document.title, document.kind, document.summary].map(JSONValue.quote).joined(separator: ",")
                + ",[" + document.names.map(JSONValue.quote).joined(separator: ",") + "]]"
        }.joined(separator: ",\n")
        list += "\n]});\n"
        var files = [GeneratedFile(path: SitePaths.searchPages, kind: .data, text: list)]
        files += ConcurrentMap.run(Array(shards.enumerated())) { number, terms in
            var text = "// Search terms, shard \(number). Generated by \(Generator.name); do not edit.\n"
                + "\(Self.variable).terms(\(number),{\n"
            text += terms.map { term, postings in
                JSONValue.quote(term) + ":[" + postings.map(String.init).joined(separator: ",") + "]"
            }.joined(separator: ",\n")
            text += "\n});\n"
            return GeneratedFile(path: SitePaths.searchShard(number), kind: .data, text: text)
        }
        return files
    }
}
