import UpgradeBase
import UpgradeContent
import UpgradeCore

/// `upgradedocs check` for decision tables: completeness, overlaps under the
/// hit policy, rules that never fire, rules that could merge, and agreement
/// with the rule core at every point, each finding placed in `content/`.
package enum TableCheck {
    package static func check(_ content: LoadedContent, into diagnostics: Diagnostics) {
        let examples = Examples(content)
        for table in content.catalog.tables {
            diagnostics.append(
                contentsOf: TableFindings(
                    table: table, content: content, examples: examples,
                    tableAt: content.sourceMap.tables[table.id] ?? SourceLocation(file: "tables/\(table.id).yaml"),
                    rowsAt: table.rules.map { content.sourceMap.tableRows[TableRowKey(table: table.id, row: $0.id)] }
                ).all())
        }
    }

    /// The same analysis for a table from elsewhere, such as a DMN file edited in a modeler, each
    /// finding placed where `tableAt` and `rowsAt` (one for each rule) say.
    package static func check(
        _ table: DecisionTable, content: LoadedContent, tableAt: SourceLocation, rowsAt: [SourceLocation],
        into diagnostics: Diagnostics
    ) {
        diagnostics.append(
            contentsOf: TableFindings(
                table: table, content: content, examples: Examples(content), tableAt: tableAt, rowsAt: rowsAt
            ).all())
    }
}

/// The requests that reach each point, searched for only when a finding needs one: a table
/// that agrees with the rule core everywhere never pays for the search.
private final class Examples {
    private let content: LoadedContent
    private lazy var found = Counterexamples.of(content.catalog, model: content.modelDigest, asOf: content.settings.asOf)

    init(_ content: LoadedContent) {
        self.content = content
    }

    func request(reaching point: ConditionPoint) -> Request? {
        found.request(reaching: point)
    }
}

private struct TableFindings {
    let table: DecisionTable
    let content: LoadedContent
    let examples: Examples
    let encoding: TableEncoding
    let tableLocation: SourceLocation
    /// Each rule's place, where known.
    let rowsAt: [SourceLocation?]

    init(
        table: DecisionTable, content: LoadedContent, examples: Examples, tableAt: SourceLocation,
        rowsAt: [SourceLocation?]
    ) {
        self.table = table
        self.content = content
        self.examples = examples
        encoding = TableEncoding(table)
        tableLocation = tableAt
        self.rowsAt = rowsAt
    }

    func all() -> [Diagnostic] {
        var findings = missingInputs()
        let analysis = encoding.boxes.analyse(firstHitOnly: table.hitPolicy == .first)
        if table.noMatch == nil {
            findings += analysis.gaps.map { gap in
                error(.tableGap, "gap: no rule matches \(encoding.describe(gap))\(tryIt(bestPoint(in: gap)))", at: tableLocation)
            }
        }
        findings += overlapFindings(analysis)
        findings += analysis.neverFiring.map { index in
            let rule = table.rules[index]
            let why =
                table.hitPolicy == .first
                ? "every case it matches is taken by an earlier rule (hit policy F)"
                : "every case it matches is impossible"
            return error(.tableUnreachable, "rule \(rule.id) can never fire: \(why)", at: rowLocation(index))
        }
        findings += encoding.boxes.contractions(outcomes: encoding.outcomes).map { dimension, rules in
            let ids = rules.map { table.rules[$0].id.rawValue }.joined(separator: ", ")
            return Diagnostic(
                .warning, .tableMergeable,
                "rules \(ids) differ only in \(encoding.conditions[dimension].rawValue) and "
                    + "together cover all its values: they could be one rule with '-' there",
                at: rowLocation(rules[0]))
        }
        findings += disagreementFindings()
        return findings
    }

    /// Cases a real request reaches come first: those are the ones to try. A long list is cut short.
    private func disagreementFindings(limit: Int = 20) -> [Diagnostic] {
        let all = encoding.disagreements(logic: content.catalog.logic(of: table))
        let ordered =
            all.filter { examples.request(reaching: $0.point) != nil }
            + all.filter { examples.request(reaching: $0.point) == nil }
        var findings = ordered.prefix(limit).map { disagreement in
            let place = disagreement.rows.count == 1 ? rowLocation(disagreement.rows[0]) : tableLocation
            return error(
                .tableDisagreement,
                "at \(encoding.describe(disagreement.point)) the table says \(disagreement.tableSays), "
                    + "but the rule core says \(disagreement.coreSays)\(tryIt(disagreement.point))", at: place)
        }
        if ordered.count > limit {
            findings.append(
                error(.tableDisagreement, "\(ordered.count - limit) more cases disagree with the rule core", at: tableLocation))
        }
        return findings
    }

    /// A table that concludes something must test every condition the core decides it on.
    private func missingInputs() -> [Diagnostic] {
        let tested = Set(encoding.conditions)
        return table.outputs.compactMap { output in
            let concluded = Set(table.rules.compactMap { $0.outputs[output.conclusion] })
            let missing = content.catalog.logic(of: table).inputs(of: output.conclusion, concluding: concluded)
                .subtracting(tested)
            guard !missing.isEmpty else { return nil }
            return error(
                .tableInputs,
                "the output \(output.conclusion.rawValue) depends on "
                    + missing.map(\.rawValue).sorted().joined(separator: ", ") + ", which the table does not test",
                at: tableLocation)
        }
    }

    private func overlapFindings(_ analysis: BoxAnalysis) -> [Diagnostic] {
        let outcomes = encoding.outcomes
        return analysis.overlaps.compactMap { first, second, _ in
            // Only U and A refuse an overlap: under R, C and the others the example would be worked out for nothing.
            switch table.hitPolicy {
            case .unique: break
            case .any where outcomes[first] != outcomes[second]: break
            default: return nil
            }
            // The pair's whole intersection is a box; any reachable point of it makes the best example.
            let a = encoding.boxes.rules[first], b = encoding.boxes.rules[second]
            let point = bestPoint(
                in: BoxRegion(
                    values: zip(a, b).map { x, y in
                        x == BoxTable.any ? (y == BoxTable.any ? nil : [y]) : [x]
                    }))
            let pair =
                "rules \(table.rules[first].id) and \(table.rules[second].id) both match "
                + encoding.describe(point)
            return table.hitPolicy == .unique
                ? error(
                    .tableOverlap, "overlap: \(pair), but hit policy U allows only one\(tryIt(point))", at: rowLocation(second))
                : error(
                    .tableOverlap, "overlap: \(pair) with different outcomes, which hit policy A forbids\(tryIt(point))",
                    at: rowLocation(second))
        }
    }

    /// A point of the region that a real request reaches, when there is one.
    private func bestPoint(in region: BoxRegion) -> ConditionPoint {
        let points = region.points(domains: encoding.boxes.domains).map(encoding.point)
        return points.first { examples.request(reaching: $0) != nil } ?? encoding.point(region.witness)
    }

    /// "; try: upgradedocs explain …" when the catalog has a request that reaches the point.
    private func tryIt(_ point: ConditionPoint) -> String {
        guard let request = examples.request(reaching: point) else {
            return " (no request over the current catalog reaches this case)"
        }
        return "; try: " + Counterexamples.command(for: request)
    }

    private func rowLocation(_ index: Int) -> SourceLocation {
        (index < rowsAt.count ? rowsAt[index] : nil) ?? tableLocation
    }

    private func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code, "table \(table.id): " + message, at: location)
    }
}

extension TableCheck {
    /// Every case where `table`, as given, and the rule core disagree: for a
    /// table read back from a published page.
    package static func disagreements(of table: DecisionTable, logic: ConditionLogic) -> [String] {
        let encoding = TableEncoding(table)
        return encoding.disagreements(logic: logic).map { disagreement in
            "at \(encoding.describe(disagreement.point)) the table says \(disagreement.tableSays), "
                + "but the rule core says \(disagreement.coreSays)"
        }
    }
}
