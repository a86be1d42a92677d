import UpgradeCore

/// Every pair of offers whose decision changes between two catalogues, for some
/// request: any status, no holding or one holding bought through either channel,
/// on the as-of date and on both sides of each withdrawal date.
///
/// Asking both rule cores every request for every pair would cost millions of
/// decisions. Instead, pairs are grouped by what the rule core can see of them:
/// the matrix cell each side gives (listed path, regional variant, withdrawal),
/// the services the target adds on each side, and the source program's withdrawal
/// dates. Holdings fall into four kinds per group: a holding that shares a service
/// the target adds on neither side, on one side only, or on both. Pairs of a group
/// decide alike, so each group is asked once, with real offers, through
/// `RuleCore.decide`, and the answer holds for every pair in it.
///
/// A program whose rules read the subscription's commitment also decides on how the target
/// is sold (its plans, seat limit, end of sale). Where that differs between the sides, the
/// pair is asked on its own, with the commitments that meet those facts: each plan the model
/// knows as the target's, seats at and over each seat limit, and the days around each end of sale.
struct DecisionComparison {
    let base: Catalog
    let head: Catalog
    let asOf: CalendarDate

    func run() -> (cells: [CellChange], decisions: [DecisionChange]) {
        var space = PairSpace(base: base, head: head, asOf: asOf)
        let alikeDates = space.withdrawalDates.map { $0.base == $0.head }
        var groups: [GroupKey: [Pattern]] = [:]
        var cells: [CellChange] = []
        var decisions: [DecisionChange] = []
        let offers = space.offers
        // Programs decide by their own rule sets: a pair is grouped only with pairs of its source's program.
        let programNumber = Dictionary(
            head.programs.enumerated().map { ($0.element.id, Int32($0.offset)) }, uniquingKeysWith: { first, _ in first })
        let readingCommitment = offers.map { readsCommitment($0.program) }
        for source in offers.indices {
            let (baseCells, headCells) = space.cellIDs(ofRow: source)
            let withdrawal = space.withdrawal[source], alike = alikeDates[Int(withdrawal)]
            for target in offers.indices where target != source {
                let key = GroupKey(
                    baseCell: baseCells[target], headCell: headCells[target],
                    baseAdded: space.added(.base, from: source, to: target),
                    headAdded: space.added(.head, from: source, to: target),
                    withdrawal: withdrawal, program: programNumber[offers[source].program] ?? -1,
                    sale: readingCommitment[source] && space.saleDiffers(target) ? Int32(target) : -1)
                // Most pairs: nothing the rule core sees of them differs. No lookup needed.
                if alike && key.baseCell == key.headCell && key.baseAdded == key.headAdded && key.sale < 0
                    && !space.holdingSensitive(key.baseAdded)
                {
                    continue
                }
                let patterns =
                    groups[key]
                    ?? {
                        let found = evaluate(key, from: source, to: target, in: space)
                        groups[key] = found
                        return found
                    }()
                for pattern in patterns {
                    guard let request = space.request(pattern.shape, from: source, to: target, side: .head) else { continue }
                    decisions.append(DecisionChange(request: request, before: pattern.before, after: pattern.after))
                }
                if key.baseCell != key.headCell, space.sharesProgram(source, target) {
                    let before = Outcome(space.cells[Int(key.baseCell)]), after = Outcome(space.cells[Int(key.headCell)])
                    if before != after {
                        cells.append(
                            CellChange(
                                program: offers[source].program, from: offers[source].id,
                                to: offers[target].id, before: before, after: after))
                    }
                }
            }
        }
        let programOrder = Dictionary(
            head.programs.enumerated().map { ($0.element.id, $0.offset) },
            uniquingKeysWith: { first, _ in first })
        let ordered = cells.enumerated().sorted {
            (programOrder[$0.element.program] ?? .max, $0.offset) < (programOrder[$1.element.program] ?? .max, $1.offset)
        }
        return (ordered.map(\.element), decisions)
    }

    /// Asks both rule cores every kind of request for one pair of the group, simplest first,
    /// and keeps the first request for each set of rules whose firing changes.
    private func evaluate(_ key: GroupKey, from source: Int, to target: Int, in space: PairSpace) -> [Pattern] {
        let kinds = space.holdingKinds(baseAdded: key.baseAdded, headAdded: key.headAdded)
        let pairAlike =
            key.baseCell == key.headCell && key.baseAdded == key.headAdded
            && space.withdrawalDates[Int(key.withdrawal)].base == space.withdrawalDates[Int(key.withdrawal)].head
        // Same cell, same added services, same dates: only a holding that overlaps on one side can differ.
        if pairAlike && key.sale < 0 && kinds.allSatisfy({ $0.overlapsInBase == $0.overlapsInHead }) { return [] }
        let baseCore = RuleCore(catalog: base), headCore = RuleCore(catalog: head)
        var holdings: [HoldingChoice] = [.none]
        for channel in Channel.allCases {
            holdings.append(.target(channel))
            holdings += kinds.indices.map { HoldingChoice.kind($0, classes: kinds[$0].classes, channel) }
        }
        var dates = [asOf] + space.boundaries(Int(key.withdrawal)).filter { $0 != asOf }
        var commitments: [CommitmentChoice?] = [nil]
        if key.sale >= 0 {
            let sales = [space.baseOffers[target].sale, space.offers[target].sale]
            commitments += CommitmentChoice.meeting(sales)
            for end in Set(sales.compactMap(\.endOfSale)).sorted() {
                dates += [end.previousDay, end].compactMap { $0 }.filter { !dates.contains($0) }
            }
        }
        var seen = Set<[ReasonCode]>()
        var patterns: [Pattern] = []
        for holding in holdings {
            for status in SubscriptionStatus.allCases {
                for (date, commitment) in dates.flatMap({ date in commitments.map { (date, $0) } }) {
                    let shape = RequestShape(holding: holding, status: status, asOf: date, commitment: commitment)
                    guard let baseRequest = space.request(shape, from: source, to: target, side: .base),
                        let headRequest = space.request(shape, from: source, to: target, side: .head)
                    else { continue }
                    let before = Outcome(baseCore.decide(baseRequest)), after = Outcome(headCore.decide(headRequest))
                    guard before != after, seen.insert(before.flipped(to: after)).inserted else { continue }
                    patterns.append(Pattern(shape: shape, before: before, after: after))
                }
            }
        }
        return patterns
    }

    private func readsCommitment(_ program: ProgramID) -> Bool {
        base.logic(for: program).readsCommitment || head.logic(for: program).readsCommitment
    }
}

/// What a request says of its commitment, less its day: the plain question moves this many
/// seats, or asks for this plan of the target from a monthly source.
enum CommitmentChoice: Hashable {
    case seats(Int)
    case plan(Plan)

    /// The commitments that meet the facts of how the target is sold on either side.
    static func meeting(_ sales: [Sale]) -> [CommitmentChoice] {
        let limits = Set(sales.compactMap(\.maxSeats)).sorted()
        let plans = Term.allCases.flatMap { term in
            Billing.allCases.filter { $0.months <= term.months }.map { Plan(term: term, billing: $0) }
        }
        return limits.flatMap { [CommitmentChoice.seats($0), .seats($0 + 1)] } + plans.map(CommitmentChoice.plan)
    }

    func commitment(asOf day: CalendarDate) -> Commitment {
        switch self {
        case .seats(let count):
            Commitment(asOf: day, seats: Seats(moved: count, held: count))
        case .plan(let plan):
            Commitment(asOf: day, term: .month, billing: .monthly, toTerm: plan.term, toBilling: plan.billing)
        }
    }
}

/// What the rule core can see of a pair, on both sides; pairs with equal keys decide alike.
struct GroupKey: Hashable {
    let baseCell: Int32
    let headCell: Int32
    let baseAdded: Int32
    let headAdded: Int32
    let withdrawal: Int32
    let program: Int32
    /// The target's number where how it is sold differs between the sides and the program reads it; else -1.
    let sale: Int32
}

/// The other subscription a request names, if any.
enum HoldingChoice: Hashable {
    case none
    case target(Channel)
    /// An offer of one holding kind; which one is chosen per pair, never the pair's own offers.
    case kind(Int, classes: [Int], Channel)
}

/// A request, less its pair.
struct RequestShape {
    let holding: HoldingChoice
    let status: SubscriptionStatus
    let asOf: CalendarDate
    var commitment: CommitmentChoice? = nil
}

/// A request shape whose answer changes, and the answers on each side.
struct Pattern {
    let shape: RequestShape
    let before: Outcome
    let after: Outcome
}
