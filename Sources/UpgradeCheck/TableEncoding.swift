import UpgradeBase
import UpgradeCore

/// A content decision table in box form, with the way back from indices to names.
struct TableEncoding {
    let table: DecisionTable
    let conditions: [Condition]
    let boxes: BoxTable

    init(_ table: DecisionTable) {
        self.table = table
        conditions = table.inputs.map(\.condition)
        let conditions = self.conditions
        func encode(_ cells: [Condition: String]) -> [Int] {
            conditions.map { condition in
                cells[condition].flatMap { condition.values.firstIndex(of: $0) } ?? BoxTable.any
            }
        }
        boxes = BoxTable(
            domains: conditions.map(\.values.count), rules: table.rules.map { encode($0.inputs) },
            impossible: table.impossible.map { encode($0.when) })
    }

    func point(_ indices: [Int]) -> ConditionPoint {
        ConditionPoint(Dictionary(uniqueKeysWithValues: zip(conditions, indices).map { ($0, $0.values[$1]) }))
    }

    /// "listed-path=no, status=active", with "-" dimensions left out and sets shown as {a, b}.
    func describe(_ region: BoxRegion) -> String {
        let parts = zip(conditions, region.values).compactMap { condition, values -> String? in
            guard let values else { return nil }
            let names = values.map { condition.values[$0] }
            return "\(condition.rawValue)=" + (names.count == 1 ? names[0] : "{" + names.joined(separator: ", ") + "}")
        }
        return parts.isEmpty ? "every case" : parts.joined(separator: ", ")
    }

    func describe(_ point: ConditionPoint) -> String {
        conditions.compactMap { condition in point[condition].map { "\(condition.rawValue)=\($0)" } }
            .joined(separator: ", ")
    }

    /// Each rule's outputs as one comparable string.
    var outcomes: [String] {
        table.rules.map { rule in
            table.outputs.map { "\($0.conclusion.rawValue)=\(rule.outputs[$0.conclusion] ?? "-")" }.joined(separator: ";")
        }
    }
}
