import UpgradeBase
import UpgradeCore

/// A point where a decision table and the rule core say different things.
struct Disagreement {
    let point: ConditionPoint
    let tableSays: String
    let coreSays: String
    /// The rows that matched, so the finding can point at one.
    let rows: [Int]
}

extension TableEncoding {
    /// Every point of the table's condition space, minus the impossible ones,
    /// evaluated under the table's hit policy and by the rule core.
    func disagreements(logic: ConditionLogic) -> [Disagreement] {
        var found: [Disagreement] = []
        var indices = Array(repeating: 0, count: conditions.count)
        repeat {
            let point = self.point(indices)
            let impossible = table.impossible.contains { box in point.matches(box.when) }
            if !impossible, let disagreement = compare(at: point, logic: logic) { found.append(disagreement) }
        } while advance(&indices)
        return found
    }

    private func advance(_ indices: inout [Int]) -> Bool {
        for dimension in indices.indices.reversed() {
            indices[dimension] += 1
            if indices[dimension] < conditions[dimension].values.count { return true }
            indices[dimension] = 0
        }
        return false
    }

    /// The rows that decide at a point, by hit policy.
    func deciding(at point: ConditionPoint) -> [Int] {
        let matching = table.rules.indices.filter { table.rules[$0].matches(point) }
        switch table.hitPolicy {
        case .first, .any: return Array(matching.prefix(1))
        case .unique, .ruleOrder, .collect: return matching
        }
    }

    private func compare(at point: ConditionPoint, logic: ConditionLogic) -> Disagreement? {
        let rows = deciding(at: point)
        // A uniqueness or completeness problem is its own finding; agreement is judged where the table decides.
        if rows.isEmpty && table.noMatch == nil { return nil }
        if table.hitPolicy == .unique && rows.count > 1 { return nil }
        var tableSays: [String] = [], coreSays: [String] = []
        for output in table.outputs {
            let values = rows.compactMap { table.rules[$0].outputs[output.conclusion] }
            switch output.conclusion {
            case .verdict:
                tableSays.append("verdict " + (Set(values).sorted().joined(separator: "+").nonEmpty ?? "none"))
                coreSays.append("verdict " + logic.verdict(at: point).rawValue)
            case .reason:
                let expected = logic.reasons(at: point).map(\.rawValue)
                let given = table.hitPolicy == .collect ? values.sorted() : values
                tableSays.append("reasons " + (given.joined(separator: ", ").nonEmpty ?? "none"))
                coreSays.append(
                    "reasons "
                        + ((table.hitPolicy == .collect ? expected.sorted() : expected)
                            .joined(separator: ", ").nonEmpty ?? "none"))
            case .advisory:
                let expected = logic.advisories(at: point).map(\.rawValue)
                let given = table.hitPolicy == .collect ? values.sorted() : values
                tableSays.append("advice " + (given.joined(separator: ", ").nonEmpty ?? "none"))
                coreSays.append(
                    "advice "
                        + ((table.hitPolicy == .collect ? expected.sorted() : expected)
                            .joined(separator: ", ").nonEmpty ?? "none"))
            }
        }
        guard tableSays != coreSays else { return nil }
        return Disagreement(
            point: point, tableSays: tableSays.joined(separator: "; "),
            coreSays: coreSays.joined(separator: "; "), rows: rows)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
