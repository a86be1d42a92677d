extension BoxTable {
    /// Groups of rules that could merge into one: same outcome, same cells but
    /// in one dimension, where together they cover every value, so the merged
    /// rule says "any" there. `outcomes[i]` identifies rule i's outputs.
    package func contractions(outcomes: [String]) -> [(dimension: Int, rules: [Int])] {
        var found: [(dimension: Int, rules: [Int])] = []
        var outcomeIDs: [String: Int] = [:]
        let outcomeID = outcomes.map { outcome in
            if let id = outcomeIDs[outcome] { return id }
            outcomeIDs[outcome] = outcomeIDs.count
            return outcomeIDs.count - 1
        }
        for dimension in domains.indices {
            var groups: [[Int]: [Int]] = [:]
            var order: [[Int]] = []
            for (index, rule) in rules.enumerated() where rule[dimension] != BoxTable.any {
                var key = rule
                key[dimension] = BoxTable.any
                key.append(outcomeID[index])
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(index)
            }
            for key in order {
                let members = groups[key]!
                let values = Set(members.map { rules[$0][dimension] })
                if members.count > 1, values.count == domains[dimension],
                    Set(members.map { outcomes[$0] }).count == 1
                {
                    found.append((dimension, members))
                }
            }
        }
        return found
    }
}
