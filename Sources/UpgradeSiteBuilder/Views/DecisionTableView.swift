import UpgradeBase
import UpgradeCore
import UpgradeSiteContract

/// A decision table in the DMN style: hit policy in the corner, numbered
/// rules, inputs ║ outputs, `-` for any, and an annotation citing the rule.
struct DecisionTableView {
    let context: ViewContext
    let table: DecisionTable

    func page() -> Page {
        var blocks: [Block] = [
            .paragraph([
                .strong([.text("Hit policy \(table.hitPolicy.rawValue) (\(table.hitPolicy.name))")]),
                .text(": \(table.hitPolicy.meaning)."),
            ]),
            legend(),
            .table(markup()),
            dmnLink,
        ]
        let cited = table.rules.compactMap(\.cites).compactMap(context.catalog.rule)
        if !cited.isEmpty {
            blocks.append(.heading(level: 2, [.text("The rules cited")], id: "rules"))
            blocks.append(
                .list(
                    ordered: false,
                    items: cited.map { rule in
                        [.strong([.text(rule.id.rawValue)]), .text(" \(rule.title) If not: \(rule.remedy) Source: ")]
                            + context.cite(rule.source) + [.text(".")]
                    }))
        }
        if table.rules.contains(where: { $0.outputs[.reason] != nil }), !context.catalog.examples.isEmpty {
            blocks.append(.heading(level: 2, [.text("Worked examples")], id: "examples"))
            blocks.append(.table(ExamplesView(context: context).table()))
        }
        let notes = context.interpretationNotes(
            affecting: cited.map { .rule($0.id) }
                + table.rules.compactMap { $0.outputs[.advisory] }.map(AdvisoryCode.init(rawValue:)).map { .advisory($0) })
        if !notes.isEmpty {
            blocks.append(.heading(level: 2, [.text("Interpretations")], id: "interpretations"))
            blocks += notes
        }
        return Page(
            path: SitePaths.table(table.id), kind: .rules, title: "Decision table: \(table.title)",
            summary: table.summary,
            facts: [
                Fact("Hit policy", [.text("\(table.hitPolicy.rawValue) (\(table.hitPolicy.name))")]),
                Fact("Rules", [.text(String(table.rules.count))]), context.asOfFact,
            ],
            blocks: blocks)
    }

    /// The same table as a DMN 1.3 file, for Camunda Modeler, dmn-js or the KIE editor.
    var dmnLink: Block {
        .paragraph([
            .fileLink([.text("Open in a DMN modeler")], file: SitePaths.dmn(table.id)),
            .text(
                ": the same table as a DMN 1.3 file (\(table.id).dmn), for Camunda Modeler, dmn-js or the KIE "
                    + "editor. Its inputs are named as in the test vectors, and an engine nobody here wrote "
                    + "decides every one of their points as this page does."),
        ])
    }

    func legend() -> Block {
        .list(
            ordered: false,
            items: [
                [.text("The letter in the top-left cell is the hit policy; the numbers down the left are the rules.")],
                [
                    .text("Columns before "), .symbol("║", alternative: "the double rule"),
                    .text("\u{00A0}are conditions; columns after it are outcomes."),
                ],
                [.symbol("-", alternative: "a dash"), .text("\u{00A0}means any value.")],
            ])
    }

    func markup() -> Table {
        let corner = Cell(
            [.symbol(table.hitPolicy.rawValue, alternative: "Hit policy \(table.hitPolicy.name); rule")],
            header: .col, cssClass: "hit-policy")
        let head = Row(
            [corner]
                + table.inputs.map { Cell.text($0.label, header: .col, cssClass: "input") }
                + table.outputs.enumerated().map { index, output in
                    Cell(
                        index == 0 ? [.symbol("║", alternative: ""), .text(" " + output.label)] : [.text(output.label)],
                        header: .col, cssClass: index == 0 ? "output first-output" : "output")
                }
                + [Cell.text("Annotation", header: .col, cssClass: "annotation")])
        let body = table.rules.enumerated().map { number, rule in
            Row(
                [Cell.text(String(number + 1), header: .row, attributes: [Attribute("id", "rule-\(rule.id)")])]
                    + table.inputs.map { input in
                        Cell.text(
                            rule.inputs[input.condition] ?? "-",
                            attributes: [Attribute(Markup.Data.input, input.condition.rawValue)], cssClass: "input")
                    }
                    + table.outputs.enumerated().map { index, output in
                        // The outcome in words first, its code after: the code is for machines and for `explain`.
                        let value = rule.outputs[output.conclusion] ?? "-"
                        let words = output.conclusion.words(of: value, in: context.catalog.logic(of: table))
                        return Cell(
                            words.map { [.text($0 + " "), .code(value)] } ?? [.text(value)],
                            attributes: [Attribute(Markup.Data.output, output.conclusion.rawValue)],
                            cssClass: index == 0 ? "output first-output" : "output")
                    }
                    + [Cell(annotation(rule), cssClass: "annotation")],
                attributes: [Attribute(Markup.Data.rule, rule.id.rawValue)])
        }
        return Table(
            caption: [.text("\(table.title): decision table, hit policy \(table.hitPolicy.rawValue)")],
            cssClass: Markup.TableClass.decision,
            attributes: [
                Attribute(Markup.Data.hitPolicy, table.hitPolicy.rawValue),
                Attribute(Markup.Data.table, table.id.rawValue),
            ],
            head: [head], body: body)
    }

    private func annotation(_ row: TableRule) -> [Inline] {
        guard let id = row.cites, let rule = context.catalog.rule(id) else { return [.text(row.annotation)] }
        let text = row.annotation.isEmpty ? rule.title : row.annotation
        return [.strong([.text(rule.id.rawValue)]), .text(" \(text) Source: ")] + context.cite(rule.source) + [.text(".")]
    }
}

/// The worked examples of the content, each with the rule core's answer.
struct ExamplesView {
    let context: ViewContext

    func table() -> Table {
        let head = Row(["Example", "Request", "Verdict", "Reasons"].map { Cell.text($0, header: .col) })
        let body = context.catalog.examples.map { example in
            let decision = context.core.decide(example.request)
            let request = example.request
            var asked = "\(request.from.name) → \(request.to.name), \(request.status.rawValue), as of \(request.asOf)"
            if !request.holdings.isEmpty {
                asked +=
                    "; also has "
                    + request.holdings
                    .map { $0.offer.name + ($0.channel == .other ? " (other channel)" : "") }.joined(separator: ", ")
            }
            return Row(
                [
                    Cell.text(example.title, header: .row), Cell.text(asked),
                    Cell.text(decision.verdict.rawValue),
                    Cell.text(
                        decision.reasons.isEmpty
                            ? "-"
                            : decision.reasons
                                .map { "\($0.rule) \($0.code.rawValue)" }.joined(separator: ", ")),
                ],
                attributes: [Attribute("id", "example-\(example.id)")])
        }
        return Table(
            caption: [.text("Worked examples and their answers")], cssClass: "examples",
            head: [head], body: body)
    }
}
