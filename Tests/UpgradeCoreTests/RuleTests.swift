import Testing
@testable import UpgradeCore

/// One test per rule of DESIGN.md §2, named after the rule it proves.
@Suite("Rules, in rule order")
struct RuleTests {
    @Test("UPG-1 path-not-supported: a pair the table does not list is blocked")
    func pathNotSupported() {
        let decision = SeedModel.decide("m365-business-standard", "o365-e1")
        #expect(decision.verdict == .blocked)
        #expect(decision.reasonCodes == [.pathNotSupported])
        #expect(decision.reasons.first?.rule == "UPG-1")
    }

    @Test("UPG-1 path-not-supported: an offer to itself and a downgrade are not paths")
    func selfAndDowngradeAreNotPaths() {
        #expect(SeedModel.decide("o365-e3", "o365-e3").reasonCodes == [.pathNotSupported])
        #expect(SeedModel.decide("o365-e5", "o365-e3").reasonCodes == [.pathNotSupported])
    }

    @Test("UPG-2 region-mismatch: an India source asking for the global target is pointed to its India variant")
    func regionMismatch() {
        let decision = SeedModel.decide("m365-business-basic-india", "m365-business-standard")
        #expect(decision.reasonCodes == [.regionMismatch])
        #expect(decision.reasons.first?.rule == "UPG-2")
        let advice = decision.advisories.first { $0.code == .useRegionalVariant }
        #expect(advice?.offer == "m365-business-standard-india")
        #expect(advice?.message.contains("Microsoft 365 Business Standard India") == true)
    }

    @Test("UPG-2 region-mismatch does not apply when the counterpart is not reachable either")
    func regionMismatchNeedsAReachableCounterpart() {
        // Apps for business has no path to Business Standard, so the India target is simply unlisted.
        let decision = SeedModel.decide("m365-apps-business", "m365-business-standard-india")
        #expect(decision.reasonCodes == [.pathNotSupported])
        #expect(!decision.advisories.contains { $0.code == .useRegionalVariant })
    }

    @Test("UPG-3 subscription-not-active: only an active subscription can be upgraded")
    func subscriptionNotActive() {
        for status in SubscriptionStatus.allCases where status != .active {
            let decision = SeedModel.decide("m365-business-basic", "o365-e3", status: status)
            #expect(decision.reasonCodes == [.subscriptionNotActive], "status \(status)")
            #expect(decision.reasons.first?.message.contains(status.rawValue) == true)
        }
    }

    @Test("UPG-4 already-owns-target: a customer who has the target is blocked")
    func alreadyOwnsTarget() {
        let decision = SeedModel.decide("m365-business-standard", "o365-e5", holds: [("o365-e5", .partner)])
        #expect(decision.reasonCodes == [.alreadyOwnsTarget])
        #expect(decision.reasons.first?.rule == "UPG-4")
    }

    @Test("UPG-5 owns-included-services: any one overlapping added service blocks")
    func ownsIncludedServices() {
        // E3 adds the desktop apps over Business Basic; Apps for enterprise already includes them.
        let decision = SeedModel.decide("m365-business-basic", "o365-e3", holds: [("m365-apps-enterprise", .partner)])
        #expect(decision.reasonCodes == [.ownsIncludedServices])
        #expect(decision.reasons.first?.message.contains("desktop Office apps") == true)
    }

    @Test("UPG-5 owns-included-services ignores services the source already has")
    func servicesTheSourceHasDoNotConflict() {
        // Business Basic already includes OneDrive, so holding Apps for business (OneDrive, desktop apps)
        // conflicts only through the desktop apps, which Business Standard adds.
        let decision = SeedModel.decide(
            "m365-business-basic", "m365-business-standard",
            holds: [("m365-business-basic", .partner)])
        #expect(decision.verdict == .eligible)
    }

    @Test("A holding of the target counts under UPG-4 only, not again under UPG-5")
    func targetHoldingIsNotAServiceConflict() {
        let decision = SeedModel.decide("m365-business-basic", "o365-e3", holds: [("o365-e3", .partner)])
        #expect(decision.reasonCodes == [.alreadyOwnsTarget])
    }

    @Test("Every blocking reason is reported, in rule order")
    func everyReasonInRuleOrder() {
        let decision = SeedModel.decide(
            "m365-business-standard", "o365-e1", status: .suspended,
            holds: [("o365-e1", .other), ("o365-e3", .partner)])
        #expect(
            decision.reasonCodes == [
                .pathNotSupported, .subscriptionNotActive, .alreadyOwnsTarget,
                .ownsIncludedServices,
            ])
    }

    @Test("account-transition: an eligible upgrade that adds services says accounts may need work")
    func accountTransition() {
        let eligible = SeedModel.decide("m365-business-basic", "o365-e3")
        #expect(eligible.verdict == .eligible)
        #expect(eligible.advisories.map(\.code) == [.accountTransition])
        let blocked = SeedModel.decide("m365-business-basic", "o365-e3", status: .suspended)
        #expect(!blocked.advisories.contains { $0.code == .accountTransition })
    }
}

@Suite("The catalogue")
struct CatalogTests {
    @Test("A catalogue refuses two rules with one code: a decision names its reasons by code")
    func sharedCodeIsRefused() {
        let catalog = SeedModel.catalog
        let rules = catalog.logic.rules + [catalog.logic.rules[2]]
        #expect(throws: CatalogError.sharedCodes([catalog.logic.rules[2].code.rawValue])) {
            try Catalog(
                programs: catalog.programs, regions: catalog.regions, services: catalog.services,
                offers: catalog.offers, paths: catalog.paths, footnotes: catalog.footnotes, rules: rules,
                advisories: catalog.logic.advisories, roles: catalog.roles, portalSteps: catalog.portalSteps,
                interpretations: catalog.interpretations, examples: catalog.examples)
        }
    }

    @Test("A condition point takes only values of its condition's domain, and reads them back typed")
    func conditionPointIsTyped() {
        var point = ConditionPoint([.listedPath: "no", .status: "inactive"])
        #expect(point.listedPath == false)
        #expect(point.active == false)
        point.holdsTarget = true
        #expect(point[.holdsTarget] == "yes")
        #expect(SeedModel.catalog.logic.reasons(at: point) == [.subscriptionNotActive, .alreadyOwnsTarget])
    }
}
