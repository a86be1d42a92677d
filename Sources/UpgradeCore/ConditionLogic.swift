/// The rule core's logic over conditions alone. `RuleCore.decide` works out
/// a request's conditions and asks this; decision tables are checked against
/// it over their whole condition space. There is no second copy of the rules.
public enum ConditionLogic {
    /// The blocking reasons at a point, in `ReasonCode` order (the catalog's rules
    /// then put them in rule order).
    public static func reasons(at point: ConditionPoint) -> Set<ReasonCode> {
        var reasons: Set<ReasonCode> = []
        if point.listedPath == false && point.regionalVariantPath == false { reasons.insert(.pathNotSupported) }
        if point.regionalVariantPath == true { reasons.insert(.regionMismatch) }
        if point.active == false { reasons.insert(.subscriptionNotActive) }
        if point.holdsTarget == true { reasons.insert(.alreadyOwnsTarget) }
        if point.holdsAddedService == true { reasons.insert(.ownsIncludedServices) }
        return reasons
    }

    /// The verdict given at a point, or worked out from the reasons when the point does not give it.
    public static func verdict(at point: ConditionPoint) -> Verdict {
        point.verdict ?? (reasons(at: point).isEmpty ? .eligible : .blocked)
    }

    /// The advice at a point, in the order the rule core gives it.
    public static func advisories(at point: ConditionPoint) -> [AdvisoryCode] {
        var advisories: [AdvisoryCode] = []
        if point.regionalVariantPath == true { advisories.append(.useRegionalVariant) }
        if point.otherChannelConflict == true { advisories.append(.cancelOtherChannelFirst) }
        if verdict(at: point) == .eligible && point.targetAddsServices == true { advisories.append(.accountTransition) }
        if point.withdrawn == true { advisories.append(.legacyWithdrawn) }
        return advisories
    }

    /// Every point of the condition space whose verdict agrees with its own conditions.
    public static func consistentPoints() -> [ConditionPoint] {
        var points = [ConditionPoint()]
        for condition in Condition.allCases where condition != .verdict {
            points = points.flatMap { point in
                condition.values.map { value in
                    var next = point
                    next[condition] = value
                    return next
                }
            }
        }
        return points.map { point in
            var full = point
            full.verdict = reasons(at: point).isEmpty ? .eligible : .blocked
            return full
        }
    }

    /// The conditions each conclusion depends on; a table that concludes it must test them all.
    public static func inputs(of conclusion: Conclusion) -> Set<Condition> {
        switch conclusion {
        case .verdict, .reason: [.listedPath, .regionalVariantPath, .status, .holdsTarget, .holdsAddedService]
        case .advisory: [.regionalVariantPath, .otherChannelConflict, .verdict, .targetAddsServices, .withdrawn]
        }
    }
}
