import Foundation
import UpgradeBase
import UpgradeCore
import UpgradeSiteContract

/// A DMN 1.3 file read as a decision table, with this module's own XML reading: what `verify`
/// holds against the model, and what `check --dmn` analyses when an analyst brings back a
/// table edited in a modeler. Only the portable subset reads: one decision with one decision
/// table, hit policy U, A, F, R or C, inputs that name a condition in camelCase, outputs named
/// as conclusions, and entries that are `-`, `null` or a double-quoted string.
package enum DMNTableReader {
    package struct Reading: Sendable {
        package let table: DecisionTable
        /// Where the decision table starts, and where each of its rules does, in order.
        package let tableAt: SourceLocation
        package let rulesAt: [SourceLocation]
    }

    /// The table `text` holds; every problem found, located, when it holds none. `model`: the
    /// table of the same id in the model, whose no-match meaning and impossible cases DMN cannot
    /// carry and the analysis needs.
    package static func read(
        _ text: String, file: String, model: (TableID) -> DecisionTable?
    ) throws(DiagnosticError) -> Reading {
        let problems = Diagnostics()
        func fail(_ message: String, line: Int) {
            problems.error(.dmnRead, message, at: SourceLocation(file: file, line: line))
        }
        guard let document = HTMLDocument.parseXML(text) else {
            throw DiagnosticError(.dmnRead, "the file is not well-formed XML", at: SourceLocation(file: file))
        }
        guard let definitions = document.elements.first, definitions.name == "definitions",
            namespace(definitions) == DMNContract.model
        else {
            throw DiagnosticError(
                .dmnRead, "the file is not DMN 1.3: its root is not <definitions> in \(DMNContract.model)",
                at: SourceLocation(file: file))
        }
        let decisions = children(definitions, "decision")
        let tables = decisions.flatMap { children($0, "decisionTable") }
        guard decisions.count == 1, tables.count == 1, let decision = decisions.first, let element = tables.first else {
            throw DiagnosticError(
                .dmnRead, "the file has \(decisions.count) decisions and \(tables.count) decision tables, not one of each",
                at: SourceLocation(file: file, line: definitions.line))
        }
        let policyName = element.attributes["hitPolicy"] ?? "UNIQUE"
        let policy = HitPolicy.allCases.first { DMNContract.hitPolicy($0) == policyName }
        if policy == nil || element.attributes["aggregation"] != nil {
            fail("hit policy \(policyName) is not one of UNIQUE, ANY, FIRST, RULE ORDER or COLLECT", line: element.line)
        }
        let inputs = children(element, "input").compactMap { input -> TableInput? in
            let expression = Self.text(of: children(input, "inputExpression").first)
            guard let condition = Condition.allCases.first(where: { DMNContract.inputName($0) == expression }) else {
                fail(
                    "input '\(expression)' names no condition; inputs are "
                        + Condition.allCases.map(DMNContract.inputName).joined(separator: ", "), line: input.line)
                return nil
            }
            return TableInput(condition: condition, label: input.attributes["label"] ?? expression)
        }
        let required = requiredInputs(definitions, decision: decision)
        for input in inputs where !required.contains(DMNContract.inputName(input.condition)) {
            fail(
                "the decision does not require an inputData named \(DMNContract.inputName(input.condition))", line: decision.line)
        }
        let outputs = children(element, "output").compactMap { output -> TableOutput? in
            let name = output.attributes["name"] ?? ""
            guard let conclusion = Conclusion(rawValue: name) else {
                fail(
                    "output '\(name)' names no conclusion; outputs are "
                        + Conclusion.allCases.map(\.rawValue).joined(separator: ", "), line: output.line)
                return nil
            }
            return TableOutput(conclusion: conclusion, label: output.attributes["label"] ?? name)
        }
        let ruleElements = children(element, "rule")
        let rules = ruleElements.enumerated().compactMap { number, rule -> TableRule? in
            let label = rule.attributes["label"] ?? ""
            let inputEntries = children(rule, "inputEntry").map { Self.text(of: $0) }
            let outputEntries = children(rule, "outputEntry").map { Self.text(of: $0) }
            guard inputEntries.count == inputs.count, outputEntries.count == outputs.count else {
                fail(
                    "rule \(number + 1) has \(inputEntries.count) input and \(outputEntries.count) output entries, "
                        + "not \(inputs.count) and \(outputs.count)", line: rule.line)
                return nil
            }
            var when: [Condition: String] = [:], then: [Conclusion: String] = [:]
            for (input, entry) in zip(inputs, inputEntries) where entry != DMNContract.any {
                guard let value = unquoted(entry), input.condition.values.contains(value) else {
                    fail(
                        "rule \(number + 1), input \(DMNContract.inputName(input.condition)): '\(entry)' is not '-' or one of "
                            + input.condition.values.map { "\"\($0)\"" }.joined(separator: ", "), line: rule.line)
                    continue
                }
                when[input.condition] = value
            }
            for (output, entry) in zip(outputs, outputEntries) where entry != DMNContract.none {
                guard let value = unquoted(entry) else {
                    fail(
                        "rule \(number + 1), output \(output.conclusion.rawValue): '\(entry)' is not null or a string",
                        line: rule.line)
                    continue
                }
                then[output.conclusion] = value
            }
            let note = children(rule, "annotationEntry").first.map { Self.text(of: $0) }
            return TableRule(
                id: TableRowID(label.isEmpty ? "rule-\(number + 1)" : label), inputs: when, outputs: then,
                annotation: note ?? Self.ownText(of: children(rule, "description").first))
        }
        let id = TableID(
            (element.attributes["id"] ?? "").hasPrefix("table_")
                ? String((element.attributes["id"] ?? "").dropFirst("table_".count))
                : URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
        try problems.throwIfErrors()
        let known = model(id)
        let table = DecisionTable(
            id: id, title: decision.attributes["name"] ?? id.rawValue,
            summary: Self.ownText(of: children(decision, "description").first),
            hitPolicy: policy ?? .unique, inputs: inputs, outputs: outputs, rules: rules,
            impossible: known?.impossible ?? [], noMatch: known?.noMatch)
        return Reading(
            table: table, tableAt: SourceLocation(file: file, line: element.line),
            rulesAt: ruleElements.map { SourceLocation(file: file, line: $0.line) })
    }

    /// The names of the inputData the decision requires.
    private static func requiredInputs(_ definitions: HTMLElement, decision: HTMLElement) -> Set<String> {
        let names = Dictionary(
            children(definitions, "inputData").map { ($0.attributes["id"] ?? "", $0.attributes["name"] ?? "") },
            uniquingKeysWith: { first, _ in first })
        return Set(
            children(decision, "informationRequirement").flatMap { children($0, "requiredInput") }
                .compactMap { $0.attributes["href"].flatMap { names[String($0.drop { $0 == "#" })] } })
    }

    /// A FEEL string literal's value: `"yes"` → yes; nil for anything else.
    private static func unquoted(_ entry: String) -> String? {
        guard entry.count >= 2, entry.hasPrefix("\""), entry.hasSuffix("\"") else { return nil }
        let value = String(entry.dropFirst().dropLast())
        return value.contains("\"") || value.contains("\\") ? nil : value
    }

    private static func children(_ element: HTMLElement, _ name: String) -> [HTMLElement] {
        element.elements.filter { $0.name == name && namespace($0) == DMNContract.model }
    }

    private static func namespace(_ element: HTMLElement) -> String? {
        element.attributes[HTMLDocument.namespaceKey]
    }

    /// The FEEL of an expression, entry or annotation: its `<text>` child's text.
    private static func text(of element: HTMLElement?) -> String {
        ownText(of: element.flatMap { children($0, "text").first })
    }

    /// An element's own text, white space at its ends taken off.
    private static func ownText(of element: HTMLElement?) -> String {
        (element?.ownText ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
