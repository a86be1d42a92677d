import UpgradeBase
import UpgradeCore

/// Concrete requests over the catalog, one for each point of the condition
/// space they reach, so an abstract finding can be shown as a command to run.
/// Every pair of offers is tried with a few telling holdings, both statuses and
/// the dates either side of a withdrawal, within a fixed budget of requests.
package struct Counterexamples: Sendable {
    /// Each point reached, with the first request (in catalog order) that reaches it.
    package let reached: [(point: ConditionPoint, request: Request)]

    /// Requests tried at most: enough for every point the seed catalogue reaches many
    /// times over, and a bound that keeps a catalogue of thousands of offers quick.
    static let budget = 250_000
    /// Requests in a row that reach no new point before the search stops: by then a large
    /// catalogue has shown every point its pairs reach, and the rest repeat them. At 5,000 the
    /// reference and fixture models reach the same points as at 20,000, in a quarter of the time.
    static let patience = 5_000

    /// The search for a model read from files (`model` is its digest), done once per process and
    /// date: the table checks and the test vectors of one build both need it. A model made in
    /// code (no digest) is searched each time.
    package static func of(_ catalog: Catalog, model: String?, asOf: CalendarDate) -> Counterexamples {
        guard let model else { return Counterexamples(catalog: catalog, asOf: asOf) }
        let key = model + " " + asOf.description
        let search = searches.withLock { searches in
            if let running = searches[key] { return running }
            let started = Eventually { Counterexamples(catalog: catalog, asOf: asOf) }
            // A long `serve` sees many models; only the latest few are worth keeping.
            if searches.count >= 4 { searches.removeAll() }
            searches[key] = started
            return started
        }
        return search.value
    }

    private static let searches = Locked<[String: Eventually<Counterexamples>]>([:])

    package init(catalog: Catalog, asOf: CalendarDate) {
        let core = RuleCore(catalog: catalog)
        // The as-of date, and for each withdrawal one day on its other side: every date
        // the conditions can tell apart, and no more.
        var dates = [asOf]
        for program in catalog.programs {
            guard let withdrawn = program.withdrawnFrom else { continue }
            let other = asOf >= withdrawn ? CalendarDate(year: withdrawn.year - 1, month: withdrawn.month, day: 1)! : withdrawn
            if !dates.contains(other) { dates.append(other) }
        }
        var reached: [(ConditionPoint, Request)] = []
        // Each program is searched on its own budget: one program's repeats must not end another's search.
        for program in catalog.programs {
            let sources = catalog.offers(in: program.id)
            let commitments = Self.commitments(for: catalog.logic(for: program.id), asOf: asOf)
            // Listed pairs first, where the conditions vary most, then every other pair.
            let listed = catalog.paths.compactMap { path -> (Offer, Offer)? in
                guard let from = catalog.offer(path.from), from.program == program.id, let to = catalog.offer(path.to)
                else { return nil }
                return (from, to)
            }
            let listedKeys = Set(listed.map { "\($0.0.id)>\($0.1.id)" })
            // Lazily: a catalogue of thousands of offers has millions of pairs, and the budget stops long before.
            let others = sources.lazy.flatMap { from in
                catalog.offers.lazy.filter { !listedKeys.contains("\(from.id)>\($0.id)") }.map { (from, $0) }
            }
            var seen = Set<ConditionPoint>()
            var tried = 0, lastNew = 0
            let logic = catalog.logic(for: program.id)
            // Only the dates this program's withdrawal tells apart, and only the holdings its rules look at.
            let programDates = dates.filter { $0 == asOf || program.withdrawnFrom != nil }
            let servicesMatter = logic.conditions.contains(.holdsAddedService)
            func tryPair(_ from: Offer, _ to: Offer) -> Bool {
                // A target of another program is never a listed path: the plain question is enough.
                let across = from.program != to.program
                let holdings =
                    across
                    ? [[]]
                    : servicesMatter
                        ? Self.holdings(from: from, to: to, in: catalog)
                        : [[]]
                            + Channel.allCases.filter { $0 == .other || logic.conditions.contains(.holdsTarget) }
                            .map { [Holding(offer: to, channel: $0)] }
                for held in holdings {
                    for status in [SubscriptionStatus.active, .suspended] {
                        for date in programDates {
                            for commitment in across ? [commitments[0]] : commitments {
                                let request = Request(
                                    from: from, to: to, status: status, holdings: held, asOf: date,
                                    commitment: commitment(date))
                                let point = core.conditions(for: request)
                                if seen.insert(point).inserted {
                                    reached.append((point, request))
                                    lastNew = tried
                                }
                                tried += 1
                                if tried >= Self.budget || tried - lastNew >= Self.patience { return false }
                            }
                        }
                    }
                }
                return true
            }
            _ = listed.allSatisfy(tryPair) && others.allSatisfy(tryPair)
        }
        reached += Self.migrations(in: catalog, core: core, asOf: asOf)
        self.reached = reached
    }

    /// The migrations worth trying, from every offer of a program that migrates: each telling case
    /// alone and a few together, both statuses, and the days either side of Microsoft's own
    /// migration's start.
    static func migrations(in catalog: Catalog, core: RuleCore, asOf: CalendarDate) -> [(ConditionPoint, Request)] {
        var reached: [(ConditionPoint, Request)] = [], seen = Set<ConditionPoint>()
        for program in catalog.programs {
            guard let route = program.migration else { continue }
            var dates = [asOf]
            if let led = route.microsoftLedFrom, let other = asOf >= led ? led.previousDay : led { dates.append(other) }
            for source in catalog.offers(in: program.id) {
                for status in [SubscriptionStatus.active, .suspended] {
                    for date in dates {
                        for (commitment, terms) in MigrationTerms.tellingCases(asOf: date) {
                            let asked = Request(from: source, to: source, status: status, asOf: date, commitment: commitment)
                            let request = core.migration(of: asked, terms: terms)
                            let point = core.conditions(for: request)
                            if seen.insert(point).inserted { reached.append((point, request)) }
                        }
                    }
                }
            }
        }
        return reached
    }

    /// The commitments worth trying: the default alone where the rule set reads none of them;
    /// else one telling case for each condition of a commitment, and a few together.
    static func commitments(for logic: ConditionLogic, asOf: CalendarDate) -> [(CalendarDate) -> Commitment] {
        guard logic.readsCommitment else { return [{ Commitment(asOf: $0) }] }
        func destination(_ status: SubscriptionStatus = .active, term: Term = .year, months: Int = 12, window: Bool = false)
            -> (CalendarDate) -> Destination
        {
            { Destination(status: status, term: term, ends: $0.adding(months: months), inCancellationWindow: window) }
        }
        return [
            { Commitment(asOf: $0) },
            { Commitment(asOf: $0, trial: true) },
            { Commitment(asOf: $0, trial: true, seats: Seats(moved: 10, held: 25)) },
            { Commitment(asOf: $0, autoRenew: false, timing: .renewal) },
            { Commitment(asOf: $0, timing: .renewal) },
            { Commitment(asOf: $0, toTerm: .month) },
            { Commitment(asOf: $0, term: .month, toTerm: .year) },
            { Commitment(asOf: $0, term: .month, billing: .monthly, toTerm: .month, toBilling: .annual) },
            { Commitment(asOf: $0, toTerm: .threeYears, toBilling: .triennial) },
            { Commitment(asOf: $0, seats: Seats(moved: 5, held: 10)) },
            { Commitment(asOf: $0, seats: Seats(moved: 400, held: 400)) },
            { Commitment(asOf: $0, destination: destination()($0)) },
            { Commitment(asOf: $0, seats: Seats(moved: 5, held: 10), destination: destination()($0)) },
            { Commitment(asOf: $0, destination: destination(.suspended)($0)) },
            { Commitment(asOf: $0, destination: destination(window: true)($0)) },
            { Commitment(asOf: $0, destination: destination(term: .month, months: 1)($0)) },
            { Commitment(asOf: $0, timing: .renewal, destination: destination()($0)) },
            {
                Commitment(
                    asOf: $0, autoRenew: false, toTerm: .month, timing: .renewal,
                    destination: destination(.suspended, window: true)($0))
            },
        ]
    }

    /// The holdings worth trying for a pair: none; the target itself; and a few other
    /// offers that do, and that do not, include a service the target adds. Each through
    /// this partner and through another channel.
    static func holdings(from: Offer, to: Offer, in catalog: Catalog) -> [[Holding]] {
        let added = Set(to.services).subtracting(from.services)
        let others = catalog.offers.lazy.filter { $0.id != to.id }
        let overlapping = others.filter { !added.isDisjoint(with: $0.services) }.prefix(3)
        let apart = others.filter { added.isDisjoint(with: $0.services) }.prefix(2)
        let offers = [to] + Array(overlapping) + Array(apart)
        return [[]] + offers.flatMap { offer in [Channel.partner, .other].map { [Holding(offer: offer, channel: $0)] } }
    }

    /// The first request that falls on `point` in every condition the point names.
    package func request(reaching point: ConditionPoint) -> Request? {
        reached.first { candidate in candidate.point.matches(point.cells) }?.request
    }

    /// `upgradedocs explain …` for the request, ready to paste.
    package static func command(for request: Request) -> String {
        var words = ["upgradedocs explain", "--from \(request.from.id)"]
        words.append(request.migration == nil ? "--to \(request.to.id)" : "--migrate")
        if request.status != .active { words.append("--status \(request.status.rawValue)") }
        for holding in request.holdings {
            words.append("--holds \(holding.offer.id)" + (holding.channel == .other ? "@other" : ""))
        }
        words.append("--as-of \(request.asOf)")
        return (words + commitmentFlags(request)).joined(separator: " ")
    }

    /// The flags that say what the request says of its commitment, where it is not the default.
    static func commitmentFlags(_ request: Request) -> [String] {
        let given = request.commitment, plain = Commitment(asOf: request.asOf, term: given.term, billing: given.billing)
        var words: [String] = []
        if given.trial { words.append("--trial") }
        if !given.autoRenew { words.append("--auto-renew off") }
        if given.term != .year { words.append("--term \(given.term.rawValue)") }
        if given.billing != .monthly { words.append("--billing \(given.billing.rawValue)") }
        if given.toTerm != plain.toTerm { words.append("--to-term \(given.toTerm.rawValue)") }
        if given.toBilling != plain.toBilling { words.append("--to-billing \(given.toBilling.rawValue)") }
        if given.timing != .now { words.append("--when \(given.timing.rawValue)") }
        if let seats = given.seats { words.append("--seats \(seats.moved) --of \(seats.held)") }
        if let terms = request.migration {
            if let started = terms.started { words.append("--started \(started)") }
            if terms.newTerm { words.append("--new-term") }
            if terms.promotion { words.append("--promotion") }
            if terms.segment != .commercial { words.append("--segment \(terms.segment.rawValue)") }
            if terms.addOns != .none { words.append("--add-ons \(terms.addOns.rawValue)") }
            if terms.inProgress { words.append("--in-progress") }
        }
        if given.ends != plain.ends { words.append("--ends \(given.ends)") }
        if let destination = given.destination {
            words.append("--dest-status \(destination.status.rawValue) --dest-term \(destination.term.rawValue)")
            words.append("--dest-ends \(destination.ends)")
            if destination.inCancellationWindow { words.append("--dest-in-window") }
        }
        return words
    }
}
