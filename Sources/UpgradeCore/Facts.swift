/// What the rules look at, worked out once per request: the catalogue's structure around the two
/// offers (paths, variants, services, holdings). The policy, which of these block or advise and
/// in what words, is the model's (`ConditionLogic`, `MessageTemplate`); the checker works out the
/// same facts in the browser and reads the policy from its data.
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
        Self.point(
            listedPath: catalog.hasPath(from: request.from.id, to: request.to.id),
            regionalVariantPath: counterpart != nil, active: request.status == .active,
            holdsTarget: !targetHoldings.isEmpty, holdsAddedService: !overlappingHoldings.isEmpty,
            otherChannelConflict: !otherChannelHoldings.isEmpty, targetAddsServices: !addedServices.isEmpty,
            withdrawn: Self.isWithdrawn(request.from, asOf: request.asOf, in: catalog), logic: catalog.logic)
    }

    /// The target's variant in the source's region, when a path leads there and the target is not it.
    static func counterpart(from: Offer, to: Offer, in catalog: Catalog) -> Offer? {
        guard from.region != to.region, let variant = catalog.variant(of: to, in: from.region), variant.id != to.id,
            catalog.hasPath(from: from.id, to: variant.id)
        else { return nil }
        return variant
    }

    static func isWithdrawn(_ source: Offer, asOf: CalendarDate, in catalog: Catalog) -> Bool {
        catalog.program(source.program)?.withdrawnFrom.map { asOf >= $0 } ?? false
    }

    /// Every condition, the verdict included, which follows from the others.
    static func point(
        listedPath: Bool, regionalVariantPath: Bool, active: Bool, holdsTarget: Bool,
        holdsAddedService: Bool, otherChannelConflict: Bool, targetAddsServices: Bool,
        withdrawn: Bool, logic: ConditionLogic
    ) -> ConditionPoint {
        var point = ConditionPoint()
        point.listedPath = listedPath
        point.regionalVariantPath = regionalVariantPath
        point.active = active
        point.holdsTarget = holdsTarget
        point.holdsAddedService = holdsAddedService
        point.otherChannelConflict = otherChannelConflict
        point.targetAddsServices = targetAddsServices
        point.withdrawn = withdrawn
        point.verdict = logic.verdict(at: point)
        return point
    }

    /// Blocking holdings bought through another channel, each once, in the order given.
    var otherChannelHoldings: [Holding] {
        var seen = Set<OfferID>()
        return (targetHoldings + overlappingHoldings.map(\.holding))
            .filter { $0.channel == .other && seen.insert($0.offer.id).inserted }
    }

    /// The facts a message can name. `FactValue.vocabulary` lists every name used here.
    var values: FactValue {
        .record([
            "from": offer(request.from), "to": offer(request.to), "status": .text(request.status.rawValue),
            "asOf": .text(request.asOf.description), "counterpart": counterpart.map(offer) ?? .absent,
            "addedServices": names(addedServices.sorted()),
            "targetHolding": targetHoldings.first.map(holding) ?? .absent,
            "overlappingHoldings": .list(
                overlappingHoldings.map { overlap in
                    guard case .record(var fields) = holding(overlap.holding) else { return .absent }
                    fields["services"] = names(overlap.services)
                    return .record(fields)
                }),
            "otherChannelHoldings": .list(otherChannelHoldings.map(holding)),
        ])
    }

    private func offer(_ offer: Offer) -> FactValue {
        let program = catalog.program(offer.program)
        return .record([
            "id": .text(offer.id.rawValue), "name": .text(offer.name),
            "hasUpgrades": .flag(!catalog.paths(from: offer.id).isEmpty),
            "program": .record([
                "id": .text(offer.program.rawValue), "name": .text(program?.name ?? offer.program.rawValue),
                "withdrawnFrom": program?.withdrawnFrom.map { .text($0.description) } ?? .absent,
                "withdrawalNote": program?.withdrawalNote.map(FactValue.text) ?? .absent,
            ]),
            "region": offer.region.map {
                .record(["id": .text($0.rawValue), "name": .text(catalog.region($0)?.name ?? $0.rawValue)])
            }
                ?? .absent,
        ])
    }

    private func holding(_ holding: Holding) -> FactValue {
        .record(["offer": offer(holding.offer), "otherChannel": .flag(holding.channel == .other)])
    }

    private func names(_ services: [ServiceID]) -> FactValue {
        .list(catalog.serviceNames(services).map(FactValue.text))
    }
}

extension FactValue {
    /// Every name a request's facts have, at any depth, and `@first` inside a list: a message
    /// that names anything else has a typo.
    package static let vocabulary: Set<String> = [
        "from", "to", "status", "asOf", "counterpart", "addedServices", "targetHolding", "overlappingHoldings",
        "otherChannelHoldings", "id", "name", "hasUpgrades", "program", "withdrawnFrom", "withdrawalNote", "region", "offer",
        "otherChannel", "services", "@first",
    ]
}

extension [String] {
    /// "A", "A and B", "A, B and C".
    package var joinedAsList: String {
        switch count {
        case 0: ""
        case 1: self[0]
        default: dropLast().joined(separator: ", ") + " and " + last!
        }
    }
}
