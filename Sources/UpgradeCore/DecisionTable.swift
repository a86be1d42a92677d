/// DMN hit policies: how the rules of a decision table combine.
public enum HitPolicy: String, CaseIterable, Sendable {
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

    public var name: String {
        switch self {
        case .unique: "Unique"
        case .any: "Any"
        case .first: "First"
        case .ruleOrder: "Rule order"
        case .collect: "Collect"
        }
    }

    public var meaning: String {
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
public enum Condition: String, CaseIterable, Sendable {
    case listedPath = "listed-path"
    case regionalVariantPath = "regional-variant-path"
    case status
    case holdsTarget = "holds-target"
    case holdsAddedService = "holds-added-service"
    case otherChannelConflict = "other-channel-conflict"
    case verdict
    case targetAddsServices = "target-adds-services"
    case withdrawn = "legacy-withdrawn"

    /// The finite set of values the condition takes.
    public var values: [String] {
        switch self {
        case .status: [ConditionValue.active, ConditionValue.inactive]
        case .verdict: Verdict.allCases.map(\.rawValue)
        default: [ConditionValue.yes, ConditionValue.no]
        }
    }
}

/// What a decision table's rule concludes.
public enum Conclusion: String, CaseIterable, Sendable {
    case verdict, reason, advisory

    /// The values it takes under a model's rules and advice.
    public func values(in logic: ConditionLogic) -> [String] {
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
    public func words(of value: String, in logic: ConditionLogic) -> String? {
        switch self {
        case .verdict: nil
        case .reason: logic.rules.first { $0.code.rawValue == value }?.blocked
        case .advisory: logic.advisories.first { $0.code.rawValue == value }?.words
        }
    }
}

public struct TableInput: Hashable, Sendable {
    public let condition: Condition
    public let label: String

    public init(condition: Condition, label: String) {
        self.condition = condition
        self.label = label
    }
}

public struct TableOutput: Hashable, Sendable {
    public let conclusion: Conclusion
    public let label: String

    public init(conclusion: Conclusion, label: String) {
        self.conclusion = conclusion
        self.label = label
    }
}

/// One row of a decision table. A missing input entry means "any value" (`-`).
public struct TableRule: Hashable, Sendable {
    public let id: TableRowID
    public let inputs: [Condition: String]
    public let outputs: [Conclusion: String]
    public let annotation: String
    /// The eligibility rule this row restates, if any.
    public let cites: RuleID?

    public init(id: TableRowID, inputs: [Condition: String], outputs: [Conclusion: String], annotation: String,
                cites: RuleID? = nil) {
        self.id = id
        self.inputs = inputs
        self.outputs = outputs
        self.annotation = annotation
        self.cites = cites
    }

    public func matches(_ point: ConditionPoint) -> Bool {
        point.matches(inputs)
    }
}

/// A combination of conditions that cannot occur, such as an eligible verdict
/// with a conflicting holding. Gap and overlap analysis leave these out.
public struct Impossibility: Hashable, Sendable {
    public let when: [Condition: String]
    public let because: String

    public init(when: [Condition: String], because: String) {
        self.when = when
        self.because = because
    }
}

/// Conditions × outcomes, in the DMN style trainers know.
public struct DecisionTable: Hashable, Sendable {
    public let id: TableID
    public let title: String
    public let summary: String
    public let hitPolicy: HitPolicy
    public let inputs: [TableInput]
    public let outputs: [TableOutput]
    public let rules: [TableRule]
    public let impossible: [Impossibility]
    /// What a case that matches no rule means, when the table says so; otherwise such a case is a gap.
    public let noMatch: String?

    public init(id: TableID, title: String, summary: String, hitPolicy: HitPolicy, inputs: [TableInput],
                outputs: [TableOutput], rules: [TableRule], impossible: [Impossibility] = [], noMatch: String? = nil) {
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
