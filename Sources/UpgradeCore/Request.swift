package enum SubscriptionStatus: String, CaseIterable, Sendable {
    case active, suspended, expired, disabled, canceled, deleted
}

/// Where the customer bought a subscription.
package enum Channel: String, CaseIterable, Sendable {
    /// Through this partner.
    case partner
    /// Through another partner or another channel (multichannel).
    case other
}

/// Another subscription the customer already has.
package struct Holding: Hashable, Sendable {
    package let offer: Offer
    package let channel: Channel

    package init(offer: Offer, channel: Channel = .partner) {
        self.offer = offer
        self.channel = channel
    }
}

/// One question for the rule core: may this subscription move from one offer to another?
package struct Request: Hashable, Sendable {
    package let from: Offer
    package let to: Offer
    package let status: SubscriptionStatus
    package let holdings: [Holding]
    package let asOf: CalendarDate
    /// The source's term, billing and seats, and how they move: read by a program that sells by terms.
    package let commitment: Commitment
    /// Set when the request is a migration to `to`, the source's equivalent in another program
    /// (the source itself where it has none), decided by its program's migration rules.
    package let migration: MigrationTerms?

    package init(
        from: Offer, to: Offer, status: SubscriptionStatus = .active,
        holdings: [Holding] = [], asOf: CalendarDate, commitment: Commitment? = nil, migration: MigrationTerms? = nil
    ) {
        self.migration = migration
        self.commitment = commitment ?? Commitment(asOf: asOf)
        self.from = from
        self.to = to
        self.status = status
        self.holdings = holdings
        self.asOf = asOf
    }
}

extension Request {
    /// The most other subscriptions one question may name. A customer holds a handful; the bound
    /// keeps a crafted link or command line from costing minutes. The checker's data carries it, so
    /// `explain` and the checker refuse the same questions in the same words.
    package static let mostHoldings = 100

    /// Why a question naming too many is refused, `{count}` standing for how many it names: the
    /// checker's data carries the words, so both say the same.
    package static let tooManyHoldingsMessage =
        "{count} are named; a question names at most \(mostHoldings) other subscriptions"

    package static func tooManyHoldings(_ count: Int) -> String {
        tooManyHoldingsMessage.replacing("{count}", with: String(count))
    }
}
