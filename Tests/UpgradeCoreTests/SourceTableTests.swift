import Testing
import UpgradeCore

/// The source page's table, typed in by hand from
/// `shared/reference/partner-center-add-licenses-or-services.txt`.
@Suite("The source table")
struct SourceTableTests {
    static let listed: [String: Set<String>] = [
        "m365-apps-business": ["m365-business-premium", "m365-apps-enterprise", "o365-e3", "o365-e5"],
        "m365-business-standard": ["o365-e3", "o365-e5"],
        "m365-business-basic": ["m365-business-standard", "o365-e1", "o365-e3", "o365-e5"],
    ]

    static let globalOffers = [
        "m365-apps-business", "m365-business-premium", "m365-apps-enterprise", "o365-e1", "o365-e3", "o365-e5",
        "m365-business-standard", "m365-business-basic",
    ]

    @Test("Every pair of the 8 global offers is eligible exactly when the table lists it")
    func everyGlobalPair() {
        var eligiblePairs = 0
        for from in Self.globalOffers {
            for to in Self.globalOffers {
                let decision = SeedModel.decide(from, to)
                let isListed = Self.listed[from]?.contains(to) ?? false
                #expect((decision.verdict == .eligible) == isListed, "\(from) → \(to)")
                if !isListed { #expect(decision.reasonCodes == [.pathNotSupported], "\(from) → \(to)") }
                eligiblePairs += decision.verdict == .eligible ? 1 : 0
            }
        }
        #expect(eligiblePairs == 10)
    }

    @Test("The legacy program has the 8 global offers and 3 India variants of the contract")
    func contractOfferIDs() {
        let ids = Set(SeedModel.catalog.offers(in: "legacy").map(\.id.rawValue))
        #expect(
            ids
                == Set(Self.globalOffers).union(
                    ["m365-apps-business-india", "m365-business-basic-india", "m365-business-standard-india"]))
    }
}

@Suite("Footnote ¹: the India variants")
struct IndiaFootnoteTests {
    @Test("Apps for business India and Business Basic India reach Business Standard India")
    func indiaSourcesReachStandardIndia() {
        for source in ["m365-apps-business-india", "m365-business-basic-india"] {
            #expect(SeedModel.decide(source, "m365-business-standard-india").verdict == .eligible, "\(source)")
        }
    }

    @Test("India sources do not reach the global Business Standard: region mismatch, pointing to India")
    func indiaToGlobalIsARegionMismatch() {
        for source in ["m365-apps-business-india", "m365-business-basic-india"] {
            let decision = SeedModel.decide(source, "m365-business-standard")
            #expect(decision.reasonCodes == [.regionMismatch], "\(source)")
            #expect(decision.advisories.first?.offer == "m365-business-standard-india")
        }
    }

    @Test("The other direction: Business Basic does not reach Business Standard India, and is pointed home")
    func globalToIndiaIsARegionMismatch() {
        let decision = SeedModel.decide("m365-business-basic", "m365-business-standard-india")
        #expect(decision.reasonCodes == [.regionMismatch])
        #expect(decision.advisories.first?.offer == "m365-business-standard")
    }

    @Test("India sources reach no target the footnote does not state (interpretation india-scope)")
    func indiaSourcesReachNothingElse() {
        for target in ["o365-e1", "o365-e3", "o365-e5", "m365-apps-enterprise", "m365-business-premium"] {
            #expect(SeedModel.decide("m365-business-basic-india", target).reasonCodes == [.pathNotSupported])
        }
    }
}
