import UpgradeCore
import UpgradeSiteContract

/// What a request comes to, as a review compares it: the verdict and the reasons' codes.
/// Wording is left out on purpose: a reworded message is a model change, not a new answer.
public struct Outcome: Hashable, Sendable {
    public let verdict: Verdict
    /// In rule order, as `explain` lists them.
    public let reasons: [ReasonCode]

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
public struct CellChange: Hashable, Sendable {
    public let program: ProgramID
    public let from: OfferID
    public let to: OfferID
    public let before: Outcome
    public let after: Outcome
}

/// A pair whose decision changes for some request, with the simplest request that shows it.
public struct DecisionChange: Hashable, Sendable {
    /// Made with the head's offers, so it reads as the `explain` question to ask now.
    public let request: Request
    public let before: Outcome
    public let after: Outcome

    /// The rules whose firing the change flips.
    public var flipped: [ReasonCode] { before.flipped(to: after) }
}

/// One thing the content says differently.
public struct ModelChange: Hashable, Sendable {
    public let kind: String
    public let id: String
    public let change: Change
    public let detail: String
}
