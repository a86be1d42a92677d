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
    /// Requests in a row that reach no new point before the search stops: by then a
    /// large catalogue has shown every point its pairs reach, and the rest repeat them.
    static let patience = 20_000

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
        // Listed pairs first, where the conditions vary most, then every other pair.
        let listed = catalog.paths.compactMap { path in
            catalog.offer(path.from).flatMap { from in
                catalog.offer(path.to).map { (from, $0) }
            }
        }
        let listedKeys = Set(catalog.paths.map { "\($0.from)>\($0.to)" })
        // Lazily: a catalogue of thousands of offers has millions of pairs, and the budget stops long before.
        let others = catalog.offers.lazy.flatMap { from in
            catalog.offers.lazy.filter { !listedKeys.contains("\(from.id)>\($0.id)") }.map { (from, $0) }
        }
        var seen = Set<ConditionPoint>()
        var reached: [(ConditionPoint, Request)] = []
        var tried = 0, lastNew = 0
        func tryPair(_ from: Offer, _ to: Offer) -> Bool {
            for held in Self.holdings(from: from, to: to, in: catalog) {
                for status in [SubscriptionStatus.active, .suspended] {
                    for date in dates {
                        let request = Request(from: from, to: to, status: status, holdings: held, asOf: date)
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
            return true
        }
        _ = listed.allSatisfy(tryPair) && others.allSatisfy(tryPair)
        self.reached = reached
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
        var words = ["upgradedocs explain", "--from \(request.from.id)", "--to \(request.to.id)"]
        if request.status != .active { words.append("--status \(request.status.rawValue)") }
        for holding in request.holdings {
            words.append("--holds \(holding.offer.id)" + (holding.channel == .other ? "@other" : ""))
        }
        words.append("--as-of \(request.asOf)")
        return words.joined(separator: " ")
    }
}
