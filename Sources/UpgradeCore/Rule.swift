/// A code the model gives a reason or advice: each rule and advice in `rules.yaml` names one,
/// and the contract (`explain --format json`, the pages' `data-reasons`) publishes them. The
/// phantom `Kind` keeps a reason's code from standing where advice is meant.
package struct Code<Kind>: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    package let rawValue: String

    package init(rawValue: String) { self.rawValue = rawValue }
    package init(_ rawValue: String) { self.rawValue = rawValue }

    package var description: String { rawValue }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

package enum ReasonKind {}
package enum AdvisoryKind {}

/// What blocks an upgrade.
package typealias ReasonCode = Code<ReasonKind>
/// Advice that comes with a decision and never changes its verdict.
package typealias AdvisoryCode = Code<AdvisoryKind>

// Code names only the codes it treats specially.
extension Code where Kind == ReasonKind {
    /// The closed world of the upgrade table: a pair that is not listed. Matrices leave such
    /// cells out of their lists, as the source page does.
    package static var pathNotSupported: ReasonCode { ReasonCode("path-not-supported") }
}

extension Code where Kind == AdvisoryKind {
    /// The advice that names another offer: a matrix cell links to it.
    package static var useRegionalVariant: AdvisoryCode { AdvisoryCode("use-regional-variant") }
}

/// One documented eligibility condition: when it blocks, and how the rule core words it.
package struct Rule: Hashable, Sendable {
    package let id: RuleID
    package let code: ReasonCode
    /// The condition that must hold for the upgrade, as a checklist line.
    package let title: String
    /// What the agent can do when the rule blocks, in general: what a page that lists the rules
    /// says.
    package let remedy: String
    /// Remedies for kinds of case the general one does not fit, in the order they are tried.
    package let remedies: [RemedyCase]
    /// Where the condition is documented.
    package let source: String
    /// The reason in a few plain words, for where a blocked upgrade is named briefly ("Not a listed
    /// upgrade"); the code is for machines.
    package let blocked: String
    /// The conditions under which the rule blocks: all of them must hold.
    package let when: [Condition: String]
    /// The reason as the rule core gives it, worded for the request.
    package let message: MessageTemplate

    package init(
        id: RuleID, code: ReasonCode, title: String, remedy: String, source: String, blocked: String? = nil,
        when: [Condition: String], message: MessageTemplate, remedies: [RemedyCase] = []
    ) {
        self.id = id
        self.code = code
        self.title = title
        self.remedy = remedy
        self.remedies = remedies
        self.source = source
        // Without words of its own, the code read as words: "path not supported".
        self.blocked = blocked ?? String(code.rawValue.map { $0 == "-" ? " " : $0 }).capitalizedFirstLetter
        self.when = when
        self.message = message
    }
}

/// Advice the rule core gives when its conditions hold.
package struct AdvisoryRule: Hashable, Sendable {
    package let code: AdvisoryCode
    /// The advice in a few words, where a page names it briefly (a decision table's cell).
    package let words: String
    /// The conditions under which the advice is given: all of them must hold.
    package let when: [Condition: String]
    /// A list among the request's facts: the advice is given once for each of its items, with the
    /// item's fields in reach of `message` and `offer`.
    package let each: String?
    /// The path, among the request's facts, of the id of the offer the advice points to.
    package let offer: String?
    package let message: MessageTemplate
    /// When the advice comes with an eligible decision, the ✓ is shown with a caution mark and
    /// these words ("listed, but confirm it is still offered"), never alone.
    package let caution: String?

    package init(
        code: AdvisoryCode, words: String, when: [Condition: String], each: String? = nil,
        offer: String? = nil, message: MessageTemplate, caution: String? = nil
    ) {
        self.code = code
        self.words = words
        self.when = when
        self.each = each
        self.offer = offer
        self.message = message
        self.caution = caution
    }
}

private extension String {
    var capitalizedFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
