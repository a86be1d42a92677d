import UpgradeBase
import UpgradeCore
import UpgradeSiteContract

/// A decision table's `.dmn` file, read back with this module's own XML reading (not the
/// exporter's code) and held to the model: the one decision's hit policy, its inputs by their
/// condition's camelCase name, each with a required `inputData`, its outputs, and every rule in
/// order with every entry. The model's table is itself proven against the rule core by `check`.
struct DMNVerification {
    let table: DecisionTable
    let logic: ConditionLogic
    let file: String

    func verify(_ text: String, _ report: inout Tally) {
        report.coverage.tables += 1
        guard let document = HTMLDocument.parseXML(text) else {
            fail("the file is not well-formed XML", line: 1, &report)
            return
        }
        let definitions = document.elements.first
        guard let definitions, definitions.name == "definitions", Self.namespace(definitions) == DMNContract.model else {
            fail("the file is not DMN 1.3: its root is not <definitions> in \(DMNContract.model)", line: 1, &report)
            return
        }
        let decisions = children(definitions, "decision")
        let tables = decisions.flatMap { children($0, "decisionTable") }
        guard decisions.count == 1, tables.count == 1, let decision = decisions.first, let dmn = tables.first else {
            fail(
                "the file has \(decisions.count) decisions and \(tables.count) decision tables, not one of each",
                line: definitions.line, &report)
            return
        }
        let policy = dmn.attributes["hitPolicy"] ?? "UNIQUE"
        if policy != DMNContract.hitPolicy(table.hitPolicy) {
            fail(
                "the hit policy is \(policy), but the table's is \(DMNContract.hitPolicy(table.hitPolicy))",
                line: dmn.line, &report)
        }
        verifyInputs(definitions, decision: decision, table: dmn, &report)
        let outputs = children(dmn, "output").map { $0.attributes["name"] ?? "" }
        let expectedOutputs = table.outputs.map(\.conclusion.rawValue)
        if outputs != expectedOutputs {
            fail("the outputs are \(outputs), but the table's are \(expectedOutputs)", line: dmn.line, &report)
        }
        verifyRules(children(dmn, "rule"), &report)
    }

    private func verifyInputs(_ definitions: HTMLElement, decision: HTMLElement, table dmn: HTMLElement, _ report: inout Tally) {
        let inputs = children(dmn, "input").map { input in
            children(input, "inputExpression").first.map { text(of: children($0, "text").first) } ?? ""
        }
        let expected = table.inputs.map { DMNContract.inputName($0.condition) }
        if inputs != expected {
            fail("the inputs are \(inputs), but the table reads \(expected)", line: dmn.line, &report)
        }
        let data = Dictionary(
            children(definitions, "inputData").map { ($0.attributes["id"] ?? "", $0.attributes["name"] ?? "") },
            uniquingKeysWith: { first, _ in first })
        let required = Set(
            children(decision, "informationRequirement").flatMap { children($0, "requiredInput") }
                .compactMap { $0.attributes["href"].map { data[String($0.drop { $0 == "#" })] ?? "" } })
        for name in expected where !required.contains(name) {
            fail("the decision does not require an inputData named \(name)", line: decision.line, &report)
        }
    }

    private func verifyRules(_ rules: [HTMLElement], _ report: inout Tally) {
        let labels = rules.map { $0.attributes["label"] ?? "" }
        let expected = table.rules.map(\.id.rawValue)
        if labels != expected {
            fail("the rules are \(labels), in that order, but the table's are \(expected)", line: rules.first?.line ?? 1, &report)
        }
        for (rule, row) in zip(rules, table.rules) {
            report.coverage.rows += 1
            let inputs = children(rule, "inputEntry").map { text(of: children($0, "text").first) }
            let outputs = children(rule, "outputEntry").map { text(of: children($0, "text").first) }
            let wantedInputs = table.inputs.map { row.inputs[$0.condition].flatMap(DMNContract.literal) ?? DMNContract.any }
            let wantedOutputs = table.outputs.map {
                row.outputs[$0.conclusion].flatMap(DMNContract.literal) ?? DMNContract.none
            }
            if inputs != wantedInputs || outputs != wantedOutputs {
                fail(
                    "rule \(row.id) reads \(inputs) → \(outputs), but the table's row is \(wantedInputs) → \(wantedOutputs)",
                    line: rule.line, &report)
            }
        }
    }

    private func children(_ element: HTMLElement, _ name: String) -> [HTMLElement] {
        element.elements.filter { $0.name == name && Self.namespace($0) == DMNContract.model }
    }

    private static func namespace(_ element: HTMLElement) -> String? {
        element.attributes[HTMLDocument.namespaceKey]
    }

    /// An element's text, white space at its ends taken off.
    private func text(of element: HTMLElement?) -> String {
        guard let element else { return "" }
        return element.children.map { node in if case .text(let text) = node { text } else { "" } }.joined()
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func fail(_ message: String, line: Int, _ report: inout Tally) {
        report.fail(.dmnFile, message, file: file, line: line)
    }
}
