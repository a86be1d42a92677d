public enum SubscriptionStatus: String, CaseIterable, Sendable {
    case active, suspended, canceled, deleted
}

/// Where the customer bought a subscription.
public enum Channel: String, CaseIterable, Sendable {
    /// Through this partner.
    case partner
    /// Through another partner or another channel (multichannel).
    case other
}

/// Another subscription the customer already has.
public struct Holding: Hashable, Sendable {
    public let offer: Offer
    public let channel: Channel

    public init(offer: Offer, channel: Channel = .partner) {
        self.offer = offer
        self.channel = channel
    }
}

/// One question for the rule core: may this subscription move from one offer to another?
public struct Request: Hashable, Sendable {
    public let from: Offer
    public let to: Offer
    public let status: SubscriptionStatus
    public let holdings: [Holding]
    public let asOf: CalendarDate

    public init(from: Offer, to: Offer, status: SubscriptionStatus = .active,
                holdings: [Holding] = [], asOf: CalendarDate) {
        self.from = from
        self.to = to
        self.status = status
        self.holdings = holdings
        self.asOf = asOf
    }
}
