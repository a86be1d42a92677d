import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// The statements a page makes from the model outside its tables: an offer's program, region,
/// other names and former names; what a role cannot do and whether it submits; each
/// interpretation's decision; the home page's count of each program's offers; the footer's date.
/// Each is held to the content, in both formats.
struct StatementVerification {
    let catalog: Catalog
    let file: String
    /// `targetsWith(in:)`, for offer pages: worked out once by whoever reads them all.
    var targetsWith: [ServiceID: [Offer]] = [:]

    /// One line of a page's facts list: "Region: India".
    struct Fact {
        let label: String
        let text: String
        let line: Int
    }

    static func facts(html page: HTMLElement) -> [Fact] {
        page.descendants(named: "dl", where: { $0.hasClass("facts") }).flatMap(\.elements).compactMap { entry in
            let parts = entry.elements
            guard parts.count == 2, parts[0].name == "dt", parts[1].name == "dd" else { return nil }
            return Fact(label: Perceived(parts[0]).seen, text: Perceived(parts[1]).seen, line: entry.line)
        }
    }

    /// The `- **Label**: text` lines before the page's first section.
    static func facts(markdown text: String) -> [Fact] {
        var found: [Fact] = []
        for (index, line) in MarkdownTableReader.lines(text).enumerated() {
            if line.hasPrefix("## ") { break }
            guard line.hasPrefix("- **"), let end = line.range(of: "**: ") else { continue }
            let label = String(line[line.index(line.startIndex, offsetBy: 4)..<end.lowerBound])
            found.append(
                Fact(
                    label: label, text: Perceived.collapse(MarkdownInline.plain(String(line[end.upperBound...]))), line: index + 1
                ))
        }
        return found
    }

    /// An offer's facts: its id, program, region, other names, and each former name with its day.
    func offer(_ offer: Offer, facts: [Fact], _ report: inout Tally) {
        let program = catalog.program(offer.program)?.name ?? offer.program.rawValue
        let region = offer.region.map { catalog.region($0)?.name ?? $0.rawValue } ?? "Global"
        var wanted: [(String, String)] = [("Id", offer.id.rawValue), ("Program", program), ("Region", region)]
        if !offer.aliases.isEmpty { wanted.append(("Also called", offer.aliases.joined(separator: ", "))) }
        let sale = offer.sale
        if let sku = sale.sku { wanted.append(("SKU", sku)) }
        if !sale.countries.isEmpty { wanted.append(("Markets", sale.countries.joined(separator: ", "))) }
        if let source = sale.source, source != sale.importedFrom { wanted.append(("Sold as stated by", source)) }
        if let matrix = sale.importedFrom { wanted.append(("Offer matrix", matrix)) }
        if let equivalent = offer.equivalent, let target = catalog.offer(equivalent.offer) {
            let program = catalog.program(target.program)?.name ?? target.program.rawValue
            wanted.append(("Equivalent in \(program)", "\(target.name) (source: \(equivalent.source))"))
        }
        // Worded facts are read for their numbers and terms; each stands only where the model has it.
        let worded = [
            ("Plans", !sale.plans.isEmpty), ("Seat limit", sale.maxSeats != nil), ("End of sale", sale.endOfSale != nil),
        ]
        judge(facts, wanted, of: "\(offer.id)", also: worded.filter(\.1).map(\.0), &report)
        saleWords(of: offer, facts, &report)
        let former = facts.filter { $0.label == "Formerly" }
        let expected = offer.formerly.map { "\($0.name) (renamed \($0.renamed);" }
        if former.count != expected.count || !zip(former, expected).allSatisfy({ $0.text.hasPrefix(Perceived.collapse($1)) }) {
            report.fail(
                .offerPage,
                "\(offer.id): the page names its former names as \(former.map { "'\($0.text)'" }.joined(separator: ", ")); "
                    + "the model has \(offer.formerly.map { "'\($0.name)' (renamed \($0.renamed))" }.joined(separator: ", "))",
                file: file, line: former.first?.line ?? 1)
        }
    }

    /// The facts of a matrix, decision table, offer index or role page, as the model gives them;
    /// nil for a page whose facts are checked elsewhere or that has none of its own.
    func expectedFacts(of file: String, kind: PageKind) -> (code: DiagnosticCode, facts: [(String, String)])? {
        let format: PageFormat = file.hasSuffix(".md") ? .md : .html
        switch kind {
        case .matrix:
            guard !SitePaths.isPart(file),
                let program = catalog.programs.first(where: { SitePaths.matrix($0.id).file(format) == file })
            else { return nil }
            return (.cellMismatch, [("Program", program.name), ("Offers", String(catalog.offers(in: program.id).count))])
        case .rules:
            guard let table = catalog.tables.first(where: { SitePaths.table($0.id).file(format) == file }) else { return nil }
            return (
                .tableMismatch,
                [("Hit policy", "\(table.hitPolicy.rawValue) (\(table.hitPolicy.name))"), ("Rules", String(table.rules.count))]
            )
        case .role:
            guard let role = catalog.roles.first(where: { SitePaths.role($0.id).file(format) == file }) else { return nil }
            let names = role.handOverTo.map { catalog.role($0)?.name ?? $0.rawValue }
            let handsOver =
                names.isEmpty
                ? "nobody: you can do every step"
                : names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names.last!
            let parts = role.programs.map { part in
                (
                    "Submits upgrades in \(catalog.program(part.program)?.name ?? part.program.rawValue)",
                    part.canUpgrade ? "Yes" : "No"
                )
            }
            let migration = role.migration.flatMap { part -> (String, String)? in
                guard let route = catalog.programs.lazy.compactMap({ catalog.migration(from: $0.id)?.route }).first
                else { return nil }
                return ("Migrates to \(catalog.program(route.to)?.name ?? route.to.rawValue)", part.canMigrate ? "Yes" : "No")
            }
            return (
                .rolePage,
                [("Submits upgrades", role.canUpgrade ? "Yes" : "No"), ("Hands over to", handsOver)] + parts
                    + (migration.map { [$0] } ?? [])
            )
        default:
            guard file == SitePaths.offers.file(format) else { return nil }
            return (.offerPage, [("Offers", String(catalog.offers.count))])
        }
    }

    /// A page's facts against `expectedFacts`: each as the model says, and no other but the date's.
    func facts(_ facts: [Fact], of file: String, kind: PageKind, _ report: inout Tally) {
        guard let (code, wanted) = expectedFacts(of: file, kind: kind) else { return }
        judge(facts, wanted, of: file, code: code, &report)
    }

    /// A role guide's facts, its list of what the role cannot do, and whether it says the role
    /// cannot submit the upgrade.
    func role(_ role: Role, cannot: [String]?, saysCannotSubmit: Bool, line: Int, _ report: inout Tally) {
        let wanted = role.cannot.map { Perceived.collapse(MarkdownInline.plain($0)) }
        if (cannot ?? []) != wanted {
            report.fail(
                .rolePage,
                "role \(role.id): what it cannot do reads \((cannot ?? []).map { "'\($0)'" }.joined(separator: ", ")); the "
                    + "content says \(wanted.map { "'\($0)'" }.joined(separator: ", "))", file: file, line: line)
        }
        if saysCannotSubmit == role.canUpgrade {
            report.fail(
                .rolePage,
                role.canUpgrade
                    ? "role \(role.id): the page says it cannot submit the upgrade, but the content says it can"
                    : "role \(role.id): the page does not say it cannot submit the upgrade, which the content says",
                file: file, line: line)
        }
    }

    /// Each interpretation's decision, as the interpretations page states it after "Decision: ".
    func interpretations(decisions: [String: (text: String, line: Int)], _ report: inout Tally) {
        for interpretation in catalog.interpretations {
            let wanted = Perceived.collapse(interpretation.decision)
            guard let shown = decisions[interpretation.id.rawValue] else {
                report.fail(
                    .pageStructure, "the decision of interpretation \(interpretation.id) is missing", file: file, line: 1)
                continue
            }
            if shown.text != wanted {
                report.fail(
                    .pageStructure,
                    "interpretation \(interpretation.id): the decision reads '\(shown.text)', the content's is '\(wanted)'",
                    file: file, line: shown.line)
            }
        }
    }

    /// The home page's line for each program: "Legacy offers: 11 offers, …", by the link to its matrix.
    func programCounts(_ lines: [(href: String, text: String, line: Int)], format: PageFormat, _ report: inout Tally) {
        for program in catalog.programs where !catalog.offers(in: program.id).isEmpty {
            let href = SitePaths.matrix(program.id).file(format)
            let count = catalog.offers(in: program.id).count
            let said = lines.filter { $0.href == href }.compactMap { entry -> (Int, Int)? in
                guard let colon = entry.text.range(of: ": "), let space = entry.text[colon.upperBound...].firstIndex(of: " ")
                else { return nil }
                return Int(entry.text[colon.upperBound..<space]).map { ($0, entry.line) }
            }
            for (shown, line) in said where shown != count {
                report.fail(
                    .indexPage, "the home page says the \(program.name) program has \(shown) offers; the model has \(count)",
                    file: file, line: line)
            }
        }
    }

    /// The footer of an HTML page: the site's date, as the Markdown footer must give it too.
    static func footer(html page: HTMLElement, asOf: CalendarDate, file: String, _ report: inout Tally) {
        let footers = page.descendants(named: "footer", where: { $0.hasClass("site-footer") })
        let text = footers.map { Perceived($0).seen }.joined(separator: " ")
        if !text.hasPrefix("Decisions as of \(asOf).") {
            report.fail(
                .pageStructure, "the footer does not say 'Decisions as of \(asOf).': it reads '\(text.prefix(60))'",
                file: file, line: footers.first?.line ?? 1)
        }
    }

    /// The seat limit's number, each term of the plans, and the end of sale's day, as the page words them.
    private func saleWords(of offer: Offer, _ facts: [Fact], _ report: inout Tally) {
        let sale = offer.sale
        func fail(_ message: String, _ fact: Fact?) {
            report.fail(.offerPage, "\(offer.id): \(message)", file: file, line: fact?.line ?? 1)
        }
        let limit = facts.first { $0.label == "Seat limit" }
        let seats = limit?.text.split(separator: " ").first.flatMap { Int($0) }
        if seats != sale.maxSeats {
            fail(
                "the page's seat limit is \(seats.map(String.init) ?? "none"); the model's \(sale.maxSeats.map(String.init) ?? "none")",
                limit)
        }
        let plans = facts.first { $0.label == "Plans" }
        let shown = Term.allCases.filter { plans?.text.contains($0.rawValue) == true }.map(\.rawValue)
        let held = Term.allCases.filter { term in sale.plans.contains { $0.term == term } }.map(\.rawValue)
        if shown != held {
            fail(
                "the page's plans name the terms \(shown.joined(separator: ", ")); the model's are \(held.joined(separator: ", "))",
                plans)
        }
        let end = facts.first { $0.label == "End of sale" }
        if end.map({ $0.text.hasPrefix(sale.endOfSale?.description ?? "-") }) == false {
            fail("the page's end of sale is '\(end?.text ?? "")'; the model's \(sale.endOfSale?.description ?? "none")", end)
        }
    }

    private func judge(
        _ facts: [Fact], _ wanted: [(String, String)], of what: String, code: DiagnosticCode = .offerPage,
        also allowed: [String] = [], _ report: inout Tally
    ) {
        for (label, value) in wanted {
            let shown = facts.filter { $0.label == label }
            if shown.map(\.text) != [Perceived.collapse(value)] {
                report.fail(
                    code,
                    "\(what): the page's \(label) is \(shown.map { "'\($0.text)'" }.joined(separator: ", ")); the model says '\(value)'",
                    file: file, line: shown.first?.line ?? 1)
            }
        }
        let known = Set(wanted.map(\.0) + allowed + ["Formerly", "As of", "Last reviewed"])
        for fact in facts where !known.contains(fact.label) {
            report.fail(
                code, "\(what): the page states '\(fact.label)', which the model does not give", file: file, line: fact.line)
        }
    }

    // MARK: Reading the statements from a page

    /// The items of the first list after the `h2` with `id`, among its following siblings: nil
    /// when there is no such heading.
    static func list(after id: String, in page: HTMLElement) -> [String]? {
        guard let heading = page.descendants(named: "h2", where: { $0.attributes["id"] == id }).first else { return nil }
        return page.list(after: heading, named: ["ul", "ol"])?.elements.filter { $0.name == "li" }.map { Perceived($0).seen }
            ?? []
    }

    /// The `- item` lines of the Markdown section `## title`, as a reader reads them: nil when
    /// there is no such section.
    static func list(under title: String, in text: String) -> [String]? {
        MarkdownTableReader.items(under: title, in: MarkdownTableReader.lines(text))?.map { MarkdownInline.plain($0) }
    }

    /// Each interpretation's decision on the HTML page: the paragraph after its heading that starts "Decision: ".
    static func decisions(html page: HTMLElement) -> [String: (text: String, line: Int)] {
        var found: [String: (String, Int)] = [:]
        var current: String?
        func walk(_ element: HTMLElement) {
            for child in element.elements {
                if child.name == "h2", let id = child.attributes["id"], id.hasPrefix("interpretation-") {
                    current = String(id.dropFirst("interpretation-".count))
                } else if child.name == "p", let id = current, found[id] == nil {
                    let text = Perceived(child).seen
                    if text.hasPrefix("Decision: ") { found[id] = (String(text.dropFirst("Decision: ".count)), child.line) }
                } else {
                    walk(child)
                }
            }
        }
        walk(page)
        return found
    }

    /// Each interpretation's decision in the Markdown twin: the `**Decision**:` line after its anchor.
    static func decisions(markdown text: String) -> [String: (text: String, line: Int)] {
        var found: [String: (String, Int)] = [:]
        var current: String?
        for (index, line) in MarkdownTableReader.lines(text).enumerated() {
            if line.hasPrefix("<a id=\"interpretation-"), let end = line.dropFirst(22).firstIndex(of: "\"") {
                current = String(line[line.index(line.startIndex, offsetBy: 22)..<end])
            } else if line.hasPrefix("**Decision**: "), let id = current, found[id] == nil {
                found[id] = (Perceived.collapse(MarkdownInline.plain(String(line.dropFirst("**Decision**: ".count)))), index + 1)
            }
        }
        return found
    }

    /// The home page's program lines in HTML: each list item that links to a matrix, with its text.
    static func programLines(html page: HTMLElement) -> [(href: String, text: String, line: Int)] {
        page.descendants(named: "li").compactMap { item in
            guard let link = item.elements.first(where: { $0.name == "a" }), let href = link.attributes["href"],
                href.hasPrefix("matrix/")
            else { return nil }
            return (href, Perceived(item).seen, item.line)
        }
    }

    /// The home page's program lines in Markdown: `- [Name](matrix/ID.md): N offers, …`.
    static func programLines(markdown text: String) -> [(href: String, text: String, line: Int)] {
        MarkdownTableReader.lines(text).enumerated().compactMap { index, line in
            guard line.hasPrefix("- ["), let open = line.range(of: "](matrix/"),
                let close = line[open.upperBound...].firstIndex(of: ")")
            else { return nil }
            let href = "matrix/" + line[open.upperBound..<close]
            return (String(href), Perceived.collapse(MarkdownInline.plain(String(line.dropFirst(2)))), index + 1)
        }
    }
}

extension StatementVerification {
    /// The most offers an offer page names for one service it blocks; the rest are counted.
    static let namedBlocked = 12

    /// For each service, the offers an upgrade leads to (some listed path ends there) that include
    /// it, in content order.
    static func targetsWith(in catalog: Catalog) -> [ServiceID: [Offer]] {
        let targets = Set(catalog.paths.map(\.to))
        // Only a program whose rules read what else the customer holds can block an upgrade into it so.
        let reading = Set(
            catalog.programs.map(\.id).filter { program in
                catalog.logic(for: program).rules.contains { $0.when[.holdsAddedService] != nil }
            })
        var found: [ServiceID: [Offer]] = [:]
        for offer in catalog.offers where targets.contains(offer.id) && reading.contains(offer.program) {
            for service in offer.services { found[service, default: []].append(offer) }
        }
        return found
    }

    /// For each service of `offer`, in its order, the offers an upgrade leads to that include it
    /// (some listed path ends there), but for the offer itself, in content order: what holding
    /// `offer` blocks under the rule on services already held. Services no such offer has are left out.
    func blocked(by offer: Offer) -> [(service: String, names: [String], count: Int)] {
        offer.services.compactMap { service in
            let others = (targetsWith[service] ?? []).filter { $0.id != offer.id }
            guard !others.isEmpty else { return nil }
            return (
                catalog.service(service)?.name ?? service.rawValue, others.prefix(Self.namedBlocked).map(\.name), others.count
            )
        }
    }

    /// The list under "Upgrades that holding it blocks", each line as a reader reads it: the
    /// service, then each offer's name, and a count of the rest.
    func blockedLines(by offer: Offer) -> [String] {
        blocked(by: offer).map { service, names, count in
            Perceived.collapse(
                service + ": " + names.joined(separator: ", ")
                    + (count > Self.namedBlocked ? ", and \(count - Self.namedBlocked) more offers that include it" : ""))
        }
    }

    func blocks(_ shown: [String]?, of offer: Offer, _ report: inout Tally) {
        let wanted = blockedLines(by: offer)
        if (shown ?? []) != wanted {
            report.fail(
                .offerPage,
                "\(offer.id): what holding it blocks reads \((shown ?? []).map { "'\($0)'" }.joined(separator: ", ")); "
                    + "the model gives \(wanted.map { "'\($0)'" }.joined(separator: ", "))", file: file, line: 1)
        }
    }

    /// The Markdown lines under "Upgrades that holding it blocks", each read as `blockedLines` words
    /// them: the bold service, then each link's text, escapes undone, and any words after the links.
    static func blockedLines(in lines: [Substring]) -> [String]? {
        guard let items = MarkdownTableReader.items(under: "Upgrades that holding it blocks", in: lines) else { return nil }
        var found: [String] = []
        for line in items {
            guard line.hasPrefix("**"), let close = line.range(of: "**: ") else { continue }
            let service = MarkdownTableReader.unescape(String(line[line.index(line.startIndex, offsetBy: 2)..<close.lowerBound]))
            var rest = Array(line[close.upperBound...].utf8)[...], names: [String] = []
            // Each link: its text up to the first `]` no backslash escapes, then its target up to `)`.
            while rest.first == UInt8(ascii: "[") {
                var index = rest.startIndex + 1
                while index < rest.endIndex, rest[index] != UInt8(ascii: "]") {
                    index += rest[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard index + 1 < rest.endIndex, rest[index + 1] == UInt8(ascii: "("),
                    let end = rest[(index + 1)...].firstIndex(of: UInt8(ascii: ")"))
                else { break }
                names.append(MarkdownTableReader.unescape(String(decoding: rest[(rest.startIndex + 1)..<index], as: UTF8.self)))
                rest = rest[(end + 1)...]
                if rest.starts(with: ", [".utf8) { rest = rest.dropFirst(2) } else { break }
            }
            let tail = MarkdownTableReader.unescape(String(decoding: rest, as: UTF8.self))
            found.append(Perceived.collapse(service + ": " + names.joined(separator: ", ") + tail))
        }
        return found
    }
}

extension StatementVerification {
    /// What an offer page says of the offer's regional variants, and of the different products
    /// taken for it: each line as a reader reads it, by how it starts.
    func expectedNotes(of offer: Offer) -> (variants: String?, products: [String]) {
        let variants = catalog.family(of: offer).filter { $0.id != offer.id }.map { variant in
            "\(variant.name) (\(variant.region.map { catalog.region($0)?.name ?? $0.rawValue } ?? "global"))"
        }
        let products = catalog.differentProducts.filter { $0.confusedWith == offer.id }.map { product in
            Perceived.collapse("Not \(product.name): that is a different product, not on this site; \(product.differs) (source: ")
        }
        return (variants.isEmpty ? nil : Perceived.collapse("Regional variants: " + variants.joined(separator: ", ")), products)
    }

    /// `paragraphs`: every paragraph of the page's main text, as a reader reads it.
    func notes(_ paragraphs: [String], of offer: Offer, _ report: inout Tally) {
        let (variants, products) = expectedNotes(of: offer)
        let shownVariants = paragraphs.filter { $0.hasPrefix("Regional variants: ") }
        if shownVariants != (variants.map { [$0] } ?? []) {
            report.fail(
                .offerPage,
                "\(offer.id): the page's regional variants read \(shownVariants.map { "'\($0)'" }.joined(separator: ", ")); "
                    + "the model gives '\(variants ?? "none")'", file: file, line: 1)
        }
        let shownProducts = paragraphs.filter { $0.hasPrefix("Not ") && $0.contains(": that is a different product") }
        if shownProducts.count != products.count || !zip(shownProducts, products).allSatisfy({ $0.hasPrefix($1) }) {
            report.fail(
                .offerPage,
                "\(offer.id): the page names \(shownProducts.count) different products taken for it; the model gives "
                    + "\(products.count): \(products.map { "'\($0)…'" }.joined(separator: ", "))", file: file, line: 1)
        }
    }
}
