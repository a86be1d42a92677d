import UpgradeBase
import UpgradeCheck
import UpgradeCore
import UpgradeSiteContract

/// `data/test-vectors.json`: the rule core's answer at every point of the
/// condition space, so another implementation can replay them, as the DMN TCK does.
///
/// Format `upgradedocs-test-vectors/1`:
/// - `conditions`: each condition and its values, in a fixed order;
/// - `vectors`: each point a request over the catalog reaches, with the first such
///   request (`from`, `to`, `status`, `holds` as `{offer, channel}`, `asOf`) and the
///   decision (`verdict`, `reasons` as `{code, rule}` in rule order, `advisories` in order);
/// - `unreached`: the other consistent points (their verdict follows from their
///   conditions), with the rule core's conclusions over conditions alone.
enum TestVectors {

    static func file(catalog: Catalog, model: String?, asOf: CalendarDate) -> GeneratedFile {
        let core = RuleCore(catalog: catalog)
        let reached = Counterexamples.of(catalog, model: model, asOf: asOf).reached
        let vectors: [JSONValue] = reached.map { point, request in
            let decision = core.decide(request)
            return .object([
                ("point", json(point)),
                (
                    "request",
                    .object([
                        ("from", .string(request.from.id.rawValue)), ("to", .string(request.to.id.rawValue)),
                        ("status", .string(request.status.rawValue)),
                        (
                            "holds",
                            .array(
                                request.holdings.map {
                                    .object([("offer", .string($0.offer.id.rawValue)), ("channel", .string($0.channel.rawValue))])
                                })
                        ),
                        ("asOf", .string(request.asOf.description)),
                    ])
                ),
                (
                    "decision",
                    .object([
                        ("verdict", .string(decision.verdict.rawValue)),
                        (
                            "reasons",
                            .array(
                                decision.reasons.map {
                                    .object([("code", .string($0.code.rawValue)), ("rule", .string($0.rule.rawValue))])
                                })
                        ),
                        ("advisories", .array(decision.advisories.map { .string($0.code.rawValue) })),
                    ])
                ),
            ])
        }
        let reachedKeys = Set(reached.map { key($0.point) })
        let logic = catalog.logic
        let unreached: [JSONValue] = logic.consistentPoints().filter { !reachedKeys.contains(key($0)) }.map { point in
            .object([
                ("point", json(point)),
                (
                    "decision",
                    .object([
                        ("verdict", .string(logic.verdict(at: point).rawValue)),
                        ("reasons", .array(logic.reasons(at: point).map { .string($0.rawValue) })),
                        ("advisories", .array(logic.advisories(at: point).map { .string($0.rawValue) })),
                    ])
                ),
            ])
        }
        let document = JSONValue.object([
            ("format", .string("upgradedocs-test-vectors/1")),
            (
                "about",
                .string(
                    "The rule core's decision at every point of the condition space. Replay each vector's "
                        + "request: the verdict, the reasons in order and the advisories in order must match. "
                        + "'unreached' lists the points no request over this catalog reaches.")
            ),
            ("generator", .string(Generator.name)),
            ("asOf", .string(asOf.description)),
            ("conditions", .object(Condition.allCases.map { ($0.rawValue, .array($0.values.map(JSONValue.string))) })),
            ("vectors", .array(vectors)),
            ("unreached", .array(unreached)),
        ])
        return GeneratedFile(path: SitePaths.testVectors, kind: .data, text: document.serialized(pretty: true) + "\n")
    }

    private static func key(_ point: ConditionPoint) -> [String] { Condition.allCases.map { point[$0] ?? "" } }

    private static func json(_ point: ConditionPoint) -> JSONValue {
        .object(Condition.allCases.compactMap { condition in point[condition].map { (condition.rawValue, .string($0)) } })
    }
}
