/// A sellable product, such as Microsoft 365 Business Basic.
public struct Offer: Hashable, Sendable {
    public let id: OfferID
    public let name: String
    public let program: ProgramID
    /// nil for the global offer; otherwise the regional variant it belongs to.
    public let region: RegionID?
    /// The global offer this one is a regional variant of.
    public let variantOf: OfferID?
    /// Sorted, so that every message that lists services reads the same way each run.
    public let services: [ServiceID]
    /// Other names people use for the offer ("E3", "Office 365 E3"), in content order.
    public let aliases: [String]

    public init(id: OfferID, name: String, program: ProgramID, region: RegionID? = nil,
                variantOf: OfferID? = nil, services: [ServiceID], aliases: [String] = []) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.program = program
        self.region = region
        self.variantOf = variantOf
        self.services = Array(Set(services)).sorted()
    }

    /// Offers that share a family are the same product in different regions.
    var family: OfferID { variantOf ?? id }
}

public struct Program: Hashable, Sendable {
    public let id: ProgramID
    public let name: String
    /// From this day on, most of the program's upgrade options are withdrawn.
    public let withdrawnFrom: CalendarDate?
    public let withdrawalNote: String?

    public init(id: ProgramID, name: String, withdrawnFrom: CalendarDate? = nil, withdrawalNote: String? = nil) {
        self.id = id
        self.name = name
        self.withdrawnFrom = withdrawnFrom
        self.withdrawalNote = withdrawalNote
    }
}

public struct Region: Hashable, Sendable {
    public let id: RegionID
    public let name: String

    public init(id: RegionID, name: String) {
        self.id = id
        self.name = name
    }
}

public struct Service: Hashable, Sendable {
    public let id: ServiceID
    public let name: String

    public init(id: ServiceID, name: String) {
        self.id = id
        self.name = name
    }
}
