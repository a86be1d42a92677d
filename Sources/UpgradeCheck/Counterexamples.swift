import UpgradeCore

/// Concrete requests over the catalog, one for each point of the condition
/// space they reach, so an abstract finding can be shown as a command to run.
public struct Counterexamples: Sendable {
    /// Each point reached, with the first request (in catalog order) that reaches it.
    public let reached: [(point: ConditionPoint, request: Request)]

    public init(catalog: Catalog, asOf: CalendarDate) {
        let core = RuleCore(catalog: catalog)
        // The as-of date, and for each withdrawal one day on its other side: every date
        // the conditions can tell apart, and no more.
        var dates = [asOf]
        for program in catalog.programs {
            guard let withdrawn = program.withdrawnFrom else { continue }
            let other = asOf >= withdrawn ? CalendarDate(year: withdrawn.year - 1, month: withdrawn.month, day: 1)! : withdrawn
            if !dates.contains(other) { dates.append(other) }
        }
        var holdings: [[Holding]] = [[]]
        for offer in catalog.offers {
            holdings += [[Holding(offer: offer, channel: .partner)], [Holding(offer: offer, channel: .other)]]
        }
        var seen = Set<[String]>()
        var reached: [(ConditionPoint, Request)] = []
        for from in catalog.offers {
            for to in catalog.offers {
                for status in [SubscriptionStatus.active, .suspended] {
                    for held in holdings {
                        for date in dates {
                            let request = Request(from: from, to: to, status: status, holdings: held, asOf: date)
                            let point = core.conditions(for: request)
                            let key = Condition.allCases.map { point[$0] ?? "" }
                            if seen.insert(key).inserted { reached.append((point, request)) }
                        }
                    }
                }
            }
        }
        self.reached = reached
    }

    /// The first request that falls on `point` in every condition the point names.
    public func request(reaching point: ConditionPoint) -> Request? {
        reached.first { candidate in point.allSatisfy { candidate.point[$0.key] == $0.value } }?.request
    }

    /// `upgradedocs explain …` for the request, ready to paste.
    public static func command(for request: Request) -> String {
        var words = ["upgradedocs explain", "--from \(request.from.id)", "--to \(request.to.id)"]
        if request.status != .active { words.append("--status \(request.status.rawValue)") }
        for holding in request.holdings {
            words.append("--holds \(holding.offer.id)" + (holding.channel == .other ? "@other" : ""))
        }
        words.append("--as-of \(request.asOf)")
        return words.joined(separator: " ")
    }
}
