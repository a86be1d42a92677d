import UpgradeCore

// The codes of the reference model's rules and advice (Tests/Fixtures/content/rules.yaml),
// by name, so the policy tests read as the policy does. The code itself names none of them
// but `path-not-supported` and `use-regional-variant`, which it treats specially.
extension Code where Kind == ReasonKind {
    package static var regionMismatch: ReasonCode { ReasonCode("region-mismatch") }
    package static var subscriptionNotActive: ReasonCode { ReasonCode("subscription-not-active") }
    package static var alreadyOwnsTarget: ReasonCode { ReasonCode("already-owns-target") }
    package static var ownsIncludedServices: ReasonCode { ReasonCode("owns-included-services") }
}

extension Code where Kind == AdvisoryKind {
    package static var cancelOtherChannelFirst: AdvisoryCode { AdvisoryCode("cancel-other-channel-first") }
    package static var accountTransition: AdvisoryCode { AdvisoryCode("account-transition") }
    package static var legacyWithdrawn: AdvisoryCode { AdvisoryCode("legacy-withdrawn") }
}
