import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// A decision table as a DMN 1.3 file that Camunda Modeler, dmn-js and the KIE editor open: one
/// decision, its table, an `inputData` for each condition it reads, and a diagram of the
/// decision and its inputs. Only what all three read: hit policies U, A, F, R and C, and an entry
/// in every cell (`-` for any, `null` for no output).
package enum DMNFile {
    /// The refusals, at the table's file: a value that would need escaping as a FEEL string.
    package static func check(
        _ tables: [DecisionTable], logic: (DecisionTable) -> ConditionLogic, sourceMap: SourceMap,
        into problems: Diagnostics
    ) {
        for table in tables {
            let logic = logic(table)
            let values =
                table.inputs.flatMap { $0.condition.values }
                + table.outputs.flatMap { $0.conclusion.values(in: logic) }
                + table.rules.flatMap { Array($0.inputs.values) + Array($0.outputs.values) }
            for value in Set(values).sorted() where DMNContract.literal(value) == nil {
                problems.error(
                    .invalidValue,
                    "'\(value)' cannot be written as a DMN string: a table's values are printable ASCII "
                        + "without quotes or backslashes",
                    at: sourceMap.tables[table.id] ?? SourceLocation(file: "tables"))
            }
        }
    }

    static func file(_ table: DecisionTable, logic: ConditionLogic, rules: (RuleID) -> Rule?) -> GeneratedFile {
        GeneratedFile(path: SitePaths.dmn(table.id), kind: .rules, text: xml(table, logic: logic, rules: rules))
    }

    static func xml(_ table: DecisionTable, logic: ConditionLogic, rules: (RuleID) -> Rule?) -> String {
        let id = table.id.rawValue
        var out = XMLWriter()
        out.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        out.open(
            "definitions",
            [
                ("xmlns", DMNContract.model), ("xmlns:dmndi", DMNContract.diagram), ("xmlns:dc", DMNContract.shapes),
                ("xmlns:di", DMNContract.waypoints), ("id", "definitions_\(id)"), ("name", table.title),
                ("namespace", "https://upgradedocs.invalid/dmn/\(id)"), ("exporter", "UpgradeDocs"),
                ("exporterVersion", Generator.version),
            ])
        out.open("decision", [("id", "decision_\(id)"), ("name", table.title)])
        out.element("description", table.summary)
        for input in table.inputs {
            let name = DMNContract.inputName(input.condition)
            out.open("informationRequirement", [("id", "requirement_\(name)")])
            out.empty("requiredInput", [("href", "#input_\(name)")])
            out.close("informationRequirement")
        }
        out.open("decisionTable", [("id", "table_\(id)"), ("hitPolicy", DMNContract.hitPolicy(table.hitPolicy))])
        for input in table.inputs {
            let name = DMNContract.inputName(input.condition)
            out.open("input", [("id", "in_\(name)"), ("label", input.label)])
            out.open("inputExpression", [("id", "expression_\(name)"), ("typeRef", "string")])
            out.element("text", name)
            out.close("inputExpression")
            out.open("inputValues", [("id", "values_\(name)")])
            out.element("text", input.condition.values.compactMap(DMNContract.literal).joined(separator: ","))
            out.close("inputValues")
            out.close("input")
        }
        for output in table.outputs {
            let name = output.conclusion.rawValue
            out.open("output", [("id", "out_\(name)"), ("label", output.label), ("name", name), ("typeRef", "string")])
            out.open("outputValues", [("id", "outputValues_\(name)")])
            out.element("text", output.conclusion.values(in: logic).compactMap(DMNContract.literal).joined(separator: ","))
            out.close("outputValues")
            out.close("output")
        }
        out.empty("annotation", [("name", "Annotation")])
        for row in table.rules {
            let rowID = row.id.rawValue
            let note = annotation(row, rules: rules)
            out.open("rule", [("id", "rule_\(rowID)"), ("label", rowID)])
            out.element("description", note)
            for input in table.inputs {
                let entry = row.inputs[input.condition].flatMap(DMNContract.literal) ?? DMNContract.any
                out.open("inputEntry", [("id", "rule_\(rowID)_\(DMNContract.inputName(input.condition))")])
                out.element("text", entry)
                out.close("inputEntry")
            }
            for output in table.outputs {
                let entry = row.outputs[output.conclusion].flatMap(DMNContract.literal) ?? DMNContract.none
                out.open("outputEntry", [("id", "rule_\(rowID)_\(output.conclusion.rawValue)")])
                out.element("text", entry)
                out.close("outputEntry")
            }
            out.open("annotationEntry")
            out.element("text", note)
            out.close("annotationEntry")
            out.close("rule")
        }
        out.close("decisionTable")
        out.close("decision")
        for input in table.inputs {
            let name = DMNContract.inputName(input.condition)
            out.open("inputData", [("id", "input_\(name)"), ("name", name), ("label", input.label)])
            out.empty("variable", [("id", "variable_\(name)"), ("name", name), ("typeRef", "string")])
            out.close("inputData")
        }
        diagram(table, into: &out)
        out.close("definitions")
        return out.text
    }

    /// What a row says in words: its annotation, or the title of the rule it restates, and that rule's id.
    private static func annotation(_ row: TableRule, rules: (RuleID) -> Rule?) -> String {
        guard let id = row.cites, let rule = rules(id) else { return row.annotation }
        return "\(rule.id) " + (row.annotation.isEmpty ? rule.title : row.annotation)
    }

    /// The decision above its inputs, in a row, each input joined to the decision by its requirement.
    private static func diagram(_ table: DecisionTable, into out: inout XMLWriter) {
        let width = 180, height = 80, inputWidth = 150, inputHeight = 60, gap = 30
        let rowWidth = table.inputs.count * inputWidth + max(0, table.inputs.count - 1) * gap
        let decisionX = max(0, (rowWidth - width) / 2) + 20, decisionY = 20, inputY = decisionY + height + 120
        out.open("dmndi:DMNDI")
        out.open("dmndi:DMNDiagram", [("id", "diagram_\(table.id)")])
        out.open("dmndi:DMNShape", [("id", "shape_decision_\(table.id)"), ("dmnElementRef", "decision_\(table.id)")])
        out.empty("dc:Bounds", [("height", "\(height)"), ("width", "\(width)"), ("x", "\(decisionX)"), ("y", "\(decisionY)")])
        out.close("dmndi:DMNShape")
        for (index, input) in table.inputs.enumerated() {
            let name = DMNContract.inputName(input.condition)
            let x = 20 + index * (inputWidth + gap)
            out.open("dmndi:DMNShape", [("id", "shape_input_\(name)"), ("dmnElementRef", "input_\(name)")])
            out.empty(
                "dc:Bounds", [("height", "\(inputHeight)"), ("width", "\(inputWidth)"), ("x", "\(x)"), ("y", "\(inputY)")])
            out.close("dmndi:DMNShape")
            out.open("dmndi:DMNEdge", [("id", "edge_\(name)"), ("dmnElementRef", "requirement_\(name)")])
            out.empty("di:waypoint", [("x", "\(x + inputWidth / 2)"), ("y", "\(inputY)")])
            out.empty("di:waypoint", [("x", "\(decisionX + width / 2)"), ("y", "\(decisionY + height)")])
            out.close("dmndi:DMNEdge")
        }
        out.close("dmndi:DMNDiagram")
        out.close("dmndi:DMNDI")
    }
}

/// Indented XML, every text and attribute escaped.
struct XMLWriter {
    private(set) var text = ""
    private var depth = 0

    mutating func line(_ line: String) {
        text += String(repeating: "  ", count: depth) + line + "\n"
    }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        line("<\(name)\(Self.attributes(attributes))>")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        line("<\(name)\(Self.attributes(attributes))/>")
    }

    mutating func element(_ name: String, _ content: String) {
        line("<\(name)>\(Self.escape(content, quotes: false))</\(name)>")
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1, quotes: true))\"" }.joined()
    }

    /// XML's own escapes only, so the FEEL in a cell reads as written (`"yes"`, not `&quot;yes&quot;`).
    private static func escape(_ text: String, quotes: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
