public enum Verdict: String, CaseIterable, Sendable {
    case eligible, blocked
}

public struct Reason: Hashable, Sendable {
    public let code: ReasonCode
    public let rule: RuleID
    public let message: String
}

public struct Advisory: Hashable, Sendable {
    public let code: AdvisoryCode
    public let message: String
    /// The offer the advice points to, where it names one.
    public let offer: OfferID?
}

/// The rule core's answer: every blocking reason in rule order, and advice.
public struct Decision: Hashable, Sendable {
    public let request: Request
    public let reasons: [Reason]
    public let advisories: [Advisory]

    /// Blocked exactly when there is a reason; there is no other way to block.
    public var verdict: Verdict { reasons.isEmpty ? .eligible : .blocked }
    public var reasonCodes: [ReasonCode] { reasons.map(\.code) }
}
