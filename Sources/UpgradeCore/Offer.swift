/// A sellable product, such as Microsoft 365 Business Basic.
package struct Offer: Hashable, Sendable {
    package let id: OfferID
    package let name: String
    package let program: ProgramID
    /// nil for the global offer; otherwise the regional variant it belongs to.
    package let region: RegionID?
    /// The global offer this one is a regional variant of.
    package let variantOf: OfferID?
    /// Sorted, so that every message that lists services reads the same way each run.
    package let services: [ServiceID]
    /// Other names people use for the offer ("E3", "Office 365 E3"), in content order.
    package let aliases: [String]
    /// The official names it had before, oldest first.
    package let formerly: [FormerName]
    /// What a program that sells by terms knows of the offer; empty in one that does not.
    package let sale: Sale
    /// The offer of another program a subscription of this one moves to (its migration target).
    package let equivalent: Equivalent?

    package init(
        id: OfferID, name: String, program: ProgramID, region: RegionID? = nil,
        variantOf: OfferID? = nil, services: [ServiceID], aliases: [String] = [], formerly: [FormerName] = [],
        sale: Sale = Sale(), equivalent: Equivalent? = nil
    ) {
        self.sale = sale
        self.equivalent = equivalent
        self.id = id
        self.name = name
        self.aliases = aliases
        self.formerly = formerly
        self.program = program
        self.region = region
        self.variantOf = variantOf
        self.services = Array(Set(services)).sorted()
    }

    /// Offers that share a family are the same product in different regions.
    var family: OfferID { variantOf ?? id }
}

/// The offer of another program that stands for this one there, and who says so.
package struct Equivalent: Hashable, Sendable {
    package let offer: OfferID
    package let source: String
    /// Partner Center's migration tools can move it (the mapping's "Migration enabled"); where
    /// not, it is moved by hand.
    package let migrationEnabled: Bool

    package init(offer: OfferID, source: String, migrationEnabled: Bool = true) {
        self.offer = offer
        self.source = source
        self.migrationEnabled = migrationEnabled
    }
}

/// How an offer is sold, where the program says: its catalogue id, the plans it offers, the end
/// of its sale and its seat limit.
package struct Sale: Hashable, Sendable {
    /// The product and SKU id, such as `CFQ7TTC0LH18/0001`.
    package let sku: String?
    /// The term and billing combinations it is sold on, in content order.
    package let plans: [Plan]
    /// From this day it is no longer sold, nor a target of upgrades unless `convertibleAfterEndOfSale`.
    package let endOfSale: CalendarDate?
    /// After its end of sale it can still be upgraded to (Partner Center's EndofSaleWithConversions).
    package let convertibleAfterEndOfSale: Bool
    /// The most seats a customer may have of it, across all partners.
    package let maxSeats: Int?
    /// Where the catalogue facts come from.
    package let source: String?
    /// The markets (ISO 3166 country codes) it is sold to, where the offer matrix gives them.
    package let countries: [String]
    /// The offer matrix the title, plans, seat limit or markets were imported from, when one was.
    package let importedFrom: String?

    package init(
        sku: String? = nil, plans: [Plan] = [], endOfSale: CalendarDate? = nil, convertibleAfterEndOfSale: Bool = false,
        maxSeats: Int? = nil, source: String? = nil, countries: [String] = [], importedFrom: String? = nil
    ) {
        self.sku = sku
        self.plans = plans
        self.endOfSale = endOfSale
        self.convertibleAfterEndOfSale = convertibleAfterEndOfSale
        self.maxSeats = maxSeats
        self.source = source
        self.countries = countries
        self.importedFrom = importedFrom
    }

    /// Whether the offer, as a target on `day`, has ended its sale for upgrades.
    package func endedForUpgrades(asOf day: CalendarDate) -> Bool {
        guard let endOfSale, !convertibleAfterEndOfSale else { return false }
        return day >= endOfSale
    }

    /// Whether it is sold on `plan`; an offer that lists no plans is sold on any.
    package func offers(_ plan: Plan) -> Bool { plans.isEmpty || plans.contains(plan) }
}

package struct Program: Hashable, Sendable {
    package let id: ProgramID
    package let name: String
    /// From this day on, most of the program's upgrade options are withdrawn.
    package let withdrawnFrom: CalendarDate?
    package let withdrawalNote: String?
    /// Where its subscriptions migrate to, and by which rules, when the program says.
    package let migration: MigrationRoute?

    package init(
        id: ProgramID, name: String, withdrawnFrom: CalendarDate? = nil, withdrawalNote: String? = nil,
        migration: MigrationRoute? = nil
    ) {
        self.migration = migration
        self.id = id
        self.name = name
        self.withdrawnFrom = withdrawnFrom
        self.withdrawalNote = withdrawalNote
    }
}

package struct Region: Hashable, Sendable {
    package let id: RegionID
    package let name: String

    package init(id: RegionID, name: String) {
        self.id = id
        self.name = name
    }
}

package struct Service: Hashable, Sendable {
    package let id: ServiceID
    package let name: String

    package init(id: ServiceID, name: String) {
        self.id = id
        self.name = name
    }
}
