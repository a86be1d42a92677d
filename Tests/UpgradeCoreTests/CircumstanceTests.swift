import Testing
import UpgradeCore

@Suite("Status, channels and dates")
struct CircumstanceTests {
    @Test("A suspended or canceled source is always blocked, with the other reasons still listed")
    func inactiveSourcesStayBlockedWithAllReasons() {
        for status in [SubscriptionStatus.suspended, .canceled] {
            for from in SeedModel.catalog.offers {
                for to in SeedModel.catalog.offers {
                    let decision = SeedModel.core.decide(
                        Request(
                            from: from, to: to, status: status,
                            asOf: SeedModel.beforeWithdrawal))
                    let active = SeedModel.core.decide(Request(from: from, to: to, asOf: SeedModel.beforeWithdrawal))
                    #expect(decision.verdict == .blocked)
                    #expect(decision.reasonCodes.filter { $0 != .subscriptionNotActive } == active.reasonCodes)
                }
            }
        }
    }

    @Test("Multichannel: a conflicting holding from another channel adds cancel-other-channel-first")
    func otherChannelConflictAdvises() {
        let decision = SeedModel.decide("m365-business-basic", "o365-e3", holds: [("m365-apps-enterprise", .other)])
        #expect(decision.reasonCodes == [.ownsIncludedServices])
        let advice = decision.advisories.filter { $0.code == .cancelOtherChannelFirst }
        #expect(advice.count == 1)
        #expect(advice.first?.offer == "m365-apps-enterprise")
    }

    @Test("Multichannel: the target itself bought elsewhere also advises cancelling it first")
    func otherChannelTargetAdvises() {
        let decision = SeedModel.decide("m365-business-basic", "o365-e3", holds: [("o365-e3", .other)])
        #expect(decision.advisories.map(\.code) == [.cancelOtherChannelFirst])
    }

    @Test("A holding bought through this partner, or one that does not conflict, gives no channel advice")
    func partnerOrHarmlessHoldingsDoNotAdvise() {
        let partner = SeedModel.decide("m365-business-basic", "o365-e3", holds: [("m365-apps-enterprise", .partner)])
        #expect(!partner.advisories.contains { $0.code == .cancelOtherChannelFirst })
        let harmless = SeedModel.decide("m365-business-standard", "o365-e3", holds: [("m365-business-basic", .other)])
        #expect(harmless.verdict == .eligible)
        #expect(!harmless.advisories.contains { $0.code == .cancelOtherChannelFirst })
    }

    @Test("legacy-withdrawn: from 1 March 2022 on, never before, and it never changes the verdict")
    func legacyWithdrawnFromMarch2022() {
        let dates: [(String, Bool)] = [
            ("2022-02-28", false), ("2022-03-01", true), ("2026-11-25", true),
            ("2019-12-31", false),
        ]
        for (text, withdrawn) in dates {
            let date = CalendarDate(iso: text)!
            let decision = SeedModel.decide("m365-business-basic", "o365-e3", asOf: date)
            #expect(decision.advisories.contains { $0.code == .legacyWithdrawn } == withdrawn, "\(text)")
            #expect(decision.verdict == .eligible, "\(text)")
        }
    }
}

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("Only real days in YYYY-MM-DD form parse")
    func parsing() {
        #expect(CalendarDate(iso: "2024-02-29")?.description == "2024-02-29")
        for bad in [
            "2023-02-29", "2022-13-01", "2022-3-01", "22-03-01", "2022-03-01T00:00", "", "2022-00-10",
            "２０２２-03-01",
        ] {
            #expect(CalendarDate(iso: bad) == nil, "\(bad)")
        }
    }
}
