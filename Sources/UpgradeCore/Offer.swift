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

    package init(
        id: OfferID, name: String, program: ProgramID, region: RegionID? = nil,
        variantOf: OfferID? = nil, services: [ServiceID], aliases: [String] = [], formerly: [FormerName] = []
    ) {
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

package struct Program: Hashable, Sendable {
    package let id: ProgramID
    package let name: String
    /// From this day on, most of the program's upgrade options are withdrawn.
    package let withdrawnFrom: CalendarDate?
    package let withdrawalNote: String?

    package init(id: ProgramID, name: String, withdrawnFrom: CalendarDate? = nil, withdrawalNote: String? = nil) {
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
