import Testing
import TestSupport
@testable import UpgradeCore

/// A remedy fits the case: each rule's remedies (rules.yaml) are chosen by the request's facts,
/// one test per rule and case, each showing its remedy is given for its case and no other.
@Suite("Remedies fit the case")
struct RemedyTests {
    static func remedy(_ decision: Decision, _ code: ReasonCode) -> String? {
        decision.reasons.first { $0.code == code }?.remedy
    }

    static func general(_ code: ReasonCode) -> String { SeedModel.catalog.rule(for: code, in: "legacy")!.remedy }

    @Test("UPG-1: a source with no listed upgrades at all is told so and pointed to new commerce")
    func noListedUpgradesAtAll() throws {
        let source = try #require(SeedModel.catalog.offers.first { SeedModel.catalog.paths(from: $0.id).isEmpty })
        let target = try #require(SeedModel.catalog.offers.first { $0.id != source.id && $0.program == source.program })
        let remedy = try #require(Self.remedy(SeedModel.decide(source.id.rawValue, target.id.rawValue), .pathNotSupported))
        #expect(remedy.contains(source.name) && remedy.contains("no listed upgrades") && remedy.contains("new commerce"))
        // A source that has listed upgrades, just not this one, gets the general remedy.
        let listed = SeedModel.decide("m365-business-standard", "o365-e1")
        #expect(Self.remedy(listed, .pathNotSupported) == Self.general(.pathNotSupported))
    }

    @Test("UPG-3: suspended, canceled and deleted sources each get their own remedy")
    func inactiveStatuses() throws {
        let remedies = try [SubscriptionStatus.suspended, .canceled, .deleted].map { status in
            try #require(
                Self.remedy(SeedModel.decide("m365-business-basic", "o365-e3", status: status), .subscriptionNotActive))
        }
        #expect(Set(remedies).count == 3)
        #expect(remedies[0].contains("reactivate") && !remedies[1].contains("reactivate") && !remedies[2].contains("reactivate"))
        #expect(!remedies.contains(Self.general(.subscriptionNotActive)))
    }

    @Test("UPG-4: a target held through another partner is cancelled there first, never 'add licenses'")
    func targetHeldElsewhere() throws {
        let elsewhere = try #require(
            Self.remedy(SeedModel.decide("m365-business-basic", "o365-e3", holds: [("o365-e3", .other)]), .alreadyOwnsTarget))
        #expect(elsewhere.contains("cancels it there first"))
        #expect(!elsewhere.lowercased().hasPrefix("add licenses"))
        let here = try #require(
            Self.remedy(SeedModel.decide("m365-business-basic", "o365-e3", holds: [("o365-e3", .partner)]), .alreadyOwnsTarget))
        #expect(here.hasPrefix("Add licenses to the Office 365 Enterprise E3 subscription"))
        #expect(!here.contains("another partner"))
    }

    @Test("UPG-5: each overlapping subscription is named, the other channel's cancelled there first")
    func overlappingServices() throws {
        let decision = SeedModel.decide(
            "m365-business-basic", "o365-e3", holds: [("m365-apps-enterprise", .other), ("o365-e1", .partner)])
        let remedy = try #require(Self.remedy(decision, .ownsIncludedServices))
        #expect(remedy.contains("Microsoft 365 Apps for enterprise was bought through another partner or channel"))
        #expect(!remedy.contains("Cancel or reduce Microsoft 365 Apps for enterprise"))
        let holdingOwn = SeedModel.decide("m365-business-basic", "o365-e3", holds: [("m365-apps-enterprise", .partner)])
        let own = try #require(Self.remedy(holdingOwn, .ownsIncludedServices))
        #expect(own.hasPrefix("Cancel or reduce Microsoft 365 Apps for enterprise."))
    }

    @Test("A rule without remedies for kinds of case gives its general remedy for every request")
    func generalRemedy() throws {
        let decision = SeedModel.decide("m365-business-basic-india", "m365-business-standard")
        #expect(Self.remedy(decision, .regionMismatch) == Self.general(.regionMismatch))
    }
}
