import Foundation
import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// The offer pages and the checker's data, read back against the model and the
/// rule core: what an agent reads of an offer, and what the checker decides
/// from, must be what the content says.
struct OfferVerification {
    let expectations: Expectations
    let site: String

    private var catalog: Catalog { expectations.catalog }

    /// An offer's page, in the format its file name says: its services by id and by name,
    /// and its possible upgrades.
    func verify(_ offer: Offer, text: String, file: String, _ report: inout Tally) {
        if file.hasSuffix(".html") {
            verifyHTML(text, offer: offer, file: file, &report)
        } else {
            verifyMarkdown(text, offer: offer, file: file, &report)
        }
    }

    private func verifyHTML(_ html: String, offer: Offer, file: String, _ report: inout Tally) {
        let path = site + "/" + file
        guard let services = HTMLListReader.items(in: html, listClass: "services") else {
            report.fail("no list of services (ul.services) on the page of \(offer.id)", file: path, line: 1)
            return
        }
        report.coverage.rows += 1
        let listed = services.map { $0.attributes[Markup.Data.service] ?? "" }
        if listed != offer.services.map(\.rawValue) {
            report.fail("\(offer.id): the page lists the services \(listed.joined(separator: ", ")), the model says "
                        + offer.services.map(\.rawValue).joined(separator: ", "), file: path, line: services.first?.line ?? 1)
        }
        for item in services {
            let id = ServiceID(item.attributes[Markup.Data.service] ?? "")
            if let name = catalog.service(id)?.name, item.text != name {
                report.fail("\(offer.id): the service \(id) reads '\(item.text)', the model names it '\(name)'",
                            file: path, line: item.line)
            }
        }
        let shown = (HTMLListReader.items(in: html, listClass: "upgrades") ?? []).map { $0.attributes[Markup.Data.offer] ?? "" }
        judgeUpgrades(Set(shown.map { OfferID($0) }), of: offer, file: path, &report)
    }

    private func verifyMarkdown(_ markdown: String, offer: Offer, file: String, _ report: inout Tally) {
        let path = site + "/" + file
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let services = section("Services it includes", in: lines)
        let names = offer.services.map { catalog.service($0)?.name ?? $0.rawValue }
        if services.map(unescaped) != names {
            report.fail("\(offer.id): the Markdown lists the services \(services.joined(separator: ", ")), the model has "
                        + names.joined(separator: ", "), file: path, line: 1)
        }
        let upgrades = section("Possible upgrades", in: lines).compactMap { line -> OfferID? in
            guard line.hasPrefix("["), let close = line.range(of: "](") else { return nil }
            return expectations.offer(named: unescaped(String(line[line.index(after: line.startIndex)..<close.lowerBound])))?.id
        }
        judgeUpgrades(Set(upgrades), of: offer, file: path, &report)
    }

    /// The possible upgrades a page names against the rule core's eligible targets.
    private func judgeUpgrades(_ shown: Set<OfferID>, of offer: Offer, file: String, _ report: inout Tally) {
        let eligible = Set(expectations.eligibleTargets(of: offer, in: offer.program).map(\.id))
        for missing in eligible.subtracting(shown).sorted() {
            report.fail("\(offer.id): \(missing) is missing from the possible upgrades; the rule core says it is eligible",
                        file: file, line: 1)
        }
        for extra in shown.subtracting(eligible).sorted() {
            report.fail("\(offer.id): \(extra) is shown as a possible upgrade, but the rule core says "
                        + (catalog.offer(extra).map { Expectations.describe(expectations.decision(offer, $0)) } ?? "it is no offer"),
                        file: file, line: 1)
        }
    }

    /// The `- item` lines under a `## heading`, without their markers.
    private func section(_ heading: String, in lines: [Substring]) -> [String] {
        guard let start = lines.firstIndex(of: Substring("## " + heading)) else { return [] }
        return lines[(start + 1)...].prefix { !$0.hasPrefix("## ") }.filter { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
    }

    private func unescaped(_ text: String) -> String {
        MarkdownTableReader.unescape(text)
    }

    /// `data/checker-data.js` against the model, field by field.
    func verifyCheckerData(_ text: String, asOf: CalendarDate, _ report: inout Tally) {
        let path = site + "/" + SitePaths.checkerData
        guard let start = text.firstIndex(of: "{"), let end = text.lastIndex(of: "}"),
              let data = try? JSONSerialization.jsonObject(with: Data(text[start...end].utf8)) as? [String: Any]
        else {
            report.fail("the checker's data cannot be read: it should assign one JSON object", file: path, line: 1)
            return
        }
        report.coverage.tables += 1
        func expect(_ what: String, _ found: Any?, _ wanted: Any) {
            let same = (found as? NSObject).map { $0.isEqual(wanted) } ?? false
            if !same { report.fail("the checker's \(what) differ from the model", file: path, line: 2) }
        }
        func nullable(_ value: String?) -> Any { value ?? NSNull() }
        expect("as-of date", data["asOf"], asOf.description)
        expect("statuses", data["statuses"], SubscriptionStatus.allCases.map(\.rawValue))
        expect("rules", data["rules"], catalog.rules.map {
            ["id": $0.id.rawValue, "code": $0.code.rawValue, "title": $0.title, "remedy": $0.remedy]
        })
        expect("programs", data["programs"], catalog.programs.map {
            ["id": $0.id.rawValue, "name": $0.name, "withdrawnFrom": nullable($0.withdrawnFrom?.description),
             "withdrawalNote": nullable($0.withdrawalNote)] as [String: Any]
        })
        expect("regions", data["regions"], catalog.regions.map { ["id": $0.id.rawValue, "name": $0.name] })
        expect("services", data["services"], catalog.services.map { ["id": $0.id.rawValue, "name": $0.name] })
        let offers = (data["offers"] as? [[String: Any]]) ?? []
        let byID = Dictionary(offers.compactMap { entry in (entry["id"] as? String).map { ($0, entry) } },
                              uniquingKeysWith: { first, _ in first })
        for offer in catalog.offers {
            let wanted: [String: Any] = [
                "id": offer.id.rawValue, "name": offer.name, "aliases": offer.aliases, "program": offer.program.rawValue,
                "region": nullable(offer.region?.rawValue), "variantOf": nullable(offer.variantOf?.rawValue),
                "services": offer.services.map(\.rawValue),
            ]
            guard let found = byID[offer.id.rawValue] else {
                report.fail("the checker's data has no offer \(offer.id)", file: path, line: 2)
                continue
            }
            if !(found as NSDictionary).isEqual(to: wanted) {
                report.fail("the checker's data says something else of \(offer.id) than the model", file: path, line: 2)
            }
        }
        if offers.count != catalog.offers.count {
            report.fail("the checker's data has \(offers.count) offers, the model \(catalog.offers.count)", file: path, line: 2)
        }
        let paths = (data["paths"] as? [String: [String]]) ?? [:]
        for offer in catalog.offers {
            let wanted = catalog.paths(from: offer.id).map(\.to.rawValue)
            if (paths[offer.id.rawValue] ?? []) != wanted {
                report.fail("the checker's paths from \(offer.id) are \((paths[offer.id.rawValue] ?? []).joined(separator: ", ")), "
                            + "the model lists \(wanted.joined(separator: ", "))", file: path, line: 2)
            }
        }
        for extra in Set(paths.keys).subtracting(catalog.offers.map(\.id.rawValue)).sorted() {
            report.fail("the checker's paths start from \(extra), which is no offer", file: path, line: 2)
        }
    }
}
