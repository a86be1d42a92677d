import UpgradeCheck

/// Synthetic decision tables for the analysis benchmark, the same for the same seed.
enum SyntheticTables {
    /// Shaped like a real DMN table: rules partition the first dimensions and leave
    /// the rest '-'; one rule in a hundred is narrowed (leaving a gap) and one in a
    /// hundred widened (overlapping its neighbours).
    static func structured(rules count: Int, inputs: Int, seed: UInt64) -> BoxTable {
        var random = SplitMix(state: seed)
        let domains = Array(repeating: 10, count: inputs)
        var rules: [[Int]] = []
        rules.reserveCapacity(count)
        for index in 0..<count {
            var rule = Array(repeating: BoxTable.any, count: inputs)
            var rest = index
            for dimension in (0..<min(4, inputs)).reversed() {
                rule[dimension] = rest % domains[dimension]
                rest /= domains[dimension]
            }
            switch random.next() % 100 {
            case 0: rule[inputs - 1] = Int(random.next() % UInt64(domains[inputs - 1]))
            case 1: rule[min(3, inputs - 1)] = BoxTable.any
            default: break
            }
            rules.append(rule)
        }
        return BoxTable(domains: domains, rules: rules)
    }

    /// Rules with random cells, each '-' half of the time: far more overlap than any real table.
    static func random(rules count: Int, inputs: Int, seed: UInt64) -> BoxTable {
        var random = SplitMix(state: seed)
        let domains = Array(repeating: 10, count: inputs)
        let rules = (0..<count).map { _ in
            (0..<inputs).map { dimension in
                random.next() % 2 == 0 ? BoxTable.any : Int(random.next() % UInt64(domains[dimension]))
            }
        }
        return BoxTable(domains: domains, rules: rules)
    }
}

struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
