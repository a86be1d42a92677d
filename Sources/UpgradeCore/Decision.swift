package enum Verdict: String, CaseIterable, Sendable {
    case eligible, blocked
}

package struct Reason: Hashable, Sendable {
    package let code: ReasonCode
    package let rule: RuleID
    package let message: String
    /// What to do, for this request: the rule's remedy for the case (`Rule.remedy(for:)`).
    package let remedy: String
}

package struct Advisory: Hashable, Sendable {
    package let code: AdvisoryCode
    package let message: String
    /// The offer the advice points to, where it names one.
    package let offer: OfferID?
}

/// The rule core's answer: every blocking reason in rule order, and advice.
package struct Decision: Hashable, Sendable {
    package let request: Request
    package let reasons: [Reason]
    package let advisories: [Advisory]

    /// Blocked exactly when there is a reason; there is no other way to block.
    package var verdict: Verdict { reasons.isEmpty ? .eligible : .blocked }
    package var reasonCodes: [ReasonCode] { reasons.map(\.code) }
}
