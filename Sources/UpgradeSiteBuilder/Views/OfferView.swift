import UpgradeBase
import UpgradeCore
import UpgradeSiteContract

/// One page per offer, and an index of them all: what the offer is called,
/// what it includes, where it can go, and which upgrades holding it blocks.
/// Services are published by display name, so rule UPG-5 can be applied by reading.
struct OfferView {
    let context: ViewContext
    let offer: Offer
    /// For each service, the offers an upgrade leads to (some path ends there) that include it, in content order.
    let targetsWith: [ServiceID: [Offer]]
    /// Whether an upgrade leads to this offer, so it is among `targetsWith` for each of its services.
    let isTarget: Bool

    /// The most offers a page names for one service; the rest are counted.
    static let namedTargets = 12

    static func pages(_ context: ViewContext) -> [Page] {
        let catalog = context.catalog
        let targets = Set(catalog.paths.map(\.to))
        // Holding an offer blocks upgrades into a program only where that program's rules read holdings.
        let blockable = Set(catalog.programs.map(\.id).filter { overlapRule(of: $0, in: catalog) != nil })
        var targetsWith: [ServiceID: [Offer]] = [:]
        for offer in catalog.offers where targets.contains(offer.id) && blockable.contains(offer.program) {
            for service in offer.services { targetsWith[service, default: []].append(offer) }
        }
        return [index(context)]
            + catalog.offers.map {
                OfferView(
                    context: context, offer: $0, targetsWith: targetsWith,
                    isTarget: targets.contains($0.id) && blockable.contains($0.program)
                ).page()
            }
    }

    /// Every offer with its region and services; the page's script filters the rows as you type.
    static func index(_ context: ViewContext) -> Page {
        let catalog = context.catalog
        let rows = catalog.offers.map { offer in
            Row([
                Cell(
                    [.link([.text(offer.name)], to: SitePaths.offer(offer.id), anchor: nil)], header: .row,
                    attributes: [Attribute(Markup.Data.offer, offer.id.rawValue)]),
                Cell(
                    [.code(offer.id.rawValue)]
                        + (offer.aliases.isEmpty ? [] : [.lineBreak, .text(offer.aliases.joined(separator: ", "))])
                        + offer.formerly.flatMap { [.lineBreak, .text("formerly \($0.name)")] }),
                Cell.text(offer.region.map { catalog.region($0)?.name ?? $0.rawValue } ?? "Global"),
                Cell.text(catalog.serviceNames(offer.services).joined(separator: ", ")),
            ])
        }
        let table = Table(
            caption: [.text("Every offer, with the names people use, its region and its services")],
            cssClass: "offer-index",
            head: [Row(["Offer", "Id and other names", "Region", "Services"].map { Cell.text($0, header: .col) })],
            body: rows)
        return Page(
            path: SitePaths.offers, kind: .offer, title: "Offers",
            summary: "Every offer the model knows: its official name, the other names people use, and what it includes.",
            facts: [context.asOfFact, Fact("Offers", [.text(String(catalog.offers.count))])],
            blocks: [
                .paragraph([
                    .text(
                        "Open an offer for its possible upgrades and the upgrades holding it blocks, "
                            + "or "), .htmlLink([.text("check an upgrade")], to: SitePaths.checker),
                    .text("."),
                ]),
                .table(table),
            ] + differentProducts(context))
    }

    /// "Microsoft 365 E3 is not Office 365 Enterprise E3: …", with its source.
    static func differentProduct(_ product: DifferentProduct, _ context: ViewContext) -> [Inline] {
        let name = context.catalog.offer(product.confusedWith)?.name ?? product.confusedWith.rawValue
        let offer: Inline = .link([.text(name)], to: SitePaths.offer(product.confusedWith), anchor: nil)
        let opening: [Inline] = [.strong([.text(product.name)]), .text(" is not "), offer]
        return opening + [.text(": \(product.differs) (source: ")] + context.cite(product.source) + [.text(").")]
    }

    /// The products people take for an offer here, which the site does not cover.
    static func differentProducts(_ context: ViewContext) -> [Block] {
        let products = context.catalog.differentProducts
        guard !products.isEmpty else { return [] }
        return [
            .heading(level: 2, [.text("Not on this site")], id: "different-products"),
            .paragraph([.text("These products are often taken for an offer above, but are different products:")]),
            .list(ordered: false, items: products.map { Self.differentProduct($0, context) }),
        ]
    }

    func page() -> Page {
        let catalog = context.catalog
        var facts = [
            Fact("Id", [.code(offer.id.rawValue)]),
            Fact(
                "Program",
                [
                    .link(
                        [.text(catalog.program(offer.program)?.name ?? offer.program.rawValue)],
                        to: SitePaths.matrix(offer.program), anchor: nil)
                ]),
            Fact("Region", [.text(offer.region.map { catalog.region($0)?.name ?? $0.rawValue } ?? "Global")]),
        ]
        if !offer.aliases.isEmpty { facts.append(Fact("Also called", [.text(offer.aliases.joined(separator: ", "))])) }
        for former in offer.formerly {
            facts.append(
                Fact(
                    "Formerly",
                    [.text("\(former.name) (renamed \(former.renamed); source: ")] + context.cite(former.source)
                        + [.text(")")]))
        }
        facts += saleFacts()
        if let equivalent = offer.equivalent, let target = catalog.offer(equivalent.offer) {
            facts.append(
                Fact(
                    "Equivalent in \(catalog.program(target.program)?.name ?? target.program.rawValue)",
                    [.link([.text(target.name)], to: SitePaths.offer(target.id), anchor: nil), .text(" (source: ")]
                        + context.cite(equivalent.source) + [.text(")")]))
        }
        facts.append(context.asOfFact)
        var blocks: [Block] = catalog.differentProducts.filter { $0.confusedWith == offer.id }.map { product in
            let lead: [Inline] = [
                .strong([.text("Not \(product.name)")]), .text(": that is a different product, not on this site; "),
            ]
            return .paragraph(lead + [.text("\(product.differs) (source: ")] + context.cite(product.source) + [.text(").")])
        }
        let variants = catalog.family(of: offer).filter { $0.id != offer.id }
        if !variants.isEmpty {
            var inlines: [Inline] = [.strong([.text("Regional variants")]), .text(": ")]
            for (index, variant) in variants.enumerated() {
                let region = variant.region.map { catalog.region($0)?.name ?? $0.rawValue } ?? "global"
                if index > 0 { inlines.append(.text(", ")) }
                inlines += [.link([.text(variant.name)], to: SitePaths.offer(variant.id), anchor: nil), .text(" (\(region))")]
            }
            blocks.append(.paragraph(inlines))
        }
        blocks += [
            .heading(level: 2, [.text("Services it includes")], id: "services"),
            offer.services.isEmpty
                ? .paragraph([
                    .text(
                        "Not known: the model lists no services for it. The offer matrix names SKUs, not what they "
                            + "include.")
                ])
                : .labelledList(
                    cssClass: "services",
                    items: offer.services.map { service in
                        LabelledItem(
                            content: [.text(catalog.service(service)?.name ?? service.rawValue)],
                            attributes: [Attribute(Markup.Data.service, service.rawValue)])
                    }),
            .heading(level: 2, [.text("Possible upgrades")], id: "upgrades"),
        ]
        let targets = possibleUpgrades()
        // A list of names has no ✓ to mark: a caution its upgrades carry is said above it.
        blocks += MatrixView.cautionNotes(cautions())
        blocks.append(
            targets.isEmpty
                ? .paragraph([
                    .text(
                        "None: the upgrade rules allow no upgrade from this offer for an active subscription with no "
                            + "other subscriptions, as of \(context.asOf).")
                ])
                : .labelledList(
                    cssClass: "upgrades",
                    items: targets.map { target in
                        let added = target.services.filter { !offer.services.contains($0) }
                        return LabelledItem(
                            content: [
                                .link([.text(target.name)], to: SitePaths.offer(target.id), anchor: nil),
                                .text(
                                    added.isEmpty
                                        ? ": adds no service"
                                        : ": adds "
                                            + catalog.serviceNames(added).joinedAsList),
                            ],
                            attributes: [Attribute(Markup.Data.offer, target.id.rawValue)])
                    }))
        let documented = targets.compactMap { catalog.path(from: offer.id, to: $0.id)?.source }.filter { !$0.isEmpty }
            .uniqued()
        if !documented.isEmpty {
            var cited: [Inline] = [.text("Listed by: ")]
            for (index, source) in documented.enumerated() {
                if index > 0 { cited.append(.text("; ")) }
                cited += context.cite(source)
            }
            blocks.append(.paragraph(cited + [.text(".")]))
        }
        blocks.append(
            .paragraph([
                .text(
                    "Each for an active subscription with no other subscriptions, as of \(context.asOf). "
                        + "For any other case, "),
                .checkerLink([.text("ask the checker")], query: [Attribute("from", offer.id.rawValue)]),
                .text("."),
            ]))
        // The plain case's plan, worked out once for the section and the interpretations it rests on.
        let plans =
            catalog.migration(from: offer.program) == nil
            ? nil : Self.plans(from: offer, core: context.core, asOf: context.asOf)
        blocks += plans.map(whereToGo) ?? []
        blocks.append(.heading(level: 2, [.text("Upgrades that holding it blocks")], id: "blocks"))
        // Only the named few are copied out of lists that can hold thousands of offers.
        let blocked = offer.services.compactMap { service -> (ServiceID, named: [Offer], count: Int)? in
            let all = targetsWith[service] ?? []
            let count = all.count - (isTarget ? 1 : 0)
            return count == 0 ? nil : (service, Array(all.lazy.filter { $0.id != offer.id }.prefix(Self.namedTargets)), count)
        }
        blocks.append(
            blocked.isEmpty
                ? .paragraph([.text("None: no other offer that an upgrade leads to includes any of its services.")])
                : .paragraph(
                    [
                        .text(
                            "While the customer has this offer, every upgrade that would add a service it already "
                                + "includes is blocked: an upgrade to an offer below, from an offer without that service")
                    ]
                        + (overlapRule.map { rule -> [Inline] in
                            [
                                .text(" (rule "),
                                context.ruleLink(rule.id),
                                .text(")"),
                            ]
                        } ?? []) + [.text(".")]))
        if !blocked.isEmpty {
            blocks.append(
                .list(
                    ordered: false,
                    items: blocked.map { service, named, count in
                        var inlines: [Inline] = [
                            .strong([.text(catalog.service(service)?.name ?? service.rawValue)]), .text(": "),
                        ]
                        for (index, target) in named.enumerated() {
                            if index > 0 { inlines.append(.text(", ")) }
                            inlines.append(.link([.text(target.name)], to: SitePaths.offer(target.id), anchor: nil))
                        }
                        if count > Self.namedTargets {
                            inlines.append(.text(", and \(count - Self.namedTargets) more offers that include it"))
                        }
                        return inlines
                    }))
        }
        return Page(
            path: SitePaths.offer(offer.id), kind: .offer, title: offer.name,
            summary: "\(offer.name): its services, where it can be upgraded to, and what holding it blocks.",
            facts: facts,
            blocks: blocks
                + context.interpretationNotes(
                    affecting: [.offer(offer.id)] + (blocked.isEmpty ? [] : overlapRule.map { [.rule($0.id)] } ?? [])
                        + (plans.map { Self.subjects(of: $0.migration) } ?? [])))
    }

    /// What the plain migration on the page rests on: the rules that block it and the advice it
    /// carries, whose interpretations are shown.
    private static func subjects(of migration: Decision) -> [Subject] {
        migration.reasons.map { .rule($0.rule) } + migration.advisories.map { .advisory($0.code) }
    }

    /// How the offer is sold, each fact with the page it comes from: an agent quotes the SKU and the plans.
    private func saleFacts() -> [Fact] {
        let sale = offer.sale
        var facts: [Fact] = []
        if let sku = sale.sku { facts.append(Fact("SKU", [.code(sku)])) }
        if !sale.plans.isEmpty { facts.append(Fact("Plans", [.text(Self.plans(sale.plans))])) }
        if let seats = sale.maxSeats {
            facts.append(Fact("Seat limit", [.text("\(seats) seats per customer, counted across all partners")]))
        }
        if let end = sale.endOfSale {
            facts.append(
                Fact(
                    "End of sale",
                    [
                        .text(
                            "\(end); "
                                + (sale.convertibleAfterEndOfSale
                                    ? "after it, still a target of upgrades (end of sale with conversions)"
                                    : "from then on, no longer a target of upgrades"))
                    ]))
        }
        if !sale.countries.isEmpty { facts.append(Fact("Markets", [.text(sale.countries.joined(separator: ", "))])) }
        if let source = sale.source, source != sale.importedFrom { facts.append(Fact("Sold as stated by", context.cite(source))) }
        if let matrix = sale.importedFrom { facts.append(Fact("Offer matrix", context.cite(matrix))) }
        return facts
    }

    /// `P1M billed monthly; P1Y billed monthly or annually`: a term, then how it may be billed.
    static func plans(_ plans: [Plan]) -> String {
        var terms: [Term] = []
        for plan in plans where !terms.contains(plan.term) { terms.append(plan.term) }
        return terms.map { term in
            let billings = plans.filter { $0.term == term }.map { $0.billing.adverb }
            return "\(term.rawValue) billed " + billings.joined(separator: " or ")
        }.joined(separator: "; ")
    }

    /// The rule that a holding with an overlapping service breaks, of the programs whose targets it blocks.
    private var overlapRule: Rule? {
        let catalog = context.catalog
        return catalog.programs.lazy.compactMap { Self.overlapRule(of: $0.id, in: catalog) }.first
    }

    private static func overlapRule(of program: ProgramID, in catalog: Catalog) -> Rule? {
        catalog.logic(for: program).rules.first { $0.when[.holdsAddedService] == ConditionPoint.yes }
    }

    /// The cautions the eligible upgrades of this offer carry, in the matrices' case, each once.
    private func cautions() -> [String] {
        let matrix = context.matrix(of: offer.program)
        guard let row = matrix.row(of: offer.id) else { return [] }
        return context.catalog.cautions(row.cells(except: MatrixSplit.unshownReasons).map(\.cell))
    }

    /// The targets the rule core allows in the matrices' case, in the order the content lists them.
    private func possibleUpgrades() -> [Offer] {
        let matrix = context.matrix(of: offer.program)
        guard let row = matrix.row(of: offer.id) else { return [] }
        let eligible = row.cells(except: MatrixSplit.unshownReasons).filter { $0.cell.verdict == .eligible }
            .map { matrix.offers[$0.column] }
        return context.orderedAsListed(eligible, from: offer)
    }
}

extension Billing {
    fileprivate var adverb: String {
        switch self {
        case .monthly: "monthly"
        case .annual: "annually"
        case .triennial: "every three years"
        }
    }
}
