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

    /// Every condition of the request, in its program's condition space.
    var conditions: ConditionPoint {
        let logic = catalog.logic(for: request)
        if let terms = request.migration {
            var point = migrationConditions(terms).restricted(to: Set(logic.conditions))
            point.verdict = logic.verdict(at: point)
            return point
        }
        var point = Self.point(
            listedPath: catalog.hasPath(from: request.from.id, to: request.to.id),
            regionalVariantPath: counterpart != nil, active: request.status == .active,
            holdsTarget: !targetHoldings.isEmpty, holdsAddedService: !overlappingHoldings.isEmpty,
            otherChannelConflict: !otherChannelHoldings.isEmpty, targetAddsServices: !addedServices.isEmpty,
            withdrawn: Self.isWithdrawn(request.from, asOf: request.asOf, in: catalog), logic: logic)
        termConditions(into: &point)
        // The verdict follows from every condition, the commitment's too: worked out again here.
        point.verdict = nil
        point = point.restricted(to: Set(logic.conditions))
        point.verdict = logic.verdict(at: point)
        return point
    }

    /// The conditions of a program that sells by terms: what the request says of the source's
    /// commitment, the target's plans and an existing destination.
    private func termConditions(into point: inout ConditionPoint) {
        let commitment = request.commitment, from = request.from, to = request.to
        let trial = commitment.trial
        point.set(.trial, trial)
        // A trial converts to its own paid offer, or to any target its offer lists.
        if trial && from.id == to.id { point.listedPath = true }
        point.set(.targetEndOfSale, to.sale.endedForUpgrades(asOf: request.asOf))
        // A trial has no paid term to keep; the new subscription's term is chosen freely.
        point.set(.termShorter, !trial && commitment.toTerm < commitment.term)
        point.set(.billingExceedsTerm, commitment.toBilling.months > commitment.toTerm.months)
        point.set(.planOffered, to.sale.offers(Plan(term: commitment.toTerm, billing: commitment.toBilling)))
        point[.timing] = commitment.timing.rawValue
        point[.autoRenew] = commitment.autoRenew ? ConditionValue.on : ConditionValue.off
        let destination = commitment.destination
        point.set(.destination, destination != nil)
        point.set(.destinationInactive, destination.map { $0.status != .active } ?? false)
        point.set(.destinationInWindow, destination?.inCancellationWindow ?? false)
        point.set(.destinationTermShorter, destination.map { !trial && $0.term < commitment.term } ?? false)
        point.set(.destinationEndsEarlier, destination.map { $0.ends < commitment.ends } ?? false)
        point.set(.partial, commitment.isPartial)
        point.set(.overSeatLimit, to.sale.maxSeats.map { limit in (commitment.seats?.moved ?? 0) > limit } ?? false)
        point.set(.targetHeldElsewhere, targetHoldings.contains { $0.channel == .other })
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
            "commitment": commitmentValues,
            "migration": request.migration.map(migrationValues) ?? .absent,
        ])
    }

    /// What a program that sells by terms can word: the source's plan and seats, the target's plan,
    /// the timing, and the destination.
    private var commitmentValues: FactValue {
        let commitment = request.commitment
        func date(_ day: CalendarDate) -> FactValue { .text(day.description) }
        return .record([
            "trial": .flag(commitment.trial), "autoRenew": .flag(commitment.autoRenew),
            "term": .text(commitment.term.rawValue), "billing": .text(commitment.billing.rawValue),
            "toTerm": .text(commitment.toTerm.rawValue), "toBilling": .text(commitment.toBilling.rawValue),
            "when": .text(commitment.timing.rawValue), "ends": date(commitment.ends),
            "seats": commitment.seats.map { .text(String($0.moved)) } ?? .absent,
            "of": commitment.seats.map { .text(String($0.held)) } ?? .absent,
            "plans": .text(request.to.sale.plans.map(\.description).joined(separator: ", ")),
            "maxSeats": request.to.sale.maxSeats.map { .text(String($0)) } ?? .absent,
            "endOfSale": request.to.sale.endOfSale.map(date) ?? .absent,
            "destination": commitment.destination.map { destination in
                .record([
                    "status": .text(destination.status.rawValue), "term": .text(destination.term.rawValue),
                    "ends": date(destination.ends), "inWindow": .flag(destination.inCancellationWindow),
                ])
            } ?? .absent,
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
        "otherChannel", "services", "@first", "commitment", "trial", "autoRenew", "term", "billing", "toTerm",
        "toBilling", "when", "ends", "seats", "of", "plans", "maxSeats", "endOfSale", "destination", "inWindow",
        "migration", "started", "canMigrateFrom", "newTerm", "promotion", "segment", "addOns", "inProgress",
        "microsoftLedFrom", "mapping", "addOnProblem",
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
