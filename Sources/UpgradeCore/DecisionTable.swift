/// DMN hit policies: how the rules of a decision table combine.
package enum HitPolicy: String, CaseIterable, Sendable {
    /// Exactly one rule matches any input.
    case unique = "U"
    /// Rules may overlap; they must agree.
    case any = "A"
    /// The first matching rule, in table order, wins.
    case first = "F"
    /// Every matching rule, in table order.
    case ruleOrder = "R"
    /// Every matching rule, in no particular order.
    case collect = "C"

    package var name: String {
        switch self {
        case .unique: "Unique"
        case .any: "Any"
        case .first: "First"
        case .ruleOrder: "Rule order"
        case .collect: "Collect"
        }
    }

    package var meaning: String {
        switch self {
        case .unique: "exactly one rule matches any case"
        case .any: "rules may overlap, and overlapping rules give the same result"
        case .first: "the first matching rule, from the top, decides"
        case .ruleOrder: "every matching rule applies, in the order of the table"
        case .collect: "every matching rule applies, in no particular order"
        }
    }
}

/// A fact about a request that a decision table can test. The rule core
/// works each one out for any request, which is what lets a table be checked.
package enum Condition: String, CaseIterable, Sendable {
    case listedPath = "listed-path"
    case regionalVariantPath = "regional-variant-path"
    case status
    case holdsTarget = "holds-target"
    case holdsAddedService = "holds-added-service"
    case otherChannelConflict = "other-channel-conflict"
    case verdict
    case targetAddsServices = "target-adds-services"
    case withdrawn = "legacy-withdrawn"
    // What a program that sells by terms (new commerce) decides on.
    case trial
    case targetEndOfSale = "target-end-of-sale"
    case termShorter = "term-shorter"
    case billingExceedsTerm = "billing-exceeds-term"
    case planOffered = "plan-offered"
    case timing = "when"
    case autoRenew = "auto-renew"
    case destination
    case destinationInactive = "destination-inactive"
    case destinationInWindow = "destination-in-window"
    case destinationTermShorter = "destination-term-shorter"
    case destinationEndsEarlier = "destination-ends-earlier"
    case partial
    case overSeatLimit = "over-seat-limit"
    case targetHeldElsewhere = "target-held-elsewhere"
    // What a migration to another program decides on.
    case hasEquivalent = "has-equivalent"
    case migrationEnabled = "migration-enabled"
    case firstMonth = "first-month"
    case lastDay = "last-day"
    case newTerm = "new-term"
    case promotion
    case specialSegment = "special-segment"
    case inProgress = "in-progress"
    case addOns = "add-ons"
    case addOnsBlock = "add-ons-block"
    case microsoftLed = "microsoft-led"

    /// By its place among the cases: a condition is hashed millions of times in a search, and the
    /// synthesized hash would hash its name.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(ordinal)
    }

    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.ordinal == rhs.ordinal }

    private var ordinal: Int {
        switch self {
        case .listedPath: 0
        case .regionalVariantPath: 1
        case .status: 2
        case .holdsTarget: 3
        case .holdsAddedService: 4
        case .otherChannelConflict: 5
        case .verdict: 6
        case .targetAddsServices: 7
        case .withdrawn: 8
        case .trial: 9
        case .targetEndOfSale: 10
        case .termShorter: 11
        case .billingExceedsTerm: 12
        case .planOffered: 13
        case .timing: 14
        case .autoRenew: 15
        case .destination: 16
        case .destinationInactive: 17
        case .destinationInWindow: 18
        case .destinationTermShorter: 19
        case .destinationEndsEarlier: 20
        case .partial: 21
        case .overSeatLimit: 22
        case .targetHeldElsewhere: 23
        case .hasEquivalent: 24
        case .migrationEnabled: 25
        case .firstMonth: 26
        case .lastDay: 27
        case .newTerm: 28
        case .promotion: 29
        case .specialSegment: 30
        case .inProgress: 31
        case .addOns: 32
        case .addOnsBlock: 33
        case .microsoftLed: 34
        }
    }

    /// The finite set of values the condition takes.
    package var values: [String] {
        switch self {
        case .status: [ConditionValue.active, ConditionValue.inactive]
        case .verdict: Verdict.allCases.map(\.rawValue)
        case .timing: Timing.allCases.map(\.rawValue)
        case .autoRenew: [ConditionValue.on, ConditionValue.off]
        default: [ConditionValue.yes, ConditionValue.no]
        }
    }
}

/// What a decision table's rule concludes.
package enum Conclusion: String, CaseIterable, Sendable {
    case verdict, reason, advisory

    /// The values it takes under a model's rules and advice.
    package func values(in logic: ConditionLogic) -> [String] {
        switch self {
        case .verdict: Verdict.allCases.map(\.rawValue)
        case .reason: logic.rules.map(\.code.rawValue)
        case .advisory: logic.advisories.map(\.code.rawValue)
        }
    }
}

extension Conclusion {
    /// An outcome in a few plain words, for a reader who does not know its code: a reason as its
    /// rule words it (`blocked`), advice as the rule core names it. Nil for a verdict, which is a
    /// word already, and for a value that is no outcome.
    package func words(of value: String, in logic: ConditionLogic) -> String? {
        switch self {
        case .verdict: nil
        case .reason: logic.rules.first { $0.code.rawValue == value }?.blocked
        case .advisory: logic.advisories.first { $0.code.rawValue == value }?.words
        }
    }
}

package struct TableInput: Hashable, Sendable {
    package let condition: Condition
    package let label: String

    package init(condition: Condition, label: String) {
        self.condition = condition
        self.label = label
    }
}

package struct TableOutput: Hashable, Sendable {
    package let conclusion: Conclusion
    package let label: String

    package init(conclusion: Conclusion, label: String) {
        self.conclusion = conclusion
        self.label = label
    }
}

/// One row of a decision table. A missing input entry means "any value" (`-`).
package struct TableRule: Hashable, Sendable {
    package let id: TableRowID
    package let inputs: [Condition: String]
    package let outputs: [Conclusion: String]
    package let annotation: String
    /// The eligibility rule this row restates, if any.
    package let cites: RuleID?

    package init(
        id: TableRowID, inputs: [Condition: String], outputs: [Conclusion: String], annotation: String,
        cites: RuleID? = nil
    ) {
        self.id = id
        self.inputs = inputs
        self.outputs = outputs
        self.annotation = annotation
        self.cites = cites
    }

    package func matches(_ point: ConditionPoint) -> Bool {
        point.matches(inputs)
    }
}

/// A combination of conditions that cannot occur, such as an eligible verdict
/// with a conflicting holding. Gap and overlap analysis leave these out.
package struct Impossibility: Hashable, Sendable {
    package let when: [Condition: String]
    package let because: String

    package init(when: [Condition: String], because: String) {
        self.when = when
        self.because = because
    }
}

/// Conditions × outcomes, in the DMN style trainers know.
package struct DecisionTable: Hashable, Sendable {
    package let id: TableID
    package let title: String
    package let summary: String
    package let hitPolicy: HitPolicy
    package let inputs: [TableInput]
    package let outputs: [TableOutput]
    package let rules: [TableRule]
    package let impossible: [Impossibility]
    /// What a case that matches no rule means, when the table says so; otherwise such a case is a gap.
    package let noMatch: String?
    /// The program whose rule set the table restates; nil for the default rule set.
    package let program: ProgramID?
    /// The table restates the program's migration rules (`decides: migration`), not its upgrade rules.
    package let decidesMigration: Bool

    package init(
        id: TableID, title: String, summary: String, hitPolicy: HitPolicy, inputs: [TableInput],
        outputs: [TableOutput], rules: [TableRule], impossible: [Impossibility] = [], noMatch: String? = nil,
        program: ProgramID? = nil, decidesMigration: Bool = false
    ) {
        self.program = program
        self.decidesMigration = decidesMigration
        self.id = id
        self.title = title
        self.summary = summary
        self.hitPolicy = hitPolicy
        self.inputs = inputs
        self.outputs = outputs
        self.rules = rules
        self.impossible = impossible
        self.noMatch = noMatch
    }
}
