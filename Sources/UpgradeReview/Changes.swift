import UpgradeCore
import UpgradeSiteContract

/// What a request comes to, as a review compares it: the verdict and the reasons' codes.
/// Wording is left out on purpose: a reworded message is a model change, not a new answer.
package struct Outcome: Hashable, Sendable {
    package let verdict: Verdict
    /// In rule order, as `explain` lists them.
    package let reasons: [ReasonCode]

    init(_ decision: Decision) {
        verdict = decision.verdict
        reasons = decision.reasonCodes
    }

    init(_ cell: MatrixCell) {
        verdict = cell.verdict
        reasons = cell.reasons
    }

    /// The reasons that hold on one side only: the rules whose firing the change flips.
    func flipped(to other: Outcome) -> [ReasonCode] {
        Set(reasons).symmetricDifference(other.reasons).sorted()
    }
}

/// A matrix cell, the default request, whose decision changes.
package struct CellChange: Hashable, Sendable {
    package let program: ProgramID
    package let from: OfferID
    package let to: OfferID
    package let before: Outcome
    package let after: Outcome
}

/// A pair whose decision changes for some request, with the simplest request that shows it.
package struct DecisionChange: Hashable, Sendable {
    /// Made with the head's offers, so it reads as the `explain` question to ask now.
    package let request: Request
    package let before: Outcome
    package let after: Outcome

    /// The rules whose firing the change flips.
    package var flipped: [ReasonCode] { before.flipped(to: after) }
}

/// One thing the content says differently.
package struct ModelChange: Hashable, Sendable {
    package let kind: String
    package let id: String
    package let change: Change
    package let detail: String
}
