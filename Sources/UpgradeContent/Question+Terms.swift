import UpgradeCore

extension Question.Terms {
    /// The most seats a question may name: far above any real subscription, and a bound that keeps
    /// a crafted number from meaning nothing.
    package static let mostSeats = 1_000_000

    /// The commitment the parts say, or nil with every problem found added to `problems`.
    /// A migration's seats are the seats the new subscription is to have (`--seats N`), which may be
    /// more or fewer than those held (`--of M`, optional).
    func commitment(asOf: CalendarDate, migrating: Bool = false, problems: inout [Question.Problem]) -> Commitment? {
        let before = problems.count
        func problem(_ part: Question.Part, _ message: String) {
            problems.append(Question.Problem(part: part, message: message))
        }
        func choice<Value: RawRepresentable & CaseIterable>(_ text: String?, _ part: Question.Part, what: String) -> Value?
        where Value.RawValue == String { Question.choice(text, part, what: what, problems: &problems) }
        func date(_ text: String?, _ part: Question.Part) -> CalendarDate? {
            guard let text else { return nil }
            let day = CalendarDate(iso: text)
            if day == nil {
                problem(
                    part,
                    "'\(text)' is not a valid date; write YYYY-MM-DD, from \(CalendarDate.earliest) to "
                        + "\(CalendarDate.latest)")
            }
            return day
        }
        func count(_ text: String?, _ part: Question.Part) -> Int? {
            guard let text else { return nil }
            guard let number = Int(text), (1...Self.mostSeats).contains(number), text.allSatisfy(\.isASCII) else {
                problem(part, "'\(text)' is not a number of seats from 1 to \(Self.mostSeats)")
                return nil
            }
            return number
        }
        var renews = true
        switch autoRenew?.lowercased() {
        case nil, "on": break
        case "off": renews = false
        default: problem(.autoRenew, "auto-renew is on or off, not '\(autoRenew ?? "")'")
        }
        let term: Term? = choice(self.term, .term, what: "term")
        let billing: Billing? = choice(self.billing, .billing, what: "billing")
        let toTerm: Term? = choice(self.toTerm, .toTerm, what: "term")
        let toBilling: Billing? = choice(self.toBilling, .toBilling, what: "billing")
        let timing: Timing? = choice(when, .when, what: "timing")
        let moved = count(seats, .seats), held = count(of, .of)
        var seatCount: Seats?
        switch (moved, held, seats, of) {
        case (let moved?, _, _, _) where migrating:
            seatCount = Seats(moved: moved, held: held ?? moved)
        case (nil, _, nil, _?) where migrating:
            problem(.seats, "give the seats the new subscription is to have: --seats N")
        case (let moved?, let held?, _, _):
            if moved > held {
                problem(.seats, "\(moved) seats cannot move from a subscription of \(held); move at most \(held), then add seats")
            } else {
                seatCount = Seats(moved: moved, held: held)
            }
        case (_, nil, _?, nil): problem(.of, "give the seats held with the seats moved: --seats N --of M")
        case (nil, _, nil, _?): problem(.seats, "give the seats moved with the seats held: --seats N --of M")
        default: break
        }
        let ends = date(self.ends, .ends)
        if let ends, ends < asOf { problem(.ends, "the source's term ends on \(ends), before the day asked about (\(asOf))") }
        let destinationStatus: SubscriptionStatus? = choice(destStatus, .destStatus, what: "status")
        let destinationTerm: Term? = choice(destTerm, .destTerm, what: "term")
        let destinationEnds = date(destEnds, .destEnds)
        guard problems.count == before else { return nil }
        var commitment = Commitment(
            asOf: asOf, trial: trial, autoRenew: renews, term: term ?? .year, billing: billing ?? .monthly,
            toTerm: toTerm, toBilling: toBilling, timing: timing ?? .now, seats: seatCount, ends: ends)
        if destStatus != nil || destTerm != nil || destEnds != nil || destInWindow {
            // An existing subscription the question says little of is taken to match the source.
            commitment.destination = Destination(
                status: destinationStatus ?? .active, term: destinationTerm ?? commitment.term,
                ends: destinationEnds ?? commitment.ends, inCancellationWindow: destInWindow)
        }
        return commitment
    }
}

extension Question.MigrationParts {
    /// The migration's terms the parts say, or nil with every problem found added to `problems`.
    func terms(asOf: CalendarDate, problems: inout [Question.Problem]) -> MigrationTerms? {
        let before = problems.count
        func problem(_ part: Question.Part, _ message: String) {
            problems.append(Question.Problem(part: part, message: message))
        }
        func choice<Value: RawRepresentable & CaseIterable>(_ text: String?, _ part: Question.Part, what: String) -> Value?
        where Value.RawValue == String { Question.choice(text, part, what: what, problems: &problems) }
        var day: CalendarDate?
        if let started {
            day = CalendarDate(iso: started)
            if day == nil {
                problem(
                    .started,
                    "'\(started)' is not a valid date; write YYYY-MM-DD, from \(CalendarDate.earliest) to \(CalendarDate.latest)")
            } else if let found = day, asOf < found {
                problem(.started, "the subscription starts on \(found), after the day asked about (\(asOf))")
            }
        }
        let segment: Segment? = choice(self.segment, .segment, what: "segment")
        let addOns: AddOns? = choice(self.addOns, .addOns, what: "add-ons")
        guard problems.count == before else { return nil }
        return MigrationTerms(
            started: day, newTerm: newTerm, promotion: promotion, segment: segment ?? .commercial,
            addOns: addOns ?? AddOns.none, inProgress: inProgress)
    }
}

extension Question {
    /// One of a fixed set of words, in any case; a problem naming them all where it is none.
    static func choice<Value: RawRepresentable & CaseIterable>(
        _ text: String?, _ part: Part, what: String, problems: inout [Problem]
    ) -> Value? where Value.RawValue == String {
        guard let text else { return nil }
        let value = Value.allCases.first { $0.rawValue.lowercased() == text.lowercased() }
        if value == nil {
            problems.append(
                Problem(
                    part: part,
                    message: "unknown \(what) '\(text)'; use one of " + Value.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        return value
    }
}
