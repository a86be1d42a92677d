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
///
/// A vector of a migration says `"decides": "migration"`; its request carries `migration`.
enum TestVectors {

    /// A program's unreached points are listed only when its space is at most this large; a larger
    /// one (new commerce has over a hundred thousand points) is summed up in `unlisted`.
    static let listedSpace = 4_096

    static func file(catalog: Catalog, model: String?, asOf: CalendarDate) -> GeneratedFile {
        let core = RuleCore(catalog: catalog)
        let reached = Counterexamples.of(catalog, model: model, asOf: asOf).reached
        let vectors: [JSONValue] = reached.map { point, request in
            let decision = core.decide(request)
            return .object(
                [("program", .string(request.from.program.rawValue))]
                    + (request.migration == nil ? [] : [("decides", .string("migration"))]) + [
                        ("point", json(point)),
                        ("request", RequestJSON.json(request, commitment: catalog.logic(for: request).readsCommitment)),
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
        let reachedKeys = Set(reached.map(\.point))
        var unreached: [JSONValue] = [], unlisted: [JSONValue] = []
        for program in catalog.programs {
            let logic = catalog.logic(for: program.id)
            guard logic.spaceSize <= listedSpace else {
                let count = reached.filter { $0.request.from.program == program.id && $0.request.migration == nil }.count
                unlisted.append(
                    .object([
                        ("program", .string(program.id.rawValue)), ("points", .number(logic.spaceSize)),
                        ("reached", .number(count)),
                    ]))
                continue
            }
            unreached += logic.consistentPoints().filter { !reachedKeys.contains($0) }.map { point in
                .object([
                    ("program", .string(program.id.rawValue)),
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
        }
        // A migration's space is as large as new commerce's: never listed point by point.
        for program in catalog.programs {
            guard let (_, logic) = catalog.migration(from: program.id) else { continue }
            let count = reached.filter { $0.request.migration != nil && $0.request.from.program == program.id }.count
            unlisted.append(
                .object([
                    ("program", .string(program.id.rawValue)), ("decides", .string("migration")),
                    ("points", .number(logic.spaceSize)), ("reached", .number(count)),
                ]))
        }
        let conditions = Condition.allCases.filter { condition in
            catalog.programs.contains { program in
                ([catalog.logic(for: program.id)] + (catalog.migration(from: program.id).map { [$0.logic] } ?? []))
                    .contains { $0.conditions.contains(condition) }
            }
        }
        let document = JSONValue.object([
            ("format", .string("upgradedocs-test-vectors/2")),
            (
                "about",
                .string(
                    "The rule core's decision at every point of each program's condition space. Replay each vector's "
                        + "request: the verdict, the reasons in order and the advisories in order must match. "
                        + "'unreached' lists the points no request over this catalog reaches; 'unlisted' names a "
                        + "program whose space is too large to list them.")
            ),
            ("generator", .string(Generator.name)),
            ("asOf", .string(asOf.description)),
            ("conditions", .object(conditions.map { ($0.rawValue, .array($0.values.map(JSONValue.string))) })),
            ("vectors", .array(vectors)),
            ("unreached", .array(unreached)),
            ("unlisted", .array(unlisted)),
        ])
        return GeneratedFile(path: SitePaths.testVectors, kind: .data, text: document.serialized(pretty: true) + "\n")
    }

    private static func json(_ point: ConditionPoint) -> JSONValue {
        .object(Condition.allCases.compactMap { condition in point[condition].map { (condition.rawValue, .string($0)) } })
    }
}
