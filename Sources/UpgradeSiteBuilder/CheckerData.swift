import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// `data/checker-data.js`: the model the upgrade checker decides from, as one
/// JavaScript assignment, so the page reads it with a `<script>` tag from
/// `file://` as from any server. The catalogue (offers with their aliases,
/// former names, variants and services, service names, paths, programs,
/// regions), the table of names the resolver answers to, and the
/// policy: each rule's and advice's conditions, its remedy and its message as
/// parsed template nodes. `checker.js` works out a request's facts and
/// interprets the rest, so no rule, remedy or wording exists twice.
///
/// Format `upgradedocs-checker/3`; `verify` reads it back against the model.
enum CheckerData {
    static let variable = "UPGRADEDOCS_DATA"

    static func file(catalog: Catalog, asOf: CalendarDate) -> GeneratedFile {
        // A list, not an object keyed by id: in a script an object literal's "__proto__" key sets its
        // prototype instead of making a key, so no data key may be an id.
        let paths = catalog.offers.compactMap { offer -> JSONValue? in
            let targets = catalog.paths(from: offer.id)
            guard !targets.isEmpty else { return nil }
            return .object([("from", .string(offer.id.rawValue)), ("to", .array(targets.map { .string($0.to.rawValue) }))])
        }
        let data = JSONValue.object([
            ("format", .string("upgradedocs-checker/4")),
            ("generator", .string(Generator.name)),
            ("asOf", .string(asOf.description)),
            ("statuses", .array(SubscriptionStatus.allCases.map { .string($0.rawValue) })),
            (
                "limits",
                .object([
                    ("earliest", .string(CalendarDate.earliest.description)),
                    ("latest", .string(CalendarDate.latest.description)),
                    ("holdings", .number(Request.mostHoldings)),
                    ("tooManyHoldings", .string(Request.tooManyHoldingsMessage)),
                    ("seats", .number(Question.Terms.mostSeats)),
                ])
            ),
            ("terms", .array(Term.allCases.map { .object([("id", .string($0.rawValue)), ("months", .number($0.months))]) })),
            (
                "billings",
                .array(Billing.allCases.map { .object([("id", .string($0.rawValue)), ("months", .number($0.months))]) })
            ),
            ("timings", .array(Timing.allCases.map { .string($0.rawValue) })),
            ("segments", .array(Segment.allCases.map { .string($0.rawValue) })),
            ("addOns", .array(AddOns.allCases.map { .string($0.rawValue) })),
            (
                "conditions",
                .array(
                    Condition.allCases.map { condition in
                        .object([("id", .string(condition.rawValue)), ("values", .array(condition.values.map(JSONValue.string)))])
                    })
            ),
            (
                "ruleSets",
                .array(
                    catalog.programs.map { program in
                        ruleSet(catalog.logic(for: program.id), of: program.id, in: catalog)
                    })
            ),
            // The rules a migration out of a program is decided by, keyed by that program.
            (
                "migrationSets",
                .array(
                    catalog.programs.compactMap { program in
                        catalog.migration(from: program.id).map { ruleSet($0.logic, of: program.id, in: catalog) }
                    })
            ),
            (
                "programs",
                .array(
                    catalog.programs.map { program in
                        .object([
                            ("id", .string(program.id.rawValue)), ("name", .string(program.name)),
                            ("withdrawnFrom", program.withdrawnFrom.map { .string($0.description) } ?? .null),
                            ("withdrawalNote", program.withdrawalNote.map(JSONValue.string) ?? .null),
                            (
                                "migration",
                                program.migration.map { route in
                                    .object([
                                        ("to", .string(route.to.rawValue)),
                                        ("microsoftLedFrom", route.microsoftLedFrom.map { .string($0.description) } ?? .null),
                                    ])
                                } ?? .null
                            ),
                        ])
                    })
            ),
            ("regions", .array(catalog.regions.map { .object([("id", .string($0.id.rawValue)), ("name", .string($0.name))]) })),
            (
                "services",
                .array(catalog.services.map { .object([("id", .string($0.id.rawValue)), ("name", .string($0.name))]) })
            ),
            (
                "offers",
                .array(
                    catalog.offers.map { offer in
                        .object([
                            ("id", .string(offer.id.rawValue)), ("name", .string(offer.name)),
                            ("aliases", .array(offer.aliases.map(JSONValue.string))),
                            ("formerly", .array(offer.formerly.map { .string($0.name) })),
                            ("program", .string(offer.program.rawValue)),
                            ("region", offer.region.map { .string($0.rawValue) } ?? .null),
                            ("variantOf", offer.variantOf.map { .string($0.rawValue) } ?? .null),
                            ("services", .array(offer.services.map { .string($0.rawValue) })),
                            ("sale", sale(offer.sale)),
                            (
                                "equivalent",
                                offer.equivalent.map { equivalent in
                                    .object([
                                        ("offer", .string(equivalent.offer.rawValue)),
                                        ("source", .string(equivalent.source)),
                                        ("migrationEnabled", .bool(equivalent.migrationEnabled)),
                                    ])
                                } ?? .null
                            ),
                        ])
                    })
            ),
            ("paths", .array(paths)),
            ("names", names(catalog)),
        ])
        let text =
            "// The model the upgrade checker decides from. Generated by \(Generator.name) from content/; "
            + "do not edit.\nvar \(variable) = " + data.serialized() + ";\n"
        return GeneratedFile(path: SitePaths.checkerData, kind: .data, text: text)
    }

    /// A program's rules and advice, with its condition space.
    static func ruleSet(_ logic: ConditionLogic, of program: ProgramID, in catalog: Catalog) -> JSONValue {
        .object([
            ("program", .string(program.rawValue)),
            ("readsCommitment", .bool(logic.readsCommitment)),
            (
                "conditions",
                .array(
                    logic.conditions.map { condition in
                        .object([("id", .string(condition.rawValue)), ("values", .array(condition.values.map(JSONValue.string)))])
                    })
            ),
            (
                "rules",
                .array(
                    logic.rules.map { rule in
                        .object([
                            ("id", .string(rule.id.rawValue)), ("code", .string(rule.code.rawValue)),
                            ("title", .string(rule.title)), ("remedy", .string(rule.remedy)),
                            (
                                "link",
                                catalog.table(citing: rule.id).map {
                                    .string(SitePaths.table($0.id).file(.html) + "#" + SitePaths.anchor(ofRule: rule.id))
                                } ?? .null
                            ),
                            ("when", conditions(rule.when)), ("message", nodes(rule.message.nodes)),
                            ("remedies", remedies(rule.remedies)),
                        ])
                    })
            ),
            (
                "advisories",
                .array(
                    logic.advisories.map { advice in
                        .object([
                            ("code", .string(advice.code.rawValue)), ("words", .string(advice.words)),
                            ("when", conditions(advice.when)), ("each", advice.each.map(JSONValue.string) ?? .null),
                            ("offer", advice.offer.map(JSONValue.string) ?? .null), ("message", nodes(advice.message.nodes)),
                            ("caution", advice.caution.map(JSONValue.string) ?? .null),
                        ])
                    })
            ),
        ])
    }

    /// How an offer is sold, where the model says: plans as `TERM/billing`.
    static func sale(_ sale: Sale) -> JSONValue {
        .object([
            ("sku", sale.sku.map(JSONValue.string) ?? .null),
            ("plans", .array(sale.plans.map { .string($0.description) })),
            ("endOfSale", sale.endOfSale.map { .string($0.description) } ?? .null),
            ("convertibleAfterEndOfSale", .bool(sale.convertibleAfterEndOfSale)),
            ("maxSeats", sale.maxSeats.map(JSONValue.number) ?? .null),
        ])
    }

    /// The resolver's table (`Catalog.resolve`), by folded name in byte order (a folded name is
    /// letters and digits only, so never a key such as "__proto__" that a script reads otherwise): an offer's id for its
    /// id, name or alias; `{"offer", "note"}` for a former name; `{"refusal"}` for a different
    /// product. The script folds what was typed by the same rule and looks it up: it resolves no
    /// name of its own.
    static func names(_ catalog: Catalog) -> JSONValue {
        .object(
            catalog.names.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { key, thing in
                (key, value(of: thing, in: catalog))
            })
    }

    /// What a name stands for. A name several programs share is `{"shared": [{"program", "meaning"}]}`,
    /// a list in program order, since a program id must not be a key.
    private static func value(of thing: NamedThing, in catalog: Catalog) -> JSONValue {
        switch thing {
        case .offer(let id): .string(id.rawValue)
        case .formerly(let id, let former):
            .object([
                ("offer", .string(id.rawValue)),
                ("note", .string(catalog.offer(id).map { catalog.note(on: former, of: $0) } ?? "")),
            ])
        case .differentProduct(let product): .object([("refusal", .string(catalog.refusal(of: product)))])
        case .shared(let meanings):
            .object([
                (
                    "shared",
                    .array(
                        catalog.programs.compactMap { program in
                            meanings[program.id].map {
                                .object([("program", .string(program.id.rawValue)), ("meaning", value(of: $0, in: catalog))])
                            }
                        })
                )
            ])
        }
    }

    /// A rule's remedies for kinds of case, in order: each `{"when": {"dotted.path": value}, "text": nodes}`.
    static func remedies(_ remedies: [RemedyCase]) -> JSONValue {
        .array(
            remedies.map { remedy in
                .object([
                    (
                        "when",
                        .object(remedy.when.map { ($0.path.joined(separator: "."), JSONValue.string($0.value)) })
                    ),
                    ("text", nodes(remedy.text.nodes)),
                ])
            })
    }

    /// A `when`, its conditions in name order so the file reads the same on every build.
    private static func conditions(_ when: [Condition: String]) -> JSONValue {
        .object(when.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key.rawValue, .string($0.value)) })
    }

    /// A template as its parsed nodes: text as a string, `{"value": path}`, or
    /// `{"section": path, "inverted": bool, "nodes": [...]}`.
    static func nodes(_ nodes: [MessageTemplate.Node]) -> JSONValue {
        .array(
            nodes.map { node in
                switch node {
                case .text(let text): .string(text)
                case .value(let path): .object([("value", .array(path.map(JSONValue.string)))])
                case .section(let path, let inverted, let inner):
                    .object([
                        ("section", .array(path.map(JSONValue.string))), ("inverted", .bool(inverted)),
                        ("nodes", Self.nodes(inner)),
                    ])
                }
            })
    }
}
