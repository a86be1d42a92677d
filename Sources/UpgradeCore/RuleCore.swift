/// Decides upgrade requests. Pure: the same catalog and request always give
/// the same decision, and nothing is read from the clock or the disk.
public struct RuleCore: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    public func decide(_ request: Request) -> Decision {
        let facts = Facts(request: request, catalog: catalog)
        let reasons = catalog.rules.compactMap { rule in
            facts.message(for: rule.code).map { Reason(code: rule.code, rule: rule.id, message: $0) }
        }
        return Decision(request: request, reasons: reasons,
                        advisories: facts.advisories(eligible: reasons.isEmpty))
    }
}

/// What the rules look at, worked out once per request.
private struct Facts {
    let request: Request
    let catalog: Catalog
    /// The target's variant in the source's region, when the source should go there instead.
    let counterpart: Offer?
    /// Services the target adds over the source.
    let addedServices: Set<ServiceID>
    let targetHoldings: [Holding]
    /// Each other holding that already includes some of the added services, with those services.
    let overlappingHoldings: [(holding: Holding, services: [ServiceID])]

    init(request: Request, catalog: Catalog) {
        self.request = request
        self.catalog = catalog
        let from = request.from, to = request.to
        if from.region != to.region, let variant = catalog.variant(of: to, in: from.region),
           catalog.hasPath(from: from.id, to: variant.id) {
            counterpart = variant
        } else {
            counterpart = nil
        }
        let added = Set(to.services).subtracting(from.services)
        addedServices = added
        targetHoldings = request.holdings.filter { $0.offer.id == to.id }
        overlappingHoldings = request.holdings.compactMap { holding in
            guard holding.offer.id != to.id else { return nil }
            let overlap = added.intersection(holding.offer.services).sorted()
            return overlap.isEmpty ? nil : (holding, overlap)
        }
    }

    func message(for code: ReasonCode) -> String? {
        let from = request.from, to = request.to
        switch code {
        case .pathNotSupported:
            guard counterpart == nil, !catalog.hasPath(from: from.id, to: to.id) else { return nil }
            let program = catalog.program(from.program)?.name ?? from.program.rawValue
            return "\(from.name) has no listed upgrade path to \(to.name) in the \(program) program."
        case .regionMismatch:
            guard let counterpart else { return nil }
            return "\(from.name) is sold in \(regionName(from.region)); it can be upgraded to "
                + "\(counterpart.name), not to \(to.name), which is sold in \(regionName(to.region))."
        case .subscriptionNotActive:
            guard request.status != .active else { return nil }
            return "The subscription is \(request.status.rawValue); only an active subscription can be upgraded."
        case .alreadyOwnsTarget:
            guard let holding = targetHoldings.first else { return nil }
            return "The customer already has \(to.name)\(channelPhrase(holding.channel))."
        case .ownsIncludedServices:
            guard !overlappingHoldings.isEmpty else { return nil }
            let parts = overlappingHoldings.map { holding, services in
                "\(holding.offer.name)\(channelPhrase(holding.channel)) already includes "
                    + list(catalog.serviceNames(services))
            }
            return parts.joined(separator: "; ") + ", which \(to.name) would add."
        }
    }

    func advisories(eligible: Bool) -> [Advisory] {
        var advisories: [Advisory] = []
        if let counterpart {
            advisories.append(Advisory(
                code: .useRegionalVariant,
                message: "Upgrade to \(counterpart.name) (\(counterpart.id)) instead: it is the "
                    + "\(regionName(counterpart.region)) variant of \(request.to.name).",
                offer: counterpart.id))
        }
        let blocking = targetHoldings + overlappingHoldings.map(\.holding)
        var seen = Set<OfferID>()
        for holding in blocking where holding.channel == .other && seen.insert(holding.offer.id).inserted {
            advisories.append(Advisory(
                code: .cancelOtherChannelFirst,
                message: "\(holding.offer.name) was bought through another partner or channel: the "
                    + "customer must cancel it there before buying \(request.to.name) from you.",
                offer: holding.offer.id))
        }
        if eligible, !addedServices.isEmpty {
            advisories.append(Advisory(
                code: .accountTransition,
                message: "\(request.to.name) adds \(list(catalog.serviceNames(addedServices.sorted()))). "
                    + "Some user accounts may need extra work to move to them; Partner Center lists "
                    + "the accounts and services affected after the upgrade.",
                offer: nil))
        }
        if let program = catalog.program(request.from.program), let withdrawn = program.withdrawnFrom,
           request.asOf >= withdrawn {
            advisories.append(Advisory(
                code: .legacyWithdrawn,
                message: program.withdrawalNote
                    ?? "Since \(withdrawn), most \(program.name) upgrade options have been withdrawn.",
                offer: nil))
        }
        return advisories
    }

    private func regionName(_ id: RegionID?) -> String {
        guard let id else { return "the global market" }
        return catalog.region(id)?.name ?? id.rawValue
    }

    private func channelPhrase(_ channel: Channel) -> String {
        channel == .other ? " (bought through another partner or channel)" : ""
    }
}

/// "A", "A and B", "A, B and C".
func list(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
