/// What the rule core says of one matrix cell: the decision for an active
/// subscription whose customer has no other holdings. It carries the codes a
/// page shows, not the worded messages, so a catalogue of thousands of offers
/// can be decided pair by pair without wording millions of sentences.
public struct MatrixCell: Hashable, Sendable {
    /// Blocking reasons in rule order, as `Decision.reasonCodes`.
    public let reasons: [ReasonCode]
    /// Advice in the order `Decision.advisories` gives it.
    public let advisories: [AdvisoryCode]
    /// The variant `use-regional-variant` names, when it applies.
    public let regionalVariant: OfferID?

    public var verdict: Verdict { reasons.isEmpty ? .eligible : .blocked }

    public init(reasons: [ReasonCode], advisories: [AdvisoryCode], regionalVariant: OfferID?) {
        self.reasons = reasons
        self.advisories = advisories
        self.regionalVariant = regionalVariant
    }

    /// The cell a full decision stands for.
    public init(_ decision: Decision) {
        self.init(reasons: decision.reasonCodes, advisories: decision.advisories.map(\.code),
                  regionalVariant: decision.advisories.first { $0.code == .useRegionalVariant }?.offer)
    }
}

/// The matrix rows of a set of offers, each worked out on demand: what
/// `decide` says for an active source with no other holdings against every
/// offer of the set. Services are bit sets and listed paths a flag per
/// column, and each distinct point of the condition space in a row is judged
/// once by `ConditionLogic`, so a row of n targets costs about n steps: a
/// catalogue of thousands of offers is decided pair by pair in well under a second.
public struct MatrixRows: Sendable {
    public let offers: [Offer]
    private let core: RuleCore
    private let asOf: CalendarDate
    private let position: [OfferID: Int]
    private let services: [ServiceSet]

    public init(core: RuleCore, offers: [Offer], asOf: CalendarDate) {
        self.core = core
        self.offers = offers
        self.asOf = asOf
        position = Dictionary(offers.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var bit: [ServiceID: Int] = [:]
        for offer in offers { for service in offer.services where bit[service] == nil { bit[service] = bit.count } }
        let words = (bit.count + 63) / 64
        services = offers.map { offer in ServiceSet(offer.services.map { bit[$0]! }, words: words) }
    }

    /// Where an offer stands among `offers`; nil when it is not one of them.
    public func index(of offer: OfferID) -> Int? { position[offer] }

    public func row(of source: OfferID) -> [MatrixCell]? { index(of: source).map(row(at:)) }

    public func row(at index: Int) -> [MatrixCell] {
        let source = offers[index], catalog = core.catalog
        let withdrawn = Facts.isWithdrawn(source, asOf: asOf, in: catalog)
        var listed = [Bool](repeating: false, count: offers.count)
        for path in catalog.paths(from: source.id) { if let column = position[path.to] { listed[column] = true } }
        // Within a row only three conditions vary with the target: eight points at most.
        var judged: [Int: (reasons: [ReasonCode], advisories: [AdvisoryCode])] = [:]
        return offers.indices.map { column in
            let counterpart = offers[column].region == source.region
                ? nil : Facts.counterpart(from: source, to: offers[column], in: catalog)
            let adds = !services[column].isSubset(of: services[index])
            let key = (listed[column] ? 1 : 0) | (counterpart != nil ? 2 : 0) | (adds ? 4 : 0)
            let verdict: (reasons: [ReasonCode], advisories: [AdvisoryCode])
            if let known = judged[key] {
                verdict = known
            } else {
                let point = Facts.point(
                    listedPath: listed[column], regionalVariantPath: counterpart != nil, active: true, holdsTarget: false,
                    holdsAddedService: false, otherChannelConflict: false, targetAddsServices: adds, withdrawn: withdrawn)
                let fired = ConditionLogic.reasons(at: point)
                verdict = (catalog.rules.map(\.code).filter(fired.contains), ConditionLogic.advisories(at: point))
                judged[key] = verdict
            }
            return MatrixCell(reasons: verdict.reasons, advisories: verdict.advisories,
                              regionalVariant: verdict.advisories.contains(.useRegionalVariant) ? counterpart?.id : nil)
        }
    }
}

/// A set of services as bits, numbered within one `MatrixRows`.
private struct ServiceSet: Sendable {
    private var words: [UInt64]

    init(_ bits: [Int], words count: Int) {
        words = [UInt64](repeating: 0, count: count)
        for bit in bits { words[bit / 64] |= 1 << UInt64(bit % 64) }
    }

    func isSubset(of other: ServiceSet) -> Bool {
        zip(words, other.words).allSatisfy { $0 & ~$1 == 0 }
    }
}
