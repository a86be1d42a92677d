/// What the rule core says of one matrix cell: the decision for an active
/// subscription whose customer has no other holdings. It carries the codes a
/// page shows, not the worded messages, so a catalogue of thousands of offers
/// can be decided pair by pair without wording millions of sentences.
package struct MatrixCell: Hashable, Sendable {
    /// Blocking reasons in rule order, as `Decision.reasonCodes`.
    package let reasons: [ReasonCode]
    /// Advice in the order `Decision.advisories` gives it.
    package let advisories: [AdvisoryCode]
    /// The variant `use-regional-variant` names, when it applies.
    package let regionalVariant: OfferID?

    package var verdict: Verdict { reasons.isEmpty ? .eligible : .blocked }

    package init(reasons: [ReasonCode], advisories: [AdvisoryCode], regionalVariant: OfferID?) {
        self.reasons = reasons
        self.advisories = advisories
        self.regionalVariant = regionalVariant
    }

    /// The cell a full decision stands for.
    package init(_ decision: Decision) {
        self.init(
            reasons: decision.reasonCodes, advisories: decision.advisories.map(\.code),
            regionalVariant: decision.advisories.first { $0.code == .useRegionalVariant }?.offer)
    }
}

/// One matrix row, stored sparsely: the cells of the columns whose facts
/// differ from the rest, and the one cell every other column has.
package struct MatrixRow: Sendable {
    /// Special columns in column order, with their cells.
    package let special: [(column: Int, cell: MatrixCell)]
    /// The cell of every column not in `special`.
    package let ordinary: MatrixCell
    package let count: Int

    package func cell(at column: Int) -> MatrixCell {
        special.first { $0.column == column }?.cell ?? ordinary
    }

    /// The cells other than those blocked for exactly `reasons`, in column order:
    /// what a page must name when it leaves out every pair blocked for them alone.
    package func cells(except reasons: [ReasonCode]) -> [(column: Int, cell: MatrixCell)] {
        func leftOut(_ cell: MatrixCell) -> Bool { cell.verdict == .blocked && cell.reasons == reasons }
        let candidates = leftOut(ordinary) ? special : cells.enumerated().map { ($0.offset, $0.element) }
        return candidates.filter { !leftOut($0.cell) }
    }

    /// Every cell, column by column.
    package var cells: [MatrixCell] {
        var cells = [MatrixCell](repeating: ordinary, count: count)
        for (column, cell) in special { cells[column] = cell }
        return cells
    }
}

/// The matrix rows of a set of offers, each worked out on demand: what
/// `decide` says for an active source with no other holdings against every
/// offer of the set.
///
/// Along a row only three conditions can change: whether the pair is a
/// listed path, whether a regional variant of the target is, and whether the
/// target adds services. The first two hold only for the source's listed
/// targets and the other variants of their products, so those are the
/// special columns. Every other column has the same point but for the third,
/// and `ConditionLogic` is asked at that point with the third both ways: when
/// both answers agree, that cell is every ordinary column's, and a row costs
/// its special columns, not the whole catalogue. When they differ, every
/// column is special. Each distinct point is judged once.
package struct MatrixRows: Sendable {
    package let offers: [Offer]
    private let core: RuleCore
    private let asOf: CalendarDate
    private let position: [OfferID: Int]
    private let services: [ServiceSet]

    package init(core: RuleCore, offers: [Offer], asOf: CalendarDate) {
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
    package func index(of offer: OfferID) -> Int? { position[offer] }

    package func row(of source: OfferID) -> MatrixRow? { index(of: source).map(row(at:)) }

    package func row(at index: Int) -> MatrixRow {
        let source = offers[index], catalog = core.catalog
        let logic = catalog.logic(for: source.program)
        // Where the program decides on more than the conditions a row can vary in, each cell is decided.
        guard Set(logic.conditions).isSubset(of: Self.rowConditions) else {
            let cells = offers.map { target in
                MatrixCell(core.decide(Request(from: source, to: target, asOf: asOf)))
            }
            return MatrixRow(special: cells.enumerated().map { ($0.offset, $0.element) }, ordinary: cells[0], count: cells.count)
        }
        let withdrawn = Facts.isWithdrawn(source, asOf: asOf, in: catalog)
        var judged: [Int: MatrixCell] = [:]
        func cell(listed: Bool, counterpart: Offer?, adds: Bool) -> MatrixCell {
            let key = (listed ? 1 : 0) | (counterpart != nil ? 2 : 0) | (adds ? 4 : 0)
            if let known = judged[key] { return known.pointing(to: counterpart?.id) }
            let point = Facts.point(
                listedPath: listed, regionalVariantPath: counterpart != nil, active: true, holdsTarget: false,
                holdsAddedService: false, otherChannelConflict: false, targetAddsServices: adds, withdrawn: withdrawn,
                logic: logic)
            let known = MatrixCell(
                reasons: logic.reasons(at: point),
                advisories: logic.advisories(at: point), regionalVariant: nil)
            judged[key] = known
            return known.pointing(to: counterpart?.id)
        }
        func special(_ column: Int) -> MatrixCell {
            let target = offers[column]
            return cell(
                listed: catalog.hasPath(from: source.id, to: target.id),
                counterpart: target.region == source.region
                    ? nil
                    : Facts.counterpart(from: source, to: target, in: catalog),
                adds: !services[column].isSubset(of: services[index]))
        }
        let ordinary = cell(listed: false, counterpart: nil, adds: false)
        guard ordinary == cell(listed: false, counterpart: nil, adds: true) else {
            return MatrixRow(special: offers.indices.map { ($0, special($0)) }, ordinary: ordinary, count: offers.count)
        }
        var columns = Set<Int>()
        for path in catalog.paths(from: source.id) {
            guard let listed = catalog.offer(path.to) else { continue }
            for variant in catalog.family(of: listed) { if let column = position[variant.id] { columns.insert(column) } }
        }
        return MatrixRow(special: columns.sorted().map { ($0, special($0)) }, ordinary: ordinary, count: offers.count)
    }
}

extension MatrixRows {
    /// The conditions a row's fast path works out: those of a program without terms.
    static let rowConditions: Set<Condition> = [
        .listedPath, .regionalVariantPath, .status, .holdsTarget, .holdsAddedService, .otherChannelConflict,
        .targetAddsServices, .withdrawn, .verdict,
    ]
}

extension MatrixCell {
    /// The cell with `use-regional-variant` naming `variant`, where it applies.
    fileprivate func pointing(to variant: OfferID?) -> MatrixCell {
        MatrixCell(
            reasons: reasons, advisories: advisories,
            regionalVariant: advisories.contains(.useRegionalVariant) ? variant : nil)
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

extension ConditionPoint {
    /// What every matrix cell assumes: an active subscription whose customer has no other holdings.
    static var matrixCase: ConditionPoint {
        var point = ConditionPoint()
        point.active = true
        point.holdsTarget = false
        point.holdsAddedService = false
        point.otherChannelConflict = false
        // Sold by terms: paid, auto-renewing, moved whole and now, on the same plan, into a new subscription.
        for condition in [
            Condition.trial, .termShorter, .billingExceedsTerm, .destination, .destinationInactive, .destinationInWindow,
            .destinationTermShorter, .destinationEndsEarlier, .partial, .overSeatLimit, .targetHeldElsewhere,
        ] { point.set(condition, false) }
        point[.timing] = Timing.now.rawValue
        point[.autoRenew] = ConditionValue.on
        return point
    }
}

extension ConditionLogic {
    /// The rules and advice a matrix cell can show: those whose conditions its case leaves open.
    /// An interpretation that bears on one of them bears on the matrix.
    package var matrixSubjects: [Subject] {
        let open = ConditionPoint.matrixCase
        return rules.filter { open.allows($0.when) }.map { .rule($0.id) }
            + advisories.filter { open.allows($0.when) }.map { .advisory($0.code) }
    }
}
