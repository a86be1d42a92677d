/// What an interpretation bears on, so each page can show the ones that affect it.
public enum Subject: Hashable, Sendable, Comparable, CustomStringConvertible {
    case rule(RuleID)
    case advisory(AdvisoryCode)
    case role(RoleID)
    case footnote(FootnoteID)

    public var description: String {
        switch self {
        case .rule(let id): id.rawValue
        case .advisory(let code): code.rawValue
        case .role(let id): id.rawValue
        case .footnote(let id): id.rawValue
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }
}

/// An explicit decision where the source text is ambiguous. It is shown on
/// every page it affects, never hidden.
public struct Interpretation: Hashable, Sendable {
    public let id: InterpretationID
    public let title: String
    /// What the source leaves open.
    public let question: String
    /// What UpgradeDocs decided.
    public let decision: String
    public let rationale: String
    public let affects: [Subject]

    public init(id: InterpretationID, title: String, question: String, decision: String,
                rationale: String, affects: [Subject]) {
        self.id = id
        self.title = title
        self.question = question
        self.decision = decision
        self.rationale = rationale
        self.affects = affects
    }
}
