/// A subscription term, as Partner Center writes it (ISO 8601 durations).
package enum Term: String, CaseIterable, Sendable, Comparable {
    case month = "P1M"
    case year = "P1Y"
    case threeYears = "P3Y"

    package var months: Int {
        switch self {
        case .month: 1
        case .year: 12
        case .threeYears: 36
        }
    }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.months < rhs.months }
}

/// How often a subscription is billed.
package enum Billing: String, CaseIterable, Sendable {
    case monthly, annual, triennial

    package var months: Int {
        switch self {
        case .monthly: 1
        case .annual: 12
        case .triennial: 36
        }
    }
}

/// A term and a billing frequency an offer is sold on.
package struct Plan: Hashable, Sendable {
    package let term: Term
    package let billing: Billing

    package init(term: Term, billing: Billing) {
        self.term = term
        self.billing = billing
    }

    /// Each plan once, shortest term first, then most frequent billing first.
    package static func catalogueOrder(_ plans: some Sequence<Plan>) -> [Plan] {
        Set(plans).sorted { ($0.term.months, $0.billing.months) < ($1.term.months, $1.billing.months) }
    }

    package var description: String { "\(term.rawValue)/\(billing.rawValue)" }
}

/// When an upgrade takes effect: at once, mid-term, or scheduled for the renewal.
package enum Timing: String, CaseIterable, Sendable {
    case now, renewal
}

/// Seats moved of seats held: a partial upgrade moves fewer than all.
package struct Seats: Hashable, Sendable {
    package let moved: Int
    package let held: Int

    package init(moved: Int, held: Int) {
        self.moved = moved
        self.held = held
    }
}

/// An existing subscription of the target that the seats are to join.
package struct Destination: Hashable, Sendable {
    package let status: SubscriptionStatus
    package let term: Term
    package let ends: CalendarDate
    package let inCancellationWindow: Bool

    package init(status: SubscriptionStatus, term: Term, ends: CalendarDate, inCancellationWindow: Bool) {
        self.status = status
        self.term = term
        self.ends = ends
        self.inCancellationWindow = inCancellationWindow
    }
}

/// What a request says about the source's commitment and how it is to move: the terms a
/// program with terms (new commerce) decides on. A program without them never reads it.
package struct Commitment: Hashable, Sendable {
    package let trial: Bool
    package let autoRenew: Bool
    package let term: Term
    package let billing: Billing
    package let toTerm: Term
    package let toBilling: Billing
    package let timing: Timing
    /// Seats moved, of seats held; nil moves them all, however many there are.
    package let seats: Seats?
    /// The day the source's term ends.
    package let ends: CalendarDate
    /// Settable after the rest: a question's destination defaults to matching the source's term and end.
    package var destination: Destination?

    /// The question with nothing said of the commitment: a paid, auto-renewing, annual subscription
    /// billed monthly, moved whole, now, on the same term, into a new subscription, its term ending
    /// one term after `asOf`.
    package init(
        asOf: CalendarDate, trial: Bool = false, autoRenew: Bool = true, term: Term = .year,
        billing: Billing = .monthly, toTerm: Term? = nil, toBilling: Billing? = nil, timing: Timing = .now,
        seats: Seats? = nil, ends: CalendarDate? = nil, destination: Destination? = nil
    ) {
        self.trial = trial
        self.autoRenew = autoRenew
        self.term = term
        self.billing = billing
        self.toTerm = toTerm ?? term
        self.toBilling = toBilling ?? billing
        self.timing = timing
        self.seats = seats
        self.ends = ends ?? asOf.adding(months: term.months)
        self.destination = destination
    }

    /// Fewer seats move than the source holds.
    package var isPartial: Bool { seats.map { $0.moved < $0.held } ?? false }
}

extension CalendarDate {
    /// The same day `months` later, or the month's last day where it is shorter; the latest day
    /// a date may name where that is past it.
    package func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (index / 12, index % 12 + 1)
        guard newYear <= 9999 else { return .latest }
        return CalendarDate(year: newYear, month: newMonth, day: min(day, Self.daysIn(month: newMonth, year: newYear)))!
    }
}
