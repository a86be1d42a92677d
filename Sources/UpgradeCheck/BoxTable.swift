/// A decision table reduced to what its analysis needs: each input is a
/// dimension with a finite number of values, and each rule is a box, one
/// value or "any" per dimension. Impossible combinations are boxes too.
public struct BoxTable: Sendable {
    public static let any = -1

    public let domains: [Int]
    /// One row per rule, in table order; a cell is a value index or `any`.
    public let rules: [[Int]]
    public let impossible: [[Int]]

    public init(domains: [Int], rules: [[Int]], impossible: [[Int]] = []) {
        self.domains = domains
        self.rules = rules
        self.impossible = impossible
    }
}

/// A region of the space: per dimension, the values it spans (nil: all of them).
public struct Region: Hashable, Sendable {
    public let values: [[Int]?]

    /// One point inside the region, for a counterexample.
    public var witness: [Int] { values.map { $0?.first ?? 0 } }

    /// Every point of the region, given the size of each dimension; `limit` bounds the walk.
    public func points(domains: [Int], limit: Int = 4_096) -> [[Int]] {
        var points: [[Int]] = [[]]
        for (dimension, values) in self.values.enumerated() {
            let choices = values ?? Array(0..<domains[dimension])
            points = points.flatMap { prefix in choices.map { prefix + [$0] } }
            if points.count > limit { points = Array(points.prefix(limit)) }
        }
        return points
    }
}

/// What the analysis found; each list is in the order the walk met it, which is deterministic.
public struct BoxAnalysis: Sendable {
    /// Regions no rule covers and no impossibility excludes.
    public var gaps: [Region] = []
    /// Pairs of rules that both match every possible point of a region.
    public var overlaps: [(first: Int, second: Int, region: Region)] = []
    /// How many overlapping pairs there are in all; `overlaps` keeps the first `limit`.
    public var overlapCount = 0
    /// Rules that match no possible point, or (first-hit policy) only points an earlier rule takes.
    public var neverFiring: [Int] = []
}

extension BoxTable {
    /// Walks the space once, splitting each dimension only into the classes of
    /// values the rules there tell apart, so the work follows the rules, not
    /// the size of the space. `firstHitOnly`: only the first matching rule
    /// fires (hit policy F), so later ones can be masked.
    public func analyse(firstHitOnly: Bool = false, limit: Int = 100) -> BoxAnalysis {
        var walk = Walk(table: self, firstHitOnly: firstHitOnly, limit: limit)
        walk.explore(rules: Array(rules.indices), impossible: Array(impossible.indices), dimension: 0, region: [])
        walk.result.neverFiring = rules.indices.filter { !walk.fired[$0] }
        return walk.result
    }
}

private struct Walk {
    let table: BoxTable
    let firstHitOnly: Bool
    let limit: Int
    var fired: [Bool]
    var result = BoxAnalysis()
    var seenPairs = Set<Int>()
    /// The last dimension each rule (and impossibility) pins to a value; past it, the box spans everything.
    let lastPinned: [Int]
    let lastPinnedImpossible: [Int]

    init(table: BoxTable, firstHitOnly: Bool, limit: Int) {
        self.table = table
        self.firstHitOnly = firstHitOnly
        self.limit = limit
        fired = Array(repeating: false, count: table.rules.count)
        lastPinned = table.rules.map { $0.lastIndex { $0 != BoxTable.any } ?? -1 }
        lastPinnedImpossible = table.impossible.map { $0.lastIndex { $0 != BoxTable.any } ?? -1 }
    }

    mutating func explore(rules: [Int], impossible: [Int], dimension: Int, region: [[Int]?]) {
        if rules.isEmpty && impossible.isEmpty {
            result.gaps.append(Region(values: region + Array(repeating: nil, count: table.domains.count - dimension)))
            return
        }
        // Once no box pins a later dimension, every point below here matches the same boxes.
        if dimension == table.domains.count
            || (rules.allSatisfy { lastPinned[$0] < dimension }
                && impossible.allSatisfy { lastPinnedImpossible[$0] < dimension }) {
            settle(rules: rules, impossible: impossible,
                   region: region + Array(repeating: nil, count: table.domains.count - region.count))
            return
        }
        var ruleBuckets: [Int: [Int]] = [:], ruleAny: [Int] = []
        for rule in rules {
            let value = table.rules[rule][dimension]
            if value == BoxTable.any { ruleAny.append(rule) } else { ruleBuckets[value, default: []].append(rule) }
        }
        var impossibleBuckets: [Int: [Int]] = [:], impossibleAny: [Int] = []
        for box in impossible {
            let value = table.impossible[box][dimension]
            if value == BoxTable.any { impossibleAny.append(box) } else { impossibleBuckets[value, default: []].append(box) }
        }
        let pinned = Set(ruleBuckets.keys).union(impossibleBuckets.keys).sorted()
        for value in pinned {
            explore(rules: merge(ruleBuckets[value] ?? [], ruleAny),
                    impossible: merge(impossibleBuckets[value] ?? [], impossibleAny),
                    dimension: dimension + 1, region: region + [[value]])
        }
        if pinned.count < table.domains[dimension] {
            let rest = pinned.isEmpty ? nil : Array(0..<table.domains[dimension]).filter { !pinned.contains($0) }
            explore(rules: ruleAny, impossible: impossibleAny, dimension: dimension + 1, region: region + [rest])
        }
    }

    /// A region where every point matches the same boxes.
    private mutating func settle(rules: [Int], impossible: [Int], region: [[Int]?]) {
        guard impossible.isEmpty else { return }
        guard !rules.isEmpty else {
            result.gaps.append(Region(values: region))
            return
        }
        if firstHitOnly { fired[rules[0]] = true } else { rules.forEach { fired[$0] = true } }
        guard rules.count > 1 else { return }
        let shared = Region(values: region)
        for i in rules.indices {
            for j in rules.indices where j > i {
                let key = rules[i] &* table.rules.count &+ rules[j]
                // Past a million pairs the table is one big overlap; counting on adds nothing.
                guard seenPairs.count < 1_000_000, seenPairs.insert(key).inserted else { continue }
                result.overlapCount += 1
                if result.overlaps.count < limit { result.overlaps.append((rules[i], rules[j], shared)) }
            }
        }
    }

    /// Two ascending lists of indices as one ascending list, keeping table order.
    private func merge(_ a: [Int], _ b: [Int]) -> [Int] {
        guard !a.isEmpty else { return b }
        guard !b.isEmpty else { return a }
        var out: [Int] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { out.append(a[i]); i += 1 } else { out.append(b[j]); j += 1 }
        }
        out += a[i...]
        out += b[j...]
        return out
    }
}
