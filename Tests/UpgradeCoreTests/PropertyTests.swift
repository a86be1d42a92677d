import PropertyBased
import Testing
import UpgradeCore

/// Random requests over the seed model: any source, target, status, holdings and date.
@Suite("Properties of every decision")
struct PropertyTests {
    static let offers = SeedModel.catalog.offers
    static let statuses = SubscriptionStatus.allCases
    static let offerIndex = Gen.int(in: 0...(offers.count - 1))
    static let holdingCodes = Gen.int(in: 0...(offers.count * 2 - 1)).array(of: 0...4)
    static let days = Gen.int(in: 0...(12 * 365))

    static func request(_ from: Int, _ to: Int, _ status: Int, _ holdings: [Int], _ day: Int) -> Request {
        Request(
            from: offers[from], to: offers[to], status: statuses[status],
            holdings: holdings.map { Holding(offer: offers[$0 / 2], channel: $0 % 2 == 0 ? .partner : .other) },
            asOf: date(daysAfter2015: day))
    }

    static func date(daysAfter2015 day: Int) -> CalendarDate {
        CalendarDate(year: 2015 + day / 365, month: 1 + (day % 365) / 31 % 12, day: 1 + day % 28)!
    }

    @Test("blocked exactly when there are reasons")
    func blockedIffReasons() async {
        await propertyCheck(
            count: 500, input: Self.offerIndex, Self.offerIndex, Gen.int(in: 0...3),
            Self.holdingCodes, Self.days
        ) { from, to, status, holdings, day in
            let decision = SeedModel.core.decide(Self.request(from, to, status, holdings, day))
            #expect((decision.verdict == .blocked) == !decision.reasons.isEmpty)
        }
    }

    @Test("adding a holding never turns blocked into eligible")
    func holdingsAreMonotone() async {
        await propertyCheck(
            count: 500, input: Self.offerIndex, Self.offerIndex, Gen.int(in: 0...3),
            Self.holdingCodes, Gen.int(in: 0...(Self.offers.count * 2 - 1))
        ) { from, to, status, holdings, extra in
            let before = SeedModel.core.decide(Self.request(from, to, status, holdings, 0))
            let after = SeedModel.core.decide(Self.request(from, to, status, holdings + [extra], 0))
            if before.verdict == .blocked { #expect(after.verdict == .blocked) }
            #expect(Set(before.reasonCodes).isSubset(of: Set(after.reasonCodes)))
        }
    }

    @Test("a status other than active always blocks")
    func inactiveAlwaysBlocks() async {
        await propertyCheck(
            count: 500, input: Self.offerIndex, Self.offerIndex, Gen.int(in: 1...3),
            Self.holdingCodes, Self.days
        ) { from, to, status, holdings, day in
            let decision = SeedModel.core.decide(Self.request(from, to, status, holdings, day))
            #expect(decision.verdict == .blocked)
            #expect(decision.reasonCodes.contains(.subscriptionNotActive))
        }
    }

    @Test("reasons always come in rule order, each rule at most once")
    func reasonsInRuleOrder() async {
        let order = SeedModel.catalog.rules.map(\.id)
        await propertyCheck(
            count: 500, input: Self.offerIndex, Self.offerIndex, Gen.int(in: 0...3),
            Self.holdingCodes, Self.days
        ) { from, to, status, holdings, day in
            let decision = SeedModel.core.decide(Self.request(from, to, status, holdings, day))
            let positions = decision.reasons.map { order.firstIndex(of: $0.rule)! }
            #expect(positions == positions.sorted() && Set(positions).count == positions.count)
        }
    }

    @Test("path-not-supported and region-mismatch never come together")
    func pathAndRegionExclusive() async {
        await propertyCheck(count: 300, input: Self.offerIndex, Self.offerIndex) { from, to in
            let codes = SeedModel.core.decide(Self.request(from, to, 0, [], 0)).reasonCodes
            #expect(!(codes.contains(.pathNotSupported) && codes.contains(.regionMismatch)))
        }
    }
}
