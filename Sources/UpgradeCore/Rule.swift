/// A code the model gives a reason or advice: each rule and advice in `rules.yaml` names one,
/// and the contract (`explain --format json`, the pages' `data-reasons`) publishes them. The
/// phantom `Kind` keeps a reason's code from standing where advice is meant.
public struct Code<Kind>: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum ReasonKind {}
public enum AdvisoryKind {}

/// What blocks an upgrade.
public typealias ReasonCode = Code<ReasonKind>
/// Advice that comes with a decision and never changes its verdict.
public typealias AdvisoryCode = Code<AdvisoryKind>

// Code names only the codes it treats specially.
extension Code where Kind == ReasonKind {
    /// The closed world of the upgrade table: a pair that is not listed. Matrices leave such
    /// cells out of their lists, as the source page does.
    public static var pathNotSupported: ReasonCode { ReasonCode("path-not-supported") }
}

extension Code where Kind == AdvisoryKind {
    /// The advice that names another offer: a matrix cell links to it.
    public static var useRegionalVariant: AdvisoryCode { AdvisoryCode("use-regional-variant") }
}

/// One documented eligibility condition: when it blocks, and how the rule core words it.
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
    /// The conditions under which the rule blocks: all of them must hold.
    public let when: [Condition: String]
    /// The reason as the rule core gives it, worded for the request.
    public let message: MessageTemplate

    public init(id: RuleID, code: ReasonCode, title: String, remedy: String, source: String, blocked: String? = nil,
                when: [Condition: String], message: MessageTemplate) {
        self.id = id
        self.code = code
        self.title = title
        self.remedy = remedy
        self.source = source
        // Without words of its own, the code read as words: "path not supported".
        self.blocked = blocked ?? String(code.rawValue.map { $0 == "-" ? " " : $0 }).capitalizedFirstLetter
        self.when = when
        self.message = message
    }
}

/// Advice the rule core gives when its conditions hold.
public struct AdvisoryRule: Hashable, Sendable {
    public let code: AdvisoryCode
    /// The advice in a few words, where a page names it briefly (a decision table's cell).
    public let words: String
    /// The conditions under which the advice is given: all of them must hold.
    public let when: [Condition: String]
    /// A list among the request's facts: the advice is given once for each of its items, with the
    /// item's fields in reach of `message` and `offer`.
    public let each: String?
    /// The path, among the request's facts, of the id of the offer the advice points to.
    public let offer: String?
    public let message: MessageTemplate

    public init(code: AdvisoryCode, words: String, when: [Condition: String], each: String? = nil,
                offer: String? = nil, message: MessageTemplate) {
        self.code = code
        self.words = words
        self.when = when
        self.each = each
        self.offer = offer
        self.message = message
    }
}

private extension String {
    var capitalizedFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
