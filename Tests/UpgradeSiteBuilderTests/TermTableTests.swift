import Testing
@testable import UpgradeSiteBuilder
import TestSupport

/// The search index weighs a page's terms in its own hash table; a term's weight must be
/// what a plain dictionary of the same terms gives, however the terms collide or the table grows.
@Suite("A page's term counts are a dictionary's")
struct TermTableTests {
    @Test("Random terms, many alike and some thousands distinct, count as a dictionary counts them")
    func countsEqualADictionarys() {
        var random = SeededGenerator(seed: 15)
        for round in 0..<50 {
            // Few letters make many repeats; a long run makes the table grow well past its start.
            let letters = Array("abcdeé日\u{0}".utf8).prefix(round % 2 == 0 ? 3 : 9)
            var table = TermTable(capacity: 4)
            var expected: [[UInt8]: Int] = [:]
            var order: [[UInt8]] = []
            for _ in 0..<Int.random(in: 0...3_000, using: &random) {
                let term = (0..<Int.random(in: 0...6, using: &random)).map { _ in letters.randomElement(using: &random)! }
                let weight = Int.random(in: 1...50, using: &random)
                term.withUnsafeBufferPointer { table.update($0) { $0 += weight } }
                if expected[term] == nil { order.append(term) }
                expected[term, default: 0] += weight
            }
            var got: [(String, Int)] = []
            table.forEach { got.append(($0, $1)) }
            #expect(table.count == expected.count)
            #expect(got.map(\.0) == order.map { String(decoding: $0, as: UTF8.self) }, "round \(round): first-seen order")
            #expect(got.map(\.1) == order.map { expected[$0]! }, "round \(round)")
        }
    }
}
