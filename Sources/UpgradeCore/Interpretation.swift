/// What an interpretation bears on, so each page can show the ones that affect it.
package enum Subject: Hashable, Sendable, Comparable, CustomStringConvertible {
    case rule(RuleID)
    case advisory(AdvisoryCode)
    case role(RoleID)
    case footnote(FootnoteID)
    case offer(OfferID)

    package var description: String {
        switch self {
        case .offer(let id): id.rawValue
        case .rule(let id): id.rawValue
        case .advisory(let code): code.rawValue
        case .role(let id): id.rawValue
        case .footnote(let id): id.rawValue
        }
    }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }
}

/// An explicit decision where the source text is ambiguous. It is shown on
/// every page it affects, never hidden.
package struct Interpretation: Hashable, Sendable {
    package let id: InterpretationID
    package let title: String
    /// What the source leaves open.
    package let question: String
    /// The page whose text leaves the question open.
    package let source: String
    /// What UpgradeDocs decided.
    package let decision: String
    package let rationale: String
    package let affects: [Subject]

    package init(
        id: InterpretationID, title: String, question: String, source: String = "", decision: String,
        rationale: String, affects: [Subject]
    ) {
        self.id = id
        self.title = title
        self.question = question
        self.source = source
        self.decision = decision
        self.rationale = rationale
        self.affects = affects
    }
}
