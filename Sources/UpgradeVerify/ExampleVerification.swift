import UpgradeCore

/// The worked-examples table, wherever it is published: one row per example of the content,
/// in order, each with the request in words and the rule core's verdict and reasons.
struct ExampleVerification {
    let catalog: Catalog
    let core: RuleCore
    let file: String

    static let header = ["Example", "Request", "Verdict", "Reasons"]

    /// Each example's row as a reader sees it, worked out from the content and the rule core.
    var expected: [(id: String, cells: [String])] {
        catalog.examples.map { example in
            let request = example.request, decision = core.decide(request)
            var asked = "\(request.from.name) → \(request.to.name), \(request.status.rawValue), as of \(request.asOf)"
            if !request.holdings.isEmpty {
                asked +=
                    "; also has "
                    + request.holdings
                    .map { $0.offer.name + ($0.channel == .other ? " (other channel)" : "") }.joined(separator: ", ")
            }
            let reasons =
                decision.reasons.isEmpty
                ? "-"
                : decision.reasons.map { "\($0.rule) \($0.code.rawValue)" }
                    .joined(separator: ", ")
            return ("example-\(example.id)", [example.title, asked, decision.verdict.rawValue, reasons])
        }
    }

    func verify(rows: [(id: String?, cells: [String], line: Int)], header: [String], line: Int, _ report: inout Tally) {
        report.coverage.tables += 1
        if header != Self.header {
            report.fail(.examplePage, "the worked examples' header reads \(header)", file: file, line: line)
        }
        let expected = self.expected
        for (index, row) in rows.enumerated() {
            report.coverage.rows += 1
            guard index < expected.count else {
                report.fail(
                    .examplePage, "a worked example the content does not have: '\(row.cells.first ?? "")'", file: file,
                    line: row.line)
                continue
            }
            let want = expected[index]
            if let id = row.id, id != want.id {
                report.fail(
                    .examplePage, "worked example \(index + 1) is \(id), the content's is \(want.id)", file: file, line: row.line)
            }
            if row.cells != want.cells {
                report.fail(
                    .examplePage,
                    "worked example '\(want.cells[0])' reads \(row.cells), but the content and the rule core give "
                        + "\(want.cells)", file: file, line: row.line)
            }
        }
        if rows.count < expected.count {
            report.fail(
                .examplePage, "\(expected.count - rows.count) of the content's worked examples are missing", file: file,
                line: line)
        }
    }
}
