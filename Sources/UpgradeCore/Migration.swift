/// The market segment a subscription was bought in: migration takes commercial subscriptions only
/// while the others have no new-commerce release (interpretation `migration-segments`).
package enum Segment: String, CaseIterable, Sendable {
    case commercial, education, government, nonprofit
}

/// The add-ons a legacy subscription has, as a migration sees them: they move with it as one
/// bundle, so one that cannot move keeps the whole bundle back.
package enum AddOns: String, CaseIterable, Sendable {
    /// No active add-ons.
    case none
    /// Active add-ons, each with an eligible new-commerce equivalent.
    case eligible
    /// At least one add-on has no equivalent or is not eligible.
    case ineligible
    /// At least one add-on was bought in the last 30 days.
    case recent
}

/// What a migration request says of the legacy subscription beyond its commitment (its term,
/// billing, seats, timing and term end travel in `Commitment`, as for an upgrade).
package struct MigrationTerms: Hashable, Sendable {
    /// The day the subscription started; nil says only that it is more than a month old.
    package let started: CalendarDate?
    /// The migration starts a new full term instead of keeping the legacy term's remaining days.
    package let newTerm: Bool
    /// An active promotion, or one it was first bought with.
    package let promotion: Bool
    package let segment: Segment
    package let addOns: AddOns
    /// A migration of it is already being processed.
    package let inProgress: Bool

    package init(
        started: CalendarDate? = nil, newTerm: Bool = false, promotion: Bool = false,
        segment: Segment = .commercial, addOns: AddOns = .none, inProgress: Bool = false
    ) {
        self.started = started
        self.newTerm = newTerm
        self.promotion = promotion
        self.segment = segment
        self.addOns = addOns
        self.inProgress = inProgress
    }

    /// The first day a subscription that started on `started` is more than a month old.
    package static func firstDayPastFirstMonth(after started: CalendarDate) -> CalendarDate {
        started.adding(months: 1).nextDay ?? .latest
    }

    /// One telling case for each condition of a migration, and a few together, the plain one first:
    /// what `check` searches for test vectors and `diff` asks of both models.
    package static func tellingCases(asOf day: CalendarDate) -> [(Commitment, MigrationTerms)] {
        let lastDay = day.nextDay ?? day, recently = day.previousDay ?? day
        return [
            (Commitment(asOf: day), MigrationTerms()),
            (Commitment(asOf: day, trial: true), MigrationTerms()),
            (Commitment(asOf: day), MigrationTerms(started: recently)),
            (Commitment(asOf: day, ends: lastDay), MigrationTerms()),
            (Commitment(asOf: day, ends: lastDay), MigrationTerms(newTerm: true)),
            (Commitment(asOf: day, timing: .renewal, ends: lastDay), MigrationTerms()),
            (Commitment(asOf: day), MigrationTerms(newTerm: true)),
            (Commitment(asOf: day), MigrationTerms(promotion: true)),
            (Commitment(asOf: day), MigrationTerms(segment: .education)),
            (Commitment(asOf: day), MigrationTerms(inProgress: true)),
            (Commitment(asOf: day), MigrationTerms(addOns: .eligible)),
            (Commitment(asOf: day), MigrationTerms(addOns: .ineligible)),
            (Commitment(asOf: day), MigrationTerms(addOns: .recent)),
            (Commitment(asOf: day, toTerm: .month, toBilling: .annual), MigrationTerms()),
            (Commitment(asOf: day, toTerm: .threeYears, toBilling: .triennial), MigrationTerms()),
            (Commitment(asOf: day, seats: Seats(moved: 400, held: 400)), MigrationTerms()),
            (Commitment(asOf: day, timing: .renewal), MigrationTerms(addOns: .eligible)),
            (Commitment(asOf: day, trial: true, timing: .renewal), MigrationTerms(promotion: true, addOns: .recent)),
            (
                Commitment(asOf: day, toTerm: .month, toBilling: .annual, seats: Seats(moved: 400, held: 400), ends: lastDay),
                MigrationTerms(started: recently, segment: .nonprofit, inProgress: true)
            ),
        ]
    }
}

/// How a program's subscriptions move to another program, when it says: the rules a migration is
/// decided by are the program's `migration` rule set; offers name their equivalent there.
package struct MigrationRoute: Hashable, Sendable {
    /// The program subscriptions move to.
    package let to: ProgramID
    /// From this day Microsoft itself migrates renewing subscriptions at their renewal.
    package let microsoftLedFrom: CalendarDate?
    /// Where the Microsoft-led migration is announced.
    package let microsoftLedSource: String?

    package init(to: ProgramID, microsoftLedFrom: CalendarDate? = nil, microsoftLedSource: String? = nil) {
        self.to = to
        self.microsoftLedFrom = microsoftLedFrom
        self.microsoftLedSource = microsoftLedSource
    }
}

extension CalendarDate {
    /// The day after, nil past the last day a date may name.
    package var nextDay: CalendarDate? {
        if day < Self.daysIn(month: month, year: year) { return CalendarDate(year: year, month: month, day: day + 1) }
        if month < 12 { return CalendarDate(year: year, month: month + 1, day: 1) }
        return CalendarDate(year: year + 1, month: 1, day: 1)
    }
}
