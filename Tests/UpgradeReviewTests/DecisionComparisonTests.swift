import Testing
import TestSupport
import UpgradeContent
import UpgradeCore
import UpgradeReview

/// `diff` groups pairs instead of asking every request; these tests ask every request
/// anyway, over random pairs of models, and demand the same findings.
@Suite("A decision changes exactly when some request is answered differently")
struct DecisionComparisonTests {
    /// One change a review must report: a pair, and the rules whose firing flips.
    struct Finding: Hashable {
        let from: OfferID
        let to: OfferID
        let flipped: [ReasonCode]
    }

    @Test(
        "Every request over statuses, holdings, channels, withdrawal dates and the commitments a sale reads is covered",
        arguments: 0..<24)
    func groupedComparisonMatchesAskingEveryRequest(seed: UInt64) {
        let (base, _) = RandomModel.make(seed: seed * 2 + 1, size: 2...5)
        let (head, asOf) = RandomModel.make(seed: seed * 2 + 2, size: 2...5)
        let review = Review(base: ("base", base), head: ("head", head), asOf: asOf)
        let reported = Set(review.decisions.map { Finding(from: $0.request.from.id, to: $0.request.to.id, flipped: $0.flipped) })
        #expect(reported == everyChange(base.catalog, head.catalog, asOf: asOf))
        #expect(review.decisions.count == reported.count, "one entry per pair and change")
        for change in review.decisions {
            let request = change.request
            let before = RuleCore(catalog: base.catalog).decide(Self.translate(request, to: base.catalog))
            let after = RuleCore(catalog: head.catalog).decide(request)
            #expect(
                before.reasonCodes == change.before.reasons && after.reasonCodes == change.after.reasons,
                "the request shown reproduces the change: \(request)")
            #expect(!request.holdings.contains { $0.offer.id == request.from.id }, "the source is never the holding")
        }
    }

    @Test("The matrix cells that change are the default requests that change, within a program")
    func cellsAreTheDefaultRequests() {
        for seed in UInt64(0)..<20 {
            let (base, _) = RandomModel.make(seed: seed + 100)
            let (head, asOf) = RandomModel.make(seed: seed + 200)
            let review = Review(base: ("base", base), head: ("head", head), asOf: asOf)
            var expected: [[OfferID]] = []
            for from in head.catalog.offers {
                for to in head.catalog.offers where to.id != from.id {
                    guard let oldFrom = base.catalog.offer(from.id), let oldTo = base.catalog.offer(to.id) else { continue }
                    let before = RuleCore(catalog: base.catalog).decide(Request(from: oldFrom, to: oldTo, asOf: asOf))
                    let after = RuleCore(catalog: head.catalog).decide(Request(from: from, to: to, asOf: asOf))
                    if before.reasonCodes != after.reasonCodes { expected.append([from.id, to.id]) }
                }
            }
            #expect(review.cells.map { [$0.from, $0.to] } == expected)
        }
    }

    @Test("Two identical models differ in nothing")
    func identicalModelsDifferInNothing() {
        let (model, asOf) = RandomModel.make(seed: 7, size: 4...6)
        let review = Review(base: ("base", model), head: ("head", model), asOf: asOf)
        #expect(review.isEmpty)
    }

    /// Asks both rule cores every request a single holding can make, and keeps each pair's flips.
    private func everyChange(_ base: Catalog, _ head: Catalog, asOf: CalendarDate) -> Set<Finding> {
        let offers = head.offers.filter { base.offer($0.id) != nil }
        var found = Set<Finding>()
        for from in offers {
            let withdrawals = [
                base.program(base.offer(from.id)!.program)?.withdrawnFrom, head.program(from.program)?.withdrawnFrom,
            ]
            let dates = [asOf] + withdrawals.compactMap { $0 }.flatMap { [$0.previousDay!, $0] }
            for to in offers where to.id != from.id {
                let holdings: [[Holding]] =
                    [[]]
                    + Channel.allCases.flatMap { channel in
                        offers.filter { $0.id != from.id }.map { [Holding(offer: $0, channel: channel)] }
                    }
                // Where the rules read the commitment: seats at and over each seat limit, each plan, and the
                // days around each end of sale, of the target as either side sells it.
                var commitments: [(CalendarDate) -> Commitment?] = [{ _ in nil }]
                var pairDates = dates
                if base.logic(for: from.program).readsCommitment || head.logic(for: from.program).readsCommitment {
                    let sales = [base.offer(to.id)!.sale, to.sale]
                    for limit in Set(sales.compactMap(\.maxSeats)) {
                        for seats in [limit, limit + 1] {
                            commitments.append { Commitment(asOf: $0, seats: Seats(moved: seats, held: seats)) }
                        }
                    }
                    for term in Term.allCases {
                        for billing in Billing.allCases where billing.months <= term.months {
                            commitments.append {
                                Commitment(asOf: $0, term: .month, billing: .monthly, toTerm: term, toBilling: billing)
                            }
                        }
                    }
                    pairDates += sales.compactMap(\.endOfSale).flatMap { [$0.previousDay!, $0] }
                }
                for held in holdings {
                    for status in SubscriptionStatus.allCases {
                        for (date, commitment) in pairDates.flatMap({ date in commitments.map { (date, $0(date)) } }) {
                            let request = Request(
                                from: from, to: to, status: status, holdings: held, asOf: date, commitment: commitment)
                            let before = RuleCore(catalog: base).decide(Self.translate(request, to: base))
                            let after = RuleCore(catalog: head).decide(request)
                            guard before.reasonCodes != after.reasonCodes else { continue }
                            let flipped = Set(before.reasonCodes).symmetricDifference(after.reasonCodes).sorted()
                            found.insert(Finding(from: from.id, to: to.id, flipped: flipped))
                        }
                    }
                }
            }
        }
        return found
    }

    /// The same request, with the offers as `catalog` has them.
    static func translate(_ request: Request, to catalog: Catalog) -> Request {
        Request(
            from: catalog.offer(request.from.id)!, to: catalog.offer(request.to.id)!, status: request.status,
            holdings: request.holdings.map { Holding(offer: catalog.offer($0.offer.id)!, channel: $0.channel) },
            asOf: request.asOf, commitment: request.commitment)
    }
}
