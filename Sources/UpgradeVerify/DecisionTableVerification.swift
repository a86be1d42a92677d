import UpgradeBase
import UpgradeCheck
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// A published decision table, read back, against the content's table and the rule core.
struct DecisionTableVerification {
    let table: DecisionTable
    let logic: ConditionLogic
    let file: String

    /// One row as the page shows it, known by its rule id (HTML) or its number (Markdown).
    struct ReadRow {
        let id: String
        let inputs: [String]
        let outputs: [String]
        let line: Int
    }

    /// What the header row shows: the hit-policy letter, each input's label, the double rule before the
    /// first output, each output's label, and the annotation column.
    var header: [String] {
        [table.hitPolicy.rawValue] + table.inputs.map(\.label)
            + table.outputs.enumerated().map { $0.offset == 0 ? "║ " + $0.element.label : $0.element.label } + ["Annotation"]
    }

    /// A rule's annotation as a reader sees it: the cited rule, its text and its source, or the row's own note.
    func annotation(_ row: TableRule) -> String {
        guard let id = row.cites, let rule = logic.rules.first(where: { $0.id == id }) else { return row.annotation }
        return "\(rule.id) \(row.annotation.isEmpty ? rule.title : row.annotation) Source: \(rule.source)."
    }

    func verify(html: HTMLTableReader.Table, _ report: inout Tally) {
        report.coverage.tables += 1
        if html.attributes["data-hit-policy"] != table.hitPolicy.rawValue {
            fail(
                "the hit policy is \(html.attributes["data-hit-policy"] ?? "missing"), the content says "
                    + table.hitPolicy.rawValue, line: html.line, &report)
        }
        if let head = html.rows.first, head.cells.map(\.text) != header {
            fail(
                "the header shows \(quoted(head.cells.map(\.text))), the content's table is \(quoted(header))",
                line: head.line, &report)
        }
        for row in html.rows.dropFirst() {
            for cell in row.cells {
                for hidden in cell.concealed {
                    fail("a cell holds \(hidden.what), which no reader meets", line: hidden.line, &report)
                }
            }
            guard let rule = table.rules.firstIndex(where: { $0.id.rawValue == row.attributes[Markup.Data.rule] }) else {
                continue
            }
            let number = row.cells.first
            if number?.text != String(rule + 1) || number?.attributes["id"] != "rule-\(table.rules[rule].id)" {
                fail(
                    "rule \(table.rules[rule].id) is numbered '\(number?.text ?? "")', the content makes it rule \(rule + 1)",
                    line: row.line, &report)
            }
            let expected = annotation(table.rules[rule])
            if let shown = row.cells.last?.text, shown != expected {
                fail(
                    "rule \(table.rules[rule].id): the annotation reads '\(shown)', the content says '\(expected)'",
                    line: row.line, &report)
            }
        }
        let rows = html.rows.dropFirst().map { row in
            let inputs = Dictionary(
                row.cells.compactMap { cell in cell.attributes["data-input"].map { ($0, cell.text) } },
                uniquingKeysWith: { first, _ in first })
            let outputs = Dictionary(
                row.cells.compactMap { cell in cell.attributes["data-output"].map { ($0, cell.text) } },
                uniquingKeysWith: { first, _ in first })
            return ReadRow(
                id: row.attributes["data-rule"] ?? "",
                inputs: table.inputs.map { inputs[$0.condition.rawValue] ?? "(no cell)" },
                outputs: table.outputs.map { outputs[$0.conclusion.rawValue] ?? "(no cell)" }, line: row.line)
        }
        judge(rows, tableLine: html.line, &report)
    }

    func verify(markdown tables: [MarkdownTableReader.Table], _ report: inout Tally) {
        let labels = table.inputs.map(\.label) + table.outputs.map(\.label)
        guard
            let read = tables.first(where: { candidate in
                candidate.header.count == labels.count + 2
                    && zip(candidate.header.dropFirst(), labels).allSatisfy { $0.replacingOccurrences(of: "║ ", with: "") == $1 }
            })
        else {
            fail("no Markdown decision table with the columns of '\(table.id)'", line: 1, &report)
            return
        }
        report.coverage.tables += 1
        if read.header.first != table.hitPolicy.rawValue {
            fail(
                "the hit policy is \(read.header.first ?? "missing"), the content says \(table.hitPolicy.rawValue)",
                line: read.line, &report)
        }
        let inputs = table.inputs.count
        for row in read.rows {
            guard let number = Int(row.cells.first ?? ""), table.rules.indices.contains(number - 1) else { continue }
            // As a reader sees it once rendered: a cited source's link is its text.
            let expected = Perceived.collapse(annotation(table.rules[number - 1]))
            let shown = MarkdownInline.plain(row.cells.last ?? "")
            if shown != expected {
                fail(
                    "rule \(table.rules[number - 1].id): the annotation reads '\(shown)', the content says '\(expected)'",
                    line: row.line, &report)
            }
        }
        let rows = read.rows.map { row -> ReadRow in
            // The number says which rule a row is; a number that names no rule makes an extra row.
            let number = Int(row.cells.first ?? "").flatMap { table.rules.indices.contains($0 - 1) ? $0 - 1 : nil }
            return ReadRow(
                id: number.map { table.rules[$0].id.rawValue } ?? "numbered '\(row.cells.first ?? "")'",
                inputs: Array(row.cells.dropFirst().prefix(inputs)),
                outputs: row.cells.dropFirst(1 + inputs).prefix(table.outputs.count).map(MarkdownInline.plain),
                line: row.line)
        }
        judge(rows, tableLine: read.line, &report)
    }

    /// Rows against the content's rows, matched by identity, then the table as read against the rule core.
    private func judge(_ rows: [ReadRow], tableLine: Int, _ report: inout Tally) {
        let expected = table.rules
        let known = Set(expected.map(\.id.rawValue))
        for row in rows where !known.contains(row.id) {
            fail("the row \(row.id.isEmpty ? "without a rule id" : row.id) should not be there", line: row.line, &report)
        }
        var seen = Set<String>()
        for row in rows where known.contains(row.id) && !seen.insert(row.id).inserted {
            fail("rule \(row.id) appears twice", line: row.line, &report)
        }
        for (index, rule) in expected.enumerated() where !rows.contains(where: { $0.id == rule.id.rawValue }) {
            fail("rule \(rule.id) (row \(index + 1)) is missing", line: tableLine, &report)
        }
        let order = rows.map(\.id).filter(known.contains)
        if order != expected.map(\.id.rawValue).filter(order.contains) {
            fail(
                "the rows are out of order, which changes the meaning under hit policy \(table.hitPolicy.rawValue)",
                line: tableLine, &report)
        }
        var readRules: [TableRule] = []
        for row in rows {
            guard let rule = expected.first(where: { $0.id.rawValue == row.id }) else { continue }
            report.coverage.rows += 1
            var inputs: [Condition: String] = [:], outputs: [Conclusion: String] = [:]
            for (value, input) in zip(row.inputs, table.inputs) {
                let contentValue = rule.inputs[input.condition] ?? "-"
                if value != contentValue {
                    fail(
                        "rule \(rule.id), \(input.condition.rawValue): the page says '\(value)', the content says "
                            + "'\(contentValue)'", line: row.line, &report)
                }
                if value != "-" { inputs[input.condition] = value }
            }
            for (shown, output) in zip(row.outputs, table.outputs) {
                let contentValue = rule.outputs[output.conclusion] ?? "-"
                // An outcome reads as words, then its code: the code is the value, and the words must be the model's.
                let value = shown.split(separator: " ").last.map(String.init) ?? shown
                if let words = output.conclusion.words(of: value, in: logic), shown != words + " " + value {
                    fail(
                        "rule \(rule.id), \(output.conclusion.rawValue): the page says '\(shown)', the model words "
                            + "\(value) as '\(words)'", line: row.line, &report)
                }
                if value != contentValue {
                    fail(
                        "rule \(rule.id), \(output.conclusion.rawValue): the page says '\(value)', the content says "
                            + "'\(contentValue)'", line: row.line, &report)
                }
                if value != "-" { outputs[output.conclusion] = value }
            }
            readRules.append(TableRule(id: rule.id, inputs: inputs, outputs: outputs, annotation: ""))
        }
        // The table as published, whatever the content says, must still agree with the rule core.
        let published = DecisionTable(
            id: table.id, title: table.title, summary: table.summary, hitPolicy: table.hitPolicy,
            inputs: table.inputs, outputs: table.outputs, rules: readRules,
            impossible: table.impossible, noMatch: table.noMatch)
        for disagreement in TableCheck.disagreements(of: published, logic: logic).prefix(5) {
            fail("as published, " + disagreement, line: tableLine, &report)
        }
    }

    private func quoted(_ items: [String]) -> String { items.map { "'\($0)'" }.joined(separator: ", ") }

    private func fail(_ message: String, line: Int, _ report: inout Tally) {
        report.fail(.tableMismatch, "decision table \(table.id): " + message, file: file, line: line)
    }
}
