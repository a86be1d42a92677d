import Foundation
import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// The offer pages and the checker's data, read back against the model and the
/// rule core: what an agent reads of an offer, and what the checker decides
/// from, must be what the content says.
struct OfferVerification: Sendable {
    let expectations: Expectations
    let site: String
    /// Each offer's possible upgrades, in the order the content lists them, each with the words a
    /// reader sees for it; worked out once for both formats.
    private let possible: [OfferID: [PossibleUpgrade]]
    /// For each service, the offers an upgrade leads to that include it, in content order: what
    /// holding an offer blocks, worked out once for every offer page.
    private let targetsWith: [ServiceID: [Offer]]

    struct PossibleUpgrade: Sendable {
        let offer: Offer
        let text: String
    }

    init(expectations: Expectations, site: String, offers: [Offer] = []) {
        self.expectations = expectations
        self.site = site
        let catalog = expectations.catalog
        let lists = ConcurrentMap.run(offers) { offer -> [PossibleUpgrade] in
            expectations.listed(from: offer, in: offer.program).map { target in
                PossibleUpgrade(offer: target, text: Self.entry(from: offer, to: target, in: catalog))
            }
        }
        possible = Dictionary(zip(offers.map(\.id), lists), uniquingKeysWith: { first, _ in first })
        targetsWith = StatementVerification.targetsWith(in: catalog)
    }

    private var catalog: Catalog { expectations.catalog }

    /// An offer's HTML page: its services by id and by name, and its possible upgrades.
    func verify(_ offer: Offer, html page: HTMLElement, file: String, _ report: inout Tally) {
        let path = site + "/" + file
        // An offer with no services known has no list: an empty one would say nothing to a reader.
        guard let services = HTMLListReader.items(in: page, listClass: "services") ?? (offer.services.isEmpty ? [] : nil)
        else {
            report.fail(.offerPage, "no list of services (ul.services) on the page of \(offer.id)", file: path, line: 1)
            return
        }
        report.coverage.rows += 1
        let listed = services.map { $0.attributes[Markup.Data.service] ?? "" }
        if listed != offer.services.map(\.rawValue) {
            report.fail(
                .offerPage,
                "\(offer.id): the page lists the services \(listed.joined(separator: ", ")), the model says "
                    + offer.services.map(\.rawValue).joined(separator: ", "), file: path, line: services.first?.line ?? 1)
        }
        for item in services {
            let id = ServiceID(item.attributes[Markup.Data.service] ?? "")
            if let name = catalog.service(id)?.name, item.text != name {
                report.fail(
                    .offerPage, "\(offer.id): the service \(id) reads '\(item.text)', the model names it '\(name)'",
                    file: path, line: item.line)
            }
        }
        let shown = (HTMLListReader.items(in: page, listClass: "upgrades") ?? []).map { item in
            (id: item.attributes[Markup.Data.offer].map { OfferID($0) }, text: item.text, line: item.line)
        }
        judgeUpgrades(shown, of: offer, file: path, &report)
        let statements = StatementVerification(catalog: catalog, file: path, targetsWith: targetsWith)
        statements.offer(offer, facts: StatementVerification.facts(html: page), &report)
        statements.blocks(StatementVerification.list(after: "blocks", in: page), of: offer, &report)
        let text = page.descendants(named: "main").first ?? page
        statements.notes(text.descendants(named: "p").map { Perceived($0).seen }, of: offer, &report)
        // Each possible upgrade links to the page of the offer it names.
        for item in page.descendants(named: "ul", where: { $0.hasClass("upgrades") }).first?.elements ?? [] {
            guard let id = item.attributes[Markup.Data.offer] else { continue }
            let wanted = "../" + SitePaths.offer(OfferID(id)).file(.html)
            let links = item.elements.filter { $0.name == "a" }.compactMap { $0.attributes["href"] }
            if links.first != wanted {
                report.fail(
                    .offerPage,
                    "\(offer.id): the possible upgrade to \(id) links to '\(links.first ?? "nothing")', not \(wanted)",
                    file: path, line: item.line)
            }
        }
        let main = page.descendants(named: "main").first ?? page
        judgeCautions(Perceived(main).seen, of: offer, file: path, &report)
        whereToGo.verify(offer, html: page, file: path, &report)
    }

    private var whereToGo: WhereToGoVerification {
        WhereToGoVerification(catalog: catalog, core: expectations.core, asOf: expectations.asOf)
    }

    /// The cautions an offer's upgrades carry: a page whose upgrades carry one says its words,
    /// with the caution mark, and a page whose upgrades carry none shows no caution mark.
    private func judgeCautions(_ text: String, of offer: Offer, file: String, _ report: inout Tally) {
        let expected = catalog.cautions(
            expectations.listed(from: offer, in: offer.program).map { expectations.decision(offer, $0) })
        for caution in expected where !text.contains(Markup.cautionMark + " " + caution) {
            report.fail(
                .offerPage, "\(offer.id): the page does not say '\(Markup.cautionMark) \(caution)' of its possible upgrades",
                file: file, line: 1)
        }
        if expected.isEmpty, text.contains(Markup.cautionMark) {
            report.fail(
                .offerPage, "\(offer.id): the page shows a caution mark, but no upgrade from it carries a caution",
                file: file, line: 1)
        }
    }

    /// An offer's Markdown page: its services by name and its possible upgrades.
    func verify(_ offer: Offer, markdown: String, file: String, _ report: inout Tally) {
        let path = site + "/" + file
        let lines = MarkdownTableReader.lines(markdown)
        let services = (MarkdownTableReader.items(under: "Services it includes", in: lines) ?? [])
        let names = offer.services.map { catalog.service($0)?.name ?? $0.rawValue }
        if services.map(unescaped) != names {
            report.fail(
                .offerPage,
                "\(offer.id): the Markdown lists the services \(services.joined(separator: ", ")), the model has "
                    + names.joined(separator: ", "), file: path, line: 1)
        }
        // Each possible upgrade once: the offer its text names, and whether it links to that offer's page.
        var upgrades: [(id: OfferID?, text: String, line: Int)] = []
        for line in MarkdownTableReader.items(under: "Possible upgrades", in: lines) ?? [] where line.hasPrefix("[") {
            guard let text = Self.linkText(line) else { continue }
            let target = expectations.offer(named: Perceived.collapse(unescaped(text)), in: offer.program)
            upgrades.append((target?.id, MarkdownInline.plain(line), 1))
            if let target, !line.contains("](../" + SitePaths.offer(target.id).file(.md) + ")") {
                report.fail(
                    .offerPage, "\(offer.id): the possible upgrade to \(target.id) does not link to its page", file: path, line: 1
                )
            }
        }
        judgeUpgrades(upgrades, of: offer, file: path, &report)
        judgeCautions(Perceived.collapse(MarkdownInline.plain(markdown)), of: offer, file: path, &report)
        let statements = StatementVerification(catalog: catalog, file: path, targetsWith: targetsWith)
        statements.offer(offer, facts: StatementVerification.facts(markdown: markdown), &report)
        statements.blocks(StatementVerification.blockedLines(in: lines), of: offer, &report)
        statements.notes(lines.filter { $0.hasPrefix("**") }.map { MarkdownInline.plain(String($0)) }, of: offer, &report)
        whereToGo.verify(offer, markdown: lines, file: path, &report)
    }

    /// The possible upgrades a page names against the rule core's eligible targets, in the order the
    /// content lists the paths, each worded as the target's name and the services it adds.
    private func judgeUpgrades(
        _ shown: [(id: OfferID?, text: String, line: Int)], of offer: Offer, file: String,
        _ report: inout Tally
    ) {
        let expected =
            possible[offer.id]
            ?? expectations.listed(from: offer, in: offer.program)
            .map { PossibleUpgrade(offer: $0, text: Self.entry(from: offer, to: $0, in: catalog)) }
        // The page as it should be, which is nearly always: nothing to work out.
        if shown.map(\.id) == expected.map(\.offer.id), shown.map(\.text) == expected.map(\.text) { return }
        let eligible = expected.map(\.offer)
        let ids = shown.compactMap(\.id)
        for missing in eligible where !ids.contains(missing.id) {
            report.fail(
                .offerPage, "\(offer.id): \(missing.id) is missing from the possible upgrades; the rule core says it is eligible",
                file: file, line: 1)
        }
        for extra in ids where !eligible.contains(where: { $0.id == extra }) {
            report.fail(
                .offerPage,
                "\(offer.id): \(extra) is shown as a possible upgrade, but the rule core says "
                    + (catalog.offer(extra).map { Expectations.describe(expectations.decision(offer, $0)) } ?? "it is no offer"),
                file: file, line: 1)
        }
        if ids.filter({ id in eligible.contains { $0.id == id } }) != eligible.map(\.id).filter(ids.contains)
            || Set(ids).count != ids.count
        {
            report.fail(
                .offerPage, "\(offer.id): the possible upgrades are repeated or out of the order the content lists them",
                file: file, line: 1)
        }
        for item in shown {
            guard let target = item.id.flatMap(catalog.offer) else { continue }
            let expected = Self.entry(from: offer, to: target, in: catalog)
            if item.text != expected {
                report.fail(
                    .offerPage,
                    "\(offer.id): the possible upgrade to \(target.id) reads '\(item.text)', the model says '\(expected)'",
                    file: file, line: item.line)
            }
        }
    }

    /// A possible upgrade as a reader sees it: the target's name and the services it adds.
    static func entry(from offer: Offer, to target: Offer, in catalog: Catalog) -> String {
        let added = target.services.filter { !offer.services.contains($0) }
        return Perceived.collapse(
            target.name + (added.isEmpty ? ": adds no service" : ": adds " + catalog.serviceNames(added).joinedAsList))
    }

    /// The text of the link that starts `line`, up to the first `]` no backslash escapes.
    static func linkText(_ line: String) -> String? {
        let bytes = Array(line.utf8)
        var index = 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
            if bytes[index] == UInt8(ascii: "]") { return String(decoding: bytes[1..<index], as: UTF8.self) }
            index += 1
        }
        return nil
    }

    private func unescaped(_ text: String) -> String {
        MarkdownTableReader.unescape(text)
    }

    private static func when(_ conditions: [Condition: String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: conditions.map { ($0.key.rawValue, $0.value) })
    }

    /// A message template's nodes as the checker's data must carry them, for the checker to walk.
    private static func nodes(_ nodes: [MessageTemplate.Node]) -> [Any] {
        nodes.map { node -> Any in
            switch node {
            case .text(let text): text
            case .value(let path): ["value": path]
            case .section(let path, let inverted, let inner): ["section": path, "inverted": inverted, "nodes": Self.nodes(inner)]
            }
        }
    }

    /// `data/checker-data.js` against the model, field by field.
    func verifyCheckerData(_ text: String, asOf: CalendarDate, _ report: inout Tally) {
        let path = site + "/" + SitePaths.checkerData
        // A closing brace before the first opening one is no object (found by fuzzing).
        guard let start = text.firstIndex(of: "{"), let end = text.lastIndex(of: "}"), start < end,
            let data = try? JSONSerialization.jsonObject(with: Data(text[start...end].utf8)) as? [String: Any]
        else {
            report.fail(.checkerData, "the checker's data cannot be read: it should assign one JSON object", file: path, line: 1)
            return
        }
        report.coverage.tables += 1
        func expect(_ what: String, _ found: Any?, _ wanted: Any) {
            let same = (found as? NSObject).map { $0.isEqual(wanted) } ?? false
            if !same { report.fail(.checkerData, "the checker's \(what) differ from the model", file: path, line: 2) }
        }
        func nullable(_ value: String?) -> Any { value ?? NSNull() }
        expect("as-of date", data["asOf"], asOf.description)
        expect("statuses", data["statuses"], SubscriptionStatus.allCases.map(\.rawValue))
        expect("format", data["format"], "upgradedocs-checker/4")
        let limits = data["limits"] as? [String: Any] ?? [:]
        let bounds = [limits["earliest"], limits["latest"], limits["holdings"], limits["tooManyHoldings"], limits["seats"]]
            .map { "\($0 ?? "")" }
        let wantedBounds = [
            CalendarDate.earliest.description, CalendarDate.latest.description, String(Request.mostHoldings),
            Request.tooManyHoldingsMessage, String(Question.Terms.mostSeats),
        ]
        if limits.count != 5 || bounds != wantedBounds {
            report.fail(.checkerData, "the checker's limits differ from the model", file: path, line: 2)
        }
        expect("terms", data["terms"], Term.allCases.map { ["id": $0.rawValue, "months": $0.months] as [String: Any] })
        expect(
            "billings", data["billings"], Billing.allCases.map { ["id": $0.rawValue, "months": $0.months] as [String: Any] })
        expect("timings", data["timings"], Timing.allCases.map(\.rawValue))
        expect("segments", data["segments"], Segment.allCases.map(\.rawValue))
        expect("add-on choices", data["addOns"], AddOns.allCases.map(\.rawValue))
        expect("rule sets", data["ruleSets"], catalog.programs.map { ruleSet(catalog.logic(for: $0.id), of: $0.id) })
        expect(
            "migration rule sets", data["migrationSets"],
            catalog.programs.compactMap { program in
                catalog.migration(from: program.id).map { ruleSet($0.logic, of: program.id) }
            })
        expect(
            "programs", data["programs"],
            catalog.programs.map {
                [
                    "id": $0.id.rawValue, "name": $0.name, "withdrawnFrom": nullable($0.withdrawnFrom?.description),
                    "withdrawalNote": nullable($0.withdrawalNote),
                    "migration": $0.migration.map { route in
                        ["to": route.to.rawValue, "microsoftLedFrom": nullable(route.microsoftLedFrom?.description)]
                            as [String: Any]
                    } ?? NSNull(),
                ] as [String: Any]
            })
        expect("regions", data["regions"], catalog.regions.map { ["id": $0.id.rawValue, "name": $0.name] })
        expect("services", data["services"], catalog.services.map { ["id": $0.id.rawValue, "name": $0.name] })
        let offers = (data["offers"] as? [[String: Any]]) ?? []
        let byID = Dictionary(
            offers.compactMap { entry in (entry["id"] as? String).map { ($0, entry) } },
            uniquingKeysWith: { first, _ in first })
        for offer in catalog.offers {
            let wanted: [String: Any] = [
                "id": offer.id.rawValue, "name": offer.name, "aliases": offer.aliases,
                "formerly": offer.formerly.map(\.name), "program": offer.program.rawValue,
                "region": nullable(offer.region?.rawValue), "variantOf": nullable(offer.variantOf?.rawValue),
                "services": offer.services.map(\.rawValue),
                "sale": [
                    "sku": nullable(offer.sale.sku), "plans": offer.sale.plans.map(\.description),
                    "endOfSale": nullable(offer.sale.endOfSale?.description),
                    "convertibleAfterEndOfSale": offer.sale.convertibleAfterEndOfSale,
                    "maxSeats": offer.sale.maxSeats.map { $0 as Any } ?? NSNull(),
                ] as [String: Any],
                "equivalent": offer.equivalent.map { equivalent in
                    [
                        "offer": equivalent.offer.rawValue, "source": equivalent.source,
                        "migrationEnabled": equivalent.migrationEnabled,
                    ] as [String: Any]
                } ?? NSNull(),
            ]
            guard let found = byID[offer.id.rawValue] else {
                report.fail(.checkerData, "the checker's data has no offer \(offer.id)", file: path, line: 2)
                continue
            }
            if !(found as NSDictionary).isEqual(to: wanted) {
                report.fail(
                    .checkerData, "the checker's data says something else of \(offer.id) than the model", file: path, line: 2)
            }
        }
        if offers.count != catalog.offers.count {
            report.fail(
                .checkerData, "the checker's data has \(offers.count) offers, the model \(catalog.offers.count)", file: path,
                line: 2)
        }
        let paths = Dictionary(
            ((data["paths"] as? [[String: Any]]) ?? []).compactMap { entry -> (String, [String])? in
                guard let from = entry["from"] as? String, let to = entry["to"] as? [String] else { return nil }
                return (from, to)
            }, uniquingKeysWith: { first, _ in first })
        for offer in catalog.offers {
            let wanted = catalog.paths(from: offer.id).map(\.to.rawValue)
            if (paths[offer.id.rawValue] ?? []) != wanted {
                report.fail(
                    .checkerData,
                    "the checker's paths from \(offer.id) are \((paths[offer.id.rawValue] ?? []).joined(separator: ", ")), "
                        + "the model lists \(wanted.joined(separator: ", "))", file: path, line: 2)
            }
        }
        for extra in Set(paths.keys).subtracting(catalog.offers.map(\.id.rawValue)).sorted() {
            report.fail(.checkerData, "the checker's paths start from \(extra), which is no offer", file: path, line: 2)
        }
        verifyNames(data["names"] as? [String: Any] ?? [:], path: path, &report)
    }

    /// A program's rule set as the checker's data must carry it.
    private func ruleSet(_ logic: ConditionLogic, of program: ProgramID) -> [String: Any] {
        func nullable(_ value: String?) -> Any { value ?? NSNull() }
        return [
            "program": program.rawValue, "readsCommitment": logic.readsCommitment,
            "conditions": logic.conditions.map { ["id": $0.rawValue, "values": $0.values] as [String: Any] },
            "rules": logic.rules.map { rule in
                // A rule links to the row of the first decision table that restates it.
                let link = catalog.table(citing: rule.id).map { "rules/\($0.id).html#rule-\(rule.id)" }
                return [
                    "id": rule.id.rawValue, "code": rule.code.rawValue, "title": rule.title, "remedy": rule.remedy,
                    "link": nullable(link), "when": Self.when(rule.when), "message": Self.nodes(rule.message.nodes),
                    "remedies": rule.remedies.map { remedy in
                        [
                            "when": Dictionary(
                                remedy.when.map { ($0.path.joined(separator: "."), $0.value) },
                                uniquingKeysWith: { first, _ in first }),
                            "text": Self.nodes(remedy.text.nodes),
                        ] as [String: Any]
                    },
                ]
                    as [String: Any]
            },
            "advisories": logic.advisories.map {
                [
                    "code": $0.code.rawValue, "words": $0.words, "when": Self.when($0.when), "each": nullable($0.each),
                    "offer": nullable($0.offer), "message": Self.nodes($0.message.nodes), "caution": nullable($0.caution),
                ] as [String: Any]
            },
        ]
    }

    /// What a name-table entry says: an offer, an offer by a former name, a different product, or
    /// per program for a shared name.
    private static func saying(_ entry: Any) -> String {
        switch (entry as? String, entry as? [String: Any]) {
        case (let id?, _): return "offer \(id)"
        case (_, let object?) where object["offer"] is String: return "offer \(object["offer"]!), by a former name"
        case (_, let object?) where object["refusal"] is String: return "a different product"
        case (_, let object?) where object["shared"] is [[String: Any]]:
            let meanings = (object["shared"] as! [[String: Any]]).map { meaning in
                "\(meaning["program"] ?? "?"): " + saying(meaning["meaning"] as Any)
            }
            return "by program (" + meanings.joined(separator: "; ") + ")"
        default: return "nothing it can read"
        }
    }

    /// The checker's table of names: each key, asked of the model, is what the table says, and
    /// every name the model answers to is a key. A key the table bends to another offer would
    /// send an agent to the wrong one.
    private func verifyNames(_ names: [String: Any], path: String, _ report: inout Tally) {
        for (key, entry) in names.sorted(by: { $0.key < $1.key }) {
            let says = Self.saying(entry)
            func model(in program: ProgramID?) -> String {
                switch catalog.resolve(key, in: program) {
                case .offer(let offer): "offer \(offer.id)"
                case .formerly(let offer, _): "offer \(offer.id), by a former name"
                case .differentProduct: "a different product"
                case .unknown: "nothing"
                case .ambiguous(let offers):
                    "by program ("
                        + offers.map { "\($0.program): " + model(in: $0.program) }.joined(separator: "; ") + ")"
                }
            }
            let model = model(in: nil)
            if says != model {
                report.fail(
                    .checkerData, "the checker's name '\(key)' resolves to \(says), the model's to \(model)", file: path,
                    line: 2)
            }
        }
        let known = catalog.offers.flatMap(Catalog.names(of:)) + catalog.differentProducts.flatMap { [$0.name] + $0.aliases }
        for name in known where names[Catalog.fold(name)] == nil {
            report.fail(.checkerData, "the checker's names leave out '\(name)'", file: path, line: 2)
        }
    }
}

/// `verify`'s reader of a `data/checker-data.js` on its own, with no site around it: for the
/// fuzzer, which feeds it any bytes. What the rule core expects is worked out once.
package struct CheckerDataReader: Sendable {
    private let verification: OfferVerification
    private let asOf: CalendarDate

    package init(catalog: Catalog, asOf: CalendarDate) {
        let expectations = Expectations(catalog: catalog, core: RuleCore(catalog: catalog), asOf: asOf)
        verification = OfferVerification(expectations: expectations, site: "-")
        self.asOf = asOf
    }

    /// What `verify` finds in `text` against the model.
    package func findings(in text: String) -> [Diagnostic] {
        let diagnostics = Diagnostics()
        var report = Tally(diagnostics: diagnostics)
        verification.verifyCheckerData(text, asOf: asOf, &report)
        return diagnostics.all
    }
}
