import Foundation
import UpgradeCheck
import UpgradeCore
import UpgradeSiteContract

/// `data/test-vectors.json`, read back and replayed: each vector's request is decided again and
/// must give its point and its decision; the vectors must be exactly the points a request over
/// the catalogue reaches, and `unreached` exactly the other consistent points, with the rule
/// core's conclusions at each.
struct TestVectorVerification {
    let catalog: Catalog
    let asOf: CalendarDate
    let file: String

    func verify(_ data: Data, _ report: inout Tally) {
        guard let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let vectors = document["vectors"] as? [[String: Any]], let unreached = document["unreached"] as? [[String: Any]]
        else {
            report.fail(.testVectors, "cannot read the test vectors: they need 'vectors' and 'unreached'", file: file, line: 1)
            return
        }
        if document["generator"] as? String != Generator.name || document["asOf"] as? String != asOf.description {
            report.fail(
                .testVectors, "the test vectors name another generator or date than the site (\(Generator.name), \(asOf))",
                file: file, line: 1)
        }
        let core = RuleCore(catalog: catalog)
        var points = Set<ConditionPoint>()
        for (index, vector) in vectors.enumerated() {
            report.coverage.rows += 1
            guard let point = Self.point(vector["point"]), let request = request(vector["request"]) else {
                report.fail(
                    .testVectors, "vector \(index + 1) cannot be read as a point and a request of this catalogue", file: file,
                    line: 1)
                continue
            }
            points.insert(point)
            if core.conditions(for: request) != point {
                report.fail(.testVectors, "vector \(index + 1): its request does not reach its point", file: file, line: 1)
            }
            let decision = core.decide(request)
            let expected: [String: Any] = [
                "verdict": decision.verdict.rawValue,
                "reasons": decision.reasons.map { ["code": $0.code.rawValue, "rule": $0.rule.rawValue] },
                "advisories": decision.advisories.map(\.code.rawValue),
            ]
            if !Self.same(vector["decision"] as Any, expected) {
                report.fail(
                    .testVectors,
                    "vector \(index + 1): the file says \(Self.describe(vector["decision"])), the rule core decides "
                        + Self.describe(expected), file: file, line: 1)
            }
        }
        let reached = Set(Counterexamples(catalog: catalog, asOf: asOf).reached.map(\.point))
        if points != reached || points.count != vectors.count {
            report.fail(
                .testVectors,
                "the vectors cover \(points.count) points in \(vectors.count) entries; requests over the catalogue "
                    + "reach \(reached.count)", file: file, line: 1)
        }
        let logic = catalog.logic
        var others = Set<ConditionPoint>()
        for (index, entry) in unreached.enumerated() {
            guard let point = Self.point(entry["point"]) else {
                report.fail(.testVectors, "unreached point \(index + 1) cannot be read", file: file, line: 1)
                continue
            }
            others.insert(point)
            let expected: [String: Any] = [
                "verdict": logic.verdict(at: point).rawValue,
                "reasons": logic.reasons(at: point).map(\.rawValue),
                "advisories": logic.advisories(at: point).map(\.rawValue),
            ]
            if !Self.same(entry["decision"] as Any, expected) {
                report.fail(
                    .testVectors,
                    "unreached point \(index + 1): the file says \(Self.describe(entry["decision"])), the rule core "
                        + "concludes \(Self.describe(expected))", file: file, line: 1)
            }
        }
        let consistent = Set(logic.consistentPoints())
        if others.union(points) != consistent || !others.isDisjoint(with: points) || others.count != unreached.count {
            report.fail(
                .testVectors, "the vectors and the unreached points are not exactly the \(consistent.count) consistent points",
                file: file, line: 1)
        }
    }

    private func request(_ value: Any?) -> Request? {
        guard let object = value as? [String: Any],
            let from = (object["from"] as? String).flatMap({ catalog.offer(OfferID($0)) }),
            let to = (object["to"] as? String).flatMap({ catalog.offer(OfferID($0)) }),
            let status = (object["status"] as? String).flatMap(SubscriptionStatus.init(rawValue:)),
            let asOf = (object["asOf"] as? String).flatMap(CalendarDate.init(iso:)),
            let holds = object["holds"] as? [[String: Any]]
        else { return nil }
        var holdings: [Holding] = []
        for hold in holds {
            guard let offer = (hold["offer"] as? String).flatMap({ catalog.offer(OfferID($0)) }),
                let channel = (hold["channel"] as? String).flatMap(Channel.init(rawValue:))
            else { return nil }
            holdings.append(Holding(offer: offer, channel: channel))
        }
        return Request(from: from, to: to, status: status, holdings: holdings, asOf: asOf)
    }

    private static func point(_ value: Any?) -> ConditionPoint? {
        guard let object = value as? [String: String] else { return nil }
        var cells: [Condition: String] = [:]
        for (name, value) in object {
            guard let condition = Condition(rawValue: name), condition.values.contains(value) else { return nil }
            cells[condition] = value
        }
        return ConditionPoint(cells)
    }

    private static func same(_ a: Any, _ b: Any) -> Bool { NSDictionary(dictionary: ["v": a]).isEqual(to: ["v": b]) }

    private static func describe(_ value: Any?) -> String {
        guard let value, let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) else {
            return "nothing"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
