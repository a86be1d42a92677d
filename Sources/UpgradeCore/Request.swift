package enum SubscriptionStatus: String, CaseIterable, Sendable {
    case active, suspended, canceled, deleted
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

    package init(
        from: Offer, to: Offer, status: SubscriptionStatus = .active,
        holdings: [Holding] = [], asOf: CalendarDate
    ) {
        self.from = from
        self.to = to
        self.status = status
        self.holdings = holdings
        self.asOf = asOf
    }
}
