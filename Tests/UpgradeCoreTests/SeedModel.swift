import TestSupport
import UpgradeContent
import UpgradeCore

/// The reference model, frozen in `Tests/Fixtures`: the tests prove that the
/// seed model and the rule core together say what the source page says.
enum SeedModel {
    static let content: LoadedContent = SiteFixture.content

    static var catalog: Catalog { content.catalog }
    static let core = RuleCore(catalog: content.catalog)

    static func offer(_ id: String) -> Offer {
        guard let offer = catalog.offer(OfferID(id)) else { fatalError("no offer \(id) in the seed model") }
        return offer
    }

    /// Before March 2022, so that only the advisories a test is about appear.
    static let beforeWithdrawal = CalendarDate(year: 2021, month: 6, day: 1)!

    static func decide(
        _ from: String, _ to: String, status: SubscriptionStatus = .active,
        holds: [(String, Channel)] = [], asOf: CalendarDate = beforeWithdrawal
    ) -> Decision {
        core.decide(
            Request(
                from: offer(from), to: offer(to), status: status,
                holdings: holds.map { Holding(offer: offer($0.0), channel: $0.1) }, asOf: asOf))
    }
}
