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
    /// The model's digest: the search for requests is done once per model and day in a process.
    var model: String? = nil

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
        let reached = Set(Counterexamples.of(catalog, model: model, asOf: asOf).reached.map(\.point))
        if points != reached || points.count != vectors.count {
            report.fail(
                .testVectors,
                "the vectors cover \(points.count) points in \(vectors.count) entries; requests over the catalogue "
                    + "reach \(reached.count)", file: file, line: 1)
        }
        var others = Set<ConditionPoint>()
        for (index, entry) in unreached.enumerated() {
            guard let point = Self.point(entry["point"]),
                let program = (entry["program"] as? String).flatMap({ catalog.program(ProgramID($0)) })
            else {
                report.fail(.testVectors, "unreached point \(index + 1) cannot be read", file: file, line: 1)
                continue
            }
            others.insert(point)
            let logic = catalog.logic(for: program.id)
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
        // Each program's space is listed whole, or, past the size a file can list, named as unlisted.
        // A migration's space is named by its program and "migration".
        let unlisted = Set(
            (document["unlisted"] as? [[String: Any]] ?? []).compactMap { entry in
                (entry["program"] as? String).map { $0 + ((entry["decides"] as? String).map { " " + $0 } ?? "") }
            })
        var consistent = Set<ConditionPoint>(), expectUnlisted = Set<String>()
        for program in catalog.programs where catalog.migration(from: program.id) != nil {
            expectUnlisted.insert(program.id.rawValue + " migration")
        }
        for program in catalog.programs {
            let logic = catalog.logic(for: program.id)
            if logic.spaceSize > Self.listedSpace {
                expectUnlisted.insert(program.id.rawValue)
                continue
            }
            consistent.formUnion(logic.consistentPoints())
        }
        let listedReached = points.filter { point in consistent.contains(point) }
        if others.union(listedReached) != consistent || !others.isDisjoint(with: points) || others.count != unreached.count
            || unlisted != expectUnlisted
        {
            report.fail(
                .testVectors, "the vectors and the unreached points are not exactly the \(consistent.count) consistent points",
                file: file, line: 1)
        }
    }

    /// A space larger than this is not listed point by point; the contract fixes the bound.
    static let listedSpace = 4_096

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
        var commitment: Commitment?
        if let given = object["commitment"] {
            guard let read = Self.commitment(given, asOf: asOf) else { return nil }
            commitment = read
        }
        var migration: MigrationTerms?
        if let given = object["migration"] {
            guard let read = Self.migration(given) else { return nil }
            migration = read
        }
        return Request(
            from: from, to: to, status: status, holdings: holdings, asOf: asOf, commitment: commitment, migration: migration)
    }

    private static func migration(_ value: Any?) -> MigrationTerms? {
        guard let object = value as? [String: Any], let newTerm = object["newTerm"] as? Bool,
            let promotion = object["promotion"] as? Bool, let inProgress = object["inProgress"] as? Bool,
            let segment = (object["segment"] as? String).flatMap(Segment.init(rawValue:)),
            let addOns = (object["addOns"] as? String).flatMap(AddOns.init(rawValue:))
        else { return nil }
        var started: CalendarDate?
        if let text = object["started"] as? String {
            guard let day = CalendarDate(iso: text) else { return nil }
            started = day
        }
        return MigrationTerms(
            started: started, newTerm: newTerm, promotion: promotion, segment: segment, addOns: addOns,
            inProgress: inProgress)
    }

    private static func commitment(_ value: Any?, asOf: CalendarDate) -> Commitment? {
        guard let object = value as? [String: Any], let trial = object["trial"] as? Bool,
            let autoRenew = object["autoRenew"] as? Bool,
            let term = (object["term"] as? String).flatMap(Term.init(rawValue:)),
            let billing = (object["billing"] as? String).flatMap(Billing.init(rawValue:)),
            let toTerm = (object["toTerm"] as? String).flatMap(Term.init(rawValue:)),
            let toBilling = (object["toBilling"] as? String).flatMap(Billing.init(rawValue:)),
            let timing = (object["when"] as? String).flatMap(Timing.init(rawValue:)),
            let ends = (object["ends"] as? String).flatMap(CalendarDate.init(iso:))
        else { return nil }
        var seats: Seats?
        if let moved = object["seats"] as? Int, let held = object["of"] as? Int { seats = Seats(moved: moved, held: held) }
        var destination: Destination?
        if let given = object["destination"] as? [String: Any] {
            guard let status = (given["status"] as? String).flatMap(SubscriptionStatus.init(rawValue:)),
                let term = (given["term"] as? String).flatMap(Term.init(rawValue:)),
                let ends = (given["ends"] as? String).flatMap(CalendarDate.init(iso:)), let inWindow = given["inWindow"] as? Bool
            else { return nil }
            destination = Destination(status: status, term: term, ends: ends, inCancellationWindow: inWindow)
        }
        return Commitment(
            asOf: asOf, trial: trial, autoRenew: autoRenew, term: term, billing: billing, toTerm: toTerm,
            toBilling: toBilling, timing: timing, seats: seats, ends: ends, destination: destination)
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
