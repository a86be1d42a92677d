/// The rule core's logic over conditions alone, as the model states it: each rule blocks when all
/// of its `when` conditions hold, and each advice is given when all of its conditions hold.
/// `RuleCore.decide` works out a request's conditions and asks this; decision tables are checked
/// against it over their whole condition space; the checker evaluates the same clauses from its
/// data. There is no second copy of the rules.
package struct ConditionLogic: Sendable {
    /// In rule order.
    package let rules: [Rule]
    package let advisories: [AdvisoryRule]
    /// The program's condition space: every condition its rules and advice test, and the verdict,
    /// in `Condition.allCases` order. A point of it sets exactly these.
    package let conditions: [Condition]

    package init(rules: [Rule], advisories: [AdvisoryRule]) {
        self.rules = rules
        self.advisories = advisories
        let tested = Set(rules.flatMap(\.when.keys) + advisories.flatMap(\.when.keys) + [.verdict])
        conditions = Condition.allCases.filter(tested.contains)
    }

    /// Whether the rule set decides on a request's commitment (term, billing, seats, timing,
    /// destination): only then does a question say anything of it.
    package var readsCommitment: Bool { conditions.contains { Self.commitmentConditions.contains($0) } }

    static let commitmentConditions: Set<Condition> = [
        .trial, .termShorter, .billingExceedsTerm, .planOffered, .timing, .autoRenew, .destination,
        .destinationInactive, .destinationInWindow, .destinationTermShorter, .destinationEndsEarlier, .partial,
        .overSeatLimit,
    ]

    /// How many points the condition space has.
    package var spaceSize: Int {
        conditions.filter { $0 != .verdict }.reduce(1) { $0 * $1.values.count }
    }

    /// The rules that block at a point, in rule order.
    package func firing(at point: ConditionPoint) -> [Rule] {
        rules.filter { point.matches($0.when) }
    }

    /// The advice given at a point, in the order the model lists it; the verdict is worked out
    /// from the rules where the point does not give it.
    package func advice(at point: ConditionPoint) -> [AdvisoryRule] {
        var full = point
        full.verdict = verdict(at: point)
        return advisories.filter { full.matches($0.when) }
    }

    /// The codes of the rules that block at a point, in rule order.
    package func reasons(at point: ConditionPoint) -> [ReasonCode] {
        firing(at: point).map(\.code)
    }

    /// The verdict given at a point, or worked out from the reasons when the point does not give it.
    package func verdict(at point: ConditionPoint) -> Verdict {
        point.verdict ?? (rules.contains { point.matches($0.when) } ? .blocked : .eligible)
    }

    /// The codes of the advice at a point, in the order the model lists it.
    package func advisories(at point: ConditionPoint) -> [AdvisoryCode] {
        advice(at: point).map(\.code)
    }

    /// Every point of the condition space whose verdict agrees with its own conditions.
    package func consistentPoints() -> [ConditionPoint] {
        var points = [ConditionPoint()]
        for condition in conditions where condition != .verdict {
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
            full.verdict = verdict(at: point)
            return full
        }
    }

    /// The conditions a conclusion depends on; a table that concludes it must test them all. A table
    /// that gives some reasons or advice only (one group of a large rule set) depends on theirs alone:
    /// `values` are the values it concludes. The verdict depends on every rule.
    package func inputs(of conclusion: Conclusion, concluding values: Set<String>? = nil) -> Set<Condition> {
        switch conclusion {
        case .verdict: Set(rules.flatMap(\.when.keys))
        case .reason: Set(rules.filter { values?.contains($0.code.rawValue) ?? true }.flatMap(\.when.keys))
        case .advisory: Set(advisories.filter { values?.contains($0.code.rawValue) ?? true }.flatMap(\.when.keys))
        }
    }
}
