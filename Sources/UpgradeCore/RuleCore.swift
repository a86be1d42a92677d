/// Decides upgrade requests. Pure: the same catalog and request always give
/// the same decision, and nothing is read from the clock or the disk.
public struct RuleCore: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    public func decide(_ request: Request) -> Decision {
        let facts = Facts(request: request, catalog: catalog)
        let point = facts.conditions
        // The catalogue has a rule for every code (it refuses to be made otherwise), so no reason is lost here.
        let fired = ConditionLogic.reasons(at: point)
        let reasons = catalog.rules.filter { fired.contains($0.code) }.map { rule in
            Reason(code: rule.code, rule: rule.id, message: facts.message(for: rule.code))
        }
        return Decision(request: request, reasons: reasons,
                        advisories: ConditionLogic.advisories(at: point).flatMap(facts.advisories))
    }

    /// The values of every condition for a request: the point of the condition
    /// space it falls on.
    public func conditions(for request: Request) -> ConditionPoint {
        Facts(request: request, catalog: catalog).conditions
    }
}

/// What the rules look at, worked out once per request.
struct Facts {
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
        counterpart = Self.counterpart(from: from, to: to, in: catalog)
        let added = Set(to.services).subtracting(from.services)
        addedServices = added
        targetHoldings = request.holdings.filter { $0.offer.id == to.id }
        overlappingHoldings = request.holdings.compactMap { holding in
            guard holding.offer.id != to.id else { return nil }
            let overlap = added.intersection(holding.offer.services).sorted()
            return overlap.isEmpty ? nil : (holding, overlap)
        }
    }

    /// Every condition of the request.
    var conditions: ConditionPoint {
        Self.point(listedPath: catalog.hasPath(from: request.from.id, to: request.to.id),
                   regionalVariantPath: counterpart != nil, active: request.status == .active,
                   holdsTarget: !targetHoldings.isEmpty, holdsAddedService: !overlappingHoldings.isEmpty,
                   otherChannelConflict: !otherChannelHoldings.isEmpty, targetAddsServices: !addedServices.isEmpty,
                   withdrawn: Self.isWithdrawn(request.from, asOf: request.asOf, in: catalog))
    }

    /// The target's variant in the source's region, when a path leads there and the target is not it.
    static func counterpart(from: Offer, to: Offer, in catalog: Catalog) -> Offer? {
        guard from.region != to.region, let variant = catalog.variant(of: to, in: from.region), variant.id != to.id,
              catalog.hasPath(from: from.id, to: variant.id) else { return nil }
        return variant
    }

    static func isWithdrawn(_ source: Offer, asOf: CalendarDate, in catalog: Catalog) -> Bool {
        catalog.program(source.program)?.withdrawnFrom.map { asOf >= $0 } ?? false
    }

    /// Every condition, the verdict included, which follows from the others.
    static func point(listedPath: Bool, regionalVariantPath: Bool, active: Bool, holdsTarget: Bool,
                      holdsAddedService: Bool, otherChannelConflict: Bool, targetAddsServices: Bool,
                      withdrawn: Bool) -> ConditionPoint {
        var point = ConditionPoint()
        point.listedPath = listedPath
        point.regionalVariantPath = regionalVariantPath
        point.active = active
        point.holdsTarget = holdsTarget
        point.holdsAddedService = holdsAddedService
        point.otherChannelConflict = otherChannelConflict
        point.targetAddsServices = targetAddsServices
        point.withdrawn = withdrawn
        point.verdict = ConditionLogic.verdict(at: point)
        return point
    }

    /// Blocking holdings bought through another channel, each once, in the order given.
    var otherChannelHoldings: [Holding] {
        var seen = Set<OfferID>()
        return (targetHoldings + overlappingHoldings.map(\.holding))
            .filter { $0.channel == .other && seen.insert($0.offer.id).inserted }
    }

    /// The wording of a reason that `ConditionLogic` says applies.
    func message(for code: ReasonCode) -> String {
        let from = request.from, to = request.to
        switch code {
        case .pathNotSupported:
            let program = catalog.program(from.program)?.name ?? from.program.rawValue
            return "\(from.name) has no listed upgrade path to \(to.name) in the \(program) program."
        case .regionMismatch:
            let counterpart = counterpart?.name ?? "its own region's variant"
            return "\(from.name) is sold in \(regionName(from.region)); it can be upgraded to "
                + "\(counterpart), not to \(to.name), which is sold in \(regionName(to.region))."
        case .subscriptionNotActive:
            return "The subscription is \(request.status.rawValue); only an active subscription can be upgraded."
        case .alreadyOwnsTarget:
            let channel = targetHoldings.first?.channel ?? .partner
            return "The customer already has \(to.name)\(channelPhrase(channel))."
        case .ownsIncludedServices:
            let parts = overlappingHoldings.map { holding, services in
                "\(holding.offer.name)\(channelPhrase(holding.channel)) already includes "
                    + catalog.serviceNames(services).joinedAsList
            }
            return parts.joined(separator: "; ") + ", which \(to.name) would add."
        }
    }

    /// The wording of the advice `ConditionLogic` gives; channel advice comes once per holding.
    func advisories(_ code: AdvisoryCode) -> [Advisory] {
        switch code {
        case .useRegionalVariant:
            guard let counterpart else { return [] }
            // "the global variant", not "the the global market variant".
            let region = counterpart.region.map { "the " + regionName($0) } ?? "the global"
            return [Advisory(code: code, message: "Upgrade to \(counterpart.name) (\(counterpart.id)) instead: it is "
                                 + "\(region) variant of \(request.to.name).", offer: counterpart.id)]
        case .cancelOtherChannelFirst:
            return otherChannelHoldings.map { holding in
                Advisory(code: code, message: "\(holding.offer.name) was bought through another partner or channel: the "
                             + "customer must cancel it there before buying \(request.to.name) from you.",
                         offer: holding.offer.id)
            }
        case .accountTransition:
            return [Advisory(code: code, message: "\(request.to.name) adds \(catalog.serviceNames(addedServices.sorted()).joinedAsList). "
                                 + "Some user accounts may need extra work to move to them; Partner Center lists "
                                 + "the accounts and services affected after the upgrade.", offer: nil)]
        case .legacyWithdrawn:
            guard let program = catalog.program(request.from.program), let withdrawn = program.withdrawnFrom else { return [] }
            return [Advisory(code: code, message: program.withdrawalNote
                                 ?? "Since \(withdrawn), most \(program.name) upgrade options have been withdrawn.",
                             offer: nil)]
        }
    }

    private func regionName(_ id: RegionID?) -> String {
        guard let id else { return "the global market" }
        return catalog.region(id)?.name ?? id.rawValue
    }

    private func channelPhrase(_ channel: Channel) -> String {
        channel == .other ? " (bought through another partner or channel)" : ""
    }
}

extension [String] {
    /// "A", "A and B", "A, B and C".
    public var joinedAsList: String {
        switch count {
        case 0: ""
        case 1: self[0]
        default: dropLast().joined(separator: ", ") + " and " + last!
        }
    }
}
