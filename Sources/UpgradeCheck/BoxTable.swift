/// A decision table reduced to what its analysis needs: each input is a
/// dimension with a finite number of values, and each rule is a box, one
/// value or "any" per dimension. Impossible combinations are boxes too.
package struct BoxTable: Sendable {
    package static let any = -1

    package let domains: [Int]
    /// One row per rule, in table order; a cell is a value index or `any`.
    package let rules: [[Int]]
    package let impossible: [[Int]]

    package init(domains: [Int], rules: [[Int]], impossible: [[Int]] = []) {
        self.domains = domains
        self.rules = rules
        self.impossible = impossible
    }
}

/// A region of the space: per dimension, the values it spans (nil: all of them).
package struct BoxRegion: Hashable, Sendable {
    package let values: [[Int]?]

    /// One point inside the region, for a counterexample.
    package var witness: [Int] { values.map { $0?.first ?? 0 } }

    /// Every point of the region, given the size of each dimension; `limit` bounds the walk.
    package func points(domains: [Int], limit: Int = 4_096) -> [[Int]] {
        var points: [[Int]] = [[]]
        for (dimension, values) in self.values.enumerated() {
            let choices = values ?? Array(0..<domains[dimension])
            points = points.flatMap { prefix in choices.map { prefix + [$0] } }
            if points.count > limit { points = Array(points.prefix(limit)) }
        }
        return points
    }
}

/// What the analysis found, in a deterministic order.
package struct BoxAnalysis: Sendable {
    /// Regions no rule covers and no impossibility excludes.
    package var gaps: [BoxRegion] = []
    /// Pairs of rules whose boxes share a possible point, with their shared region; the first `limit`, by index.
    package var overlaps: [(first: Int, second: Int, region: BoxRegion)] = []
    /// How many overlapping pairs there are in all.
    package var overlapCount = 0
    /// False when there were so many pairs that counting stopped: `overlapCount` is then a lower bound.
    package var overlapCountIsExact = true
    /// Rules that match no possible point, or (first-hit policy) only points earlier rules take.
    package var neverFiring: [Int] = []
}

extension BoxTable {
    static let pairBudget = 1_000_000

    /// Gaps, overlaps and rules that never fire. Each part follows the rules, not
    /// the size of the space: dimensions split only into the values the rules
    /// there tell apart, and a region stops splitting once one box covers it.
    /// `firstHitOnly`: only the first matching rule fires (hit policy F).
    package func analyse(firstHitOnly: Bool = false, limit: Int = 100) -> BoxAnalysis {
        var result = BoxAnalysis()
        var gaps = GapWalk(table: self)
        gaps.explore(boxes: Array(0..<(rules.count + impossible.count)), dimension: 0, region: [])
        result.gaps = gaps.found
        var pairs = PairWalk(table: self, limit: limit)
        pairs.within(Array(rules.indices), dimension: 0)
        result.overlaps = pairs.kept.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
        result.overlapCount = pairs.count
        result.overlapCountIsExact = pairs.count < Self.pairBudget
        result.neverFiring = rules.indices.filter { index in
            let blockers = impossible + (firstHitOnly ? rules[..<index].filter { intersects($0, rules[index]) } : [])
            return covered(rules[index], by: blockers)
        }
        return result
    }

    func intersects(_ a: [Int], _ b: [Int]) -> Bool {
        zip(a, b).allSatisfy { $0 == BoxTable.any || $1 == BoxTable.any || $0 == $1 }
    }

    func intersection(_ a: [Int], _ b: [Int]) -> [Int] {
        zip(a, b).map { $0 == BoxTable.any ? $1 : $0 }
    }

    /// Whether every point of `box` lies in one of `boxes`.
    func covered(_ box: [Int], by boxes: [[Int]]) -> Bool {
        let relevant = boxes.filter { intersects($0, box) }
        guard !relevant.isEmpty else { return false }
        if relevant.contains(where: { other in zip(other, box).allSatisfy { $0 == BoxTable.any || $0 == $1 } }) {
            return true
        }
        // Some relevant box pins a dimension the box leaves open: cover it value by value.
        let open = box.indices.filter { box[$0] == BoxTable.any }
        guard let dimension = open.first(where: { d in relevant.contains { $0[d] != BoxTable.any } }) else { return false }
        return (0..<domains[dimension]).allSatisfy { value in
            var part = box
            part[dimension] = value
            return covered(part, by: relevant)
        }
    }

    /// Boxes 0..<rules.count are rules, the rest impossibilities.
    func box(_ index: Int) -> [Int] { index < rules.count ? rules[index] : impossible[index - rules.count] }
}

/// Finds the regions no box covers.
private struct GapWalk {
    let table: BoxTable
    var found: [BoxRegion] = []
    /// The last dimension each box pins; past it, the box spans everything.
    let lastPinned: [Int]

    init(table: BoxTable) {
        self.table = table
        lastPinned = (0..<(table.rules.count + table.impossible.count)).map { index in
            table.box(index).lastIndex { $0 != BoxTable.any } ?? -1
        }
    }

    mutating func explore(boxes: [Int], dimension: Int, region: [[Int]?]) {
        let open = table.domains.count - dimension
        if boxes.isEmpty {
            found.append(BoxRegion(values: region + Array(repeating: nil, count: open)))
            return
        }
        // One box spanning every remaining dimension covers the whole region.
        if dimension == table.domains.count || boxes.contains(where: { lastPinned[$0] < dimension }) { return }
        var buckets: [Int: [Int]] = [:], spanning: [Int] = []
        for index in boxes {
            let value = table.box(index)[dimension]
            if value == BoxTable.any { spanning.append(index) } else { buckets[value, default: []].append(index) }
        }
        let pinned = buckets.keys.sorted()
        for value in pinned {
            explore(boxes: buckets[value]! + spanning, dimension: dimension + 1, region: region + [[value]])
        }
        if pinned.count < table.domains[dimension] {
            let rest = pinned.isEmpty ? nil : (0..<table.domains[dimension]).filter { buckets[$0] == nil }
            explore(boxes: spanning, dimension: dimension + 1, region: region + [rest])
        }
    }
}

/// Finds each pair of overlapping rules exactly once: at every dimension a pair
/// either shares a value, or one of them spans it, and each case is followed once.
private struct PairWalk {
    let table: BoxTable
    let limit: Int
    var kept: [(first: Int, second: Int, region: BoxRegion)] = []
    var count = 0
    let lastPinned: [Int]

    init(table: BoxTable, limit: Int) {
        self.table = table
        self.limit = limit
        lastPinned = table.rules.map { rule in rule.lastIndex { $0 != BoxTable.any } ?? -1 }
    }

    /// Overlapping pairs inside one set of rules.
    mutating func within(_ rules: [Int], dimension: Int) {
        guard rules.count > 1, count < BoxTable.pairBudget else { return }
        if dimension == table.domains.count || rules.allSatisfy({ lastPinned[$0] < dimension }) {
            for i in rules.indices { for j in rules.indices where j > i { emit(rules[i], rules[j]) } }
            return
        }
        let (buckets, spanning) = split(rules, at: dimension)
        for value in buckets.keys.sorted() {
            within(buckets[value]!, dimension: dimension + 1)
            across(buckets[value]!, spanning, dimension: dimension + 1)
        }
        within(spanning, dimension: dimension + 1)
    }

    /// Overlapping pairs with one rule from each set.
    mutating func across(_ a: [Int], _ b: [Int], dimension: Int) {
        guard !a.isEmpty, !b.isEmpty, count < BoxTable.pairBudget else { return }
        if dimension == table.domains.count
            || (a.allSatisfy { lastPinned[$0] < dimension } && b.allSatisfy { lastPinned[$0] < dimension })
        {
            for x in a { for y in b { emit(x, y) } }
            return
        }
        let (aBuckets, aSpanning) = split(a, at: dimension)
        let (bBuckets, bSpanning) = split(b, at: dimension)
        for value in Set(aBuckets.keys).union(bBuckets.keys).sorted() {
            across(aBuckets[value] ?? [], bBuckets[value] ?? [], dimension: dimension + 1)
            across(aBuckets[value] ?? [], bSpanning, dimension: dimension + 1)
            across(aSpanning, bBuckets[value] ?? [], dimension: dimension + 1)
        }
        across(aSpanning, bSpanning, dimension: dimension + 1)
    }

    private func split(_ rules: [Int], at dimension: Int) -> (buckets: [Int: [Int]], spanning: [Int]) {
        var buckets: [Int: [Int]] = [:], spanning: [Int] = []
        for rule in rules {
            let value = table.rules[rule][dimension]
            if value == BoxTable.any { spanning.append(rule) } else { buckets[value, default: []].append(rule) }
        }
        return (buckets, spanning)
    }

    private mutating func emit(_ x: Int, _ y: Int) {
        let shared = table.intersection(table.rules[x], table.rules[y])
        // A pair that meets only on impossible points does not overlap.
        if !table.impossible.isEmpty, table.covered(shared, by: table.impossible) { return }
        count += 1
        if kept.count < limit {
            kept.append((min(x, y), max(x, y), BoxRegion(values: shared.map { $0 == BoxTable.any ? nil : [$0] })))
        }
    }
}
