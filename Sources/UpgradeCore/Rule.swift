/// What blocks an upgrade. Each code is implemented by the rule core; the
/// catalog's rules give each one its stable id, its place in the order, and
/// its wording.
public enum ReasonCode: String, CaseIterable, Sendable, Comparable {
    case pathNotSupported = "path-not-supported"
    case regionMismatch = "region-mismatch"
    case subscriptionNotActive = "subscription-not-active"
    case alreadyOwnsTarget = "already-owns-target"
    case ownsIncludedServices = "owns-included-services"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Advice that comes with a decision and never changes its verdict.
public enum AdvisoryCode: String, CaseIterable, Sendable {
    case useRegionalVariant = "use-regional-variant"
    case cancelOtherChannelFirst = "cancel-other-channel-first"
    case accountTransition = "account-transition"
    case legacyWithdrawn = "legacy-withdrawn"

    /// The advice in a few words, where a page names it briefly (a decision table's cell); the rule
    /// core words it in full, with the request's offers, when it gives it.
    public var words: String {
        switch self {
        case .useRegionalVariant: "Use the target's variant in the source's region"
        case .cancelOtherChannelFirst: "Cancel it with the other partner or channel first"
        case .accountTransition: "Some user accounts may need work to move"
        case .legacyWithdrawn: "Most legacy upgrades are withdrawn"
        }
    }
}

/// One documented eligibility condition.
public struct Rule: Hashable, Sendable {
    public let id: RuleID
    public let code: ReasonCode
    /// The condition that must hold for the upgrade, as a checklist line.
    public let title: String
    /// What the agent can do when the rule blocks.
    public let remedy: String
    /// Where the condition is documented.
    public let source: String
    /// The reason in a few plain words, for where a blocked upgrade is named briefly ("Not a listed
    /// upgrade"); the code is for machines.
    public let blocked: String

    public init(id: RuleID, code: ReasonCode, title: String, remedy: String, source: String, blocked: String? = nil) {
        self.id = id
        self.code = code
        self.title = title
        self.remedy = remedy
        self.source = source
        // Without words of its own, the code read as words: "path not supported".
        self.blocked = blocked ?? String(code.rawValue.map { $0 == "-" ? " " : $0 }).capitalizedFirstLetter
    }
}

private extension String {
    var capitalizedFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
