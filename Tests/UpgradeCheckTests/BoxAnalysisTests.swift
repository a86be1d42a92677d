import PropertyBased
import Testing
@testable import UpgradeCheck

@Suite("Box analysis")
struct BoxAnalysisTests {
    let any = BoxTable.any

    @Test("Finds the gap a two-input table leaves, and nothing in a complete one")
    func gaps() {
        let complete = BoxTable(domains: [2, 3], rules: [[0, any], [1, 0], [1, 1], [1, 2]])
        #expect(complete.analyse().gaps.isEmpty)
        let holed = BoxTable(domains: [2, 3], rules: [[0, any], [1, 0], [1, 2]])
        #expect(holed.analyse().gaps == [BoxRegion(values: [[1], [1]])])
    }

    @Test("An impossible combination is not a gap, and a rule inside one never fires")
    func impossibleCombinations() {
        let table = BoxTable(domains: [2, 2], rules: [[0, any], [1, 0], [1, 1]], impossible: [[1, 1]])
        let analysis = table.analyse()
        #expect(analysis.gaps.isEmpty)
        #expect(analysis.neverFiring == [2])
        #expect(BoxTable(domains: [2, 2], rules: [[0, any], [1, 0]], impossible: [[1, 1]]).analyse().gaps.isEmpty)
    }

    @Test("Overlapping pairs are reported once each; first-hit masks a covered rule")
    func overlapsAndMasking() {
        let table = BoxTable(domains: [2, 2], rules: [[any, any], [0, any], [0, 1]])
        let analysis = table.analyse()
        #expect(analysis.overlaps.map { [$0.first, $0.second] } == [[0, 1], [0, 2], [1, 2]])
        #expect(analysis.overlapCount == 3)
        #expect(analysis.neverFiring.isEmpty)
        #expect(table.analyse(firstHitOnly: true).neverFiring == [1, 2])
    }

    @Test("Rules that differ in one input and cover all its values could merge")
    func contractions() {
        let table = BoxTable(domains: [2, 2], rules: [[0, 0], [0, 1], [1, 0]])
        let found = table.contractions(outcomes: ["a", "a", "b"])
        #expect(found.map(\.dimension) == [1])
        #expect(found.map(\.rules) == [[0, 1]])
        #expect(table.contractions(outcomes: ["a", "b", "b"]).isEmpty)
    }

    /// The same questions answered by visiting every point.
    static func bruteForce(_ table: BoxTable, firstHitOnly: Bool) -> (gapPoints: Set<[Int]>, pairs: Set<[Int]>, never: [Int]) {
        var points: [[Int]] = [[]]
        for size in table.domains { points = points.flatMap { prefix in (0..<size).map { prefix + [$0] } } }
        func covers(_ box: [Int], _ point: [Int]) -> Bool {
            zip(box, point).allSatisfy { $0 == BoxTable.any || $0 == $1 }
        }
        var gaps = Set<[Int]>(), pairs = Set<[Int]>(), fired = Set<Int>()
        for point in points where !table.impossible.contains(where: { covers($0, point) }) {
            let matching = table.rules.indices.filter { covers(table.rules[$0], point) }
            if matching.isEmpty { gaps.insert(point) }
            if firstHitOnly {
                if let first = matching.first { fired.insert(first) }
            } else {
                fired.formUnion(matching)
            }
            for i in matching { for j in matching where j > i { pairs.insert([i, j]) } }
        }
        return (gaps, pairs, table.rules.indices.filter { !fired.contains($0) })
    }

    @Test("On random small tables, the walk agrees with visiting every point")
    func agreesWithBruteForce() async {
        let cell = Gen.int(in: -1...2)
        let row = cell.array(of: 3)
        await propertyCheck(count: 400, input: row.array(of: 0...7), row.array(of: 0...2), Gen.bool) { rows, blocked, firstHit in
            let domains = [3, 2, 3]
            let clamp = { (box: [Int]) in zip(box, domains).map { $0 == -1 ? -1 : $0 % $1 } }
            let table = BoxTable(domains: domains, rules: rows.map(clamp), impossible: blocked.map(clamp))
            let analysis = table.analyse(firstHitOnly: firstHit, limit: 10_000)
            let expected = Self.bruteForce(table, firstHitOnly: firstHit)
            let gapPoints = Set(analysis.gaps.flatMap { $0.points(domains: domains) })
            #expect(gapPoints == expected.gapPoints)
            #expect(Set(analysis.overlaps.map { [$0.first, $0.second] }) == expected.pairs)
            #expect(analysis.overlapCount == expected.pairs.count)
            #expect(analysis.neverFiring == expected.never)
        }
    }
}
