/// A point of the condition space: a value for each condition that matters.
public typealias ConditionPoint = [Condition: String]

/// The rule core's logic over conditions alone. `RuleCore.decide` works out
/// a request's conditions and asks this; decision tables are checked against
/// it over their whole condition space. There is no second copy of the rules.
public enum ConditionLogic {
    /// The blocking reasons at a point, in `ReasonCode` order (the catalog's rules
    /// then put them in rule order).
    public static func reasons(at point: ConditionPoint) -> Set<ReasonCode> {
        var reasons: Set<ReasonCode> = []
        if point[.listedPath] == "no" && point[.regionalVariantPath] == "no" { reasons.insert(.pathNotSupported) }
        if point[.regionalVariantPath] == "yes" { reasons.insert(.regionMismatch) }
        if point[.status] == "inactive" { reasons.insert(.subscriptionNotActive) }
        if point[.holdsTarget] == "yes" { reasons.insert(.alreadyOwnsTarget) }
        if point[.holdsAddedService] == "yes" { reasons.insert(.ownsIncludedServices) }
        return reasons
    }

    /// The verdict given at a point, or worked out from the reasons when the point does not give it.
    public static func verdict(at point: ConditionPoint) -> Verdict {
        if let given = point[.verdict] { return given == "eligible" ? .eligible : .blocked }
        return reasons(at: point).isEmpty ? .eligible : .blocked
    }

    /// The advice at a point, in the order the rule core gives it.
    public static func advisories(at point: ConditionPoint) -> [AdvisoryCode] {
        var advisories: [AdvisoryCode] = []
        if point[.regionalVariantPath] == "yes" { advisories.append(.useRegionalVariant) }
        if point[.otherChannelConflict] == "yes" { advisories.append(.cancelOtherChannelFirst) }
        if verdict(at: point) == .eligible && point[.targetAddsServices] == "yes" { advisories.append(.accountTransition) }
        if point[.withdrawn] == "yes" { advisories.append(.legacyWithdrawn) }
        return advisories
    }

    /// The conditions each conclusion depends on; a table that concludes it must test them all.
    public static func inputs(of conclusion: Conclusion) -> Set<Condition> {
        switch conclusion {
        case .verdict, .reason: [.listedPath, .regionalVariantPath, .status, .holdsTarget, .holdsAddedService]
        case .advisory: [.regionalVariantPath, .otherChannelConflict, .verdict, .targetAddsServices, .withdrawn]
        }
    }
}
