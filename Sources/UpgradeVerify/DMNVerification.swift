import UpgradeBase
import UpgradeCore
import UpgradeSiteContract

/// A decision table's `.dmn` file, read back by `DMNTableReader` (this module's own, not the
/// exporter's code) and held to the model: the hit policy, the inputs by their condition, the
/// outputs, and every rule in order with every entry. The model's table is itself proven
/// against the rule core by `check`.
struct DMNVerification {
    let table: DecisionTable
    let file: String

    func verify(_ text: String, _ report: inout Tally) {
        report.coverage.tables += 1
        let reading: DMNTableReader.Reading
        do {
            reading = try DMNTableReader.read(text, file: file) { _ in nil }
        } catch {
            for problem in error.diagnostics {
                report.fail(.dmnFile, problem.message, file: file, line: problem.location.line)
            }
            return
        }
        let found = reading.table
        let line = reading.tableAt.line
        if found.hitPolicy != table.hitPolicy {
            fail(
                "the hit policy is \(DMNContract.hitPolicy(found.hitPolicy)), but the table's is "
                    + DMNContract.hitPolicy(table.hitPolicy), line: line, &report)
        }
        if found.inputs.map(\.condition) != table.inputs.map(\.condition) {
            fail(
                "the inputs are \(found.inputs.map { DMNContract.inputName($0.condition) }), but the table reads "
                    + "\(table.inputs.map { DMNContract.inputName($0.condition) })", line: line, &report)
        }
        if found.outputs.map(\.conclusion) != table.outputs.map(\.conclusion) {
            fail(
                "the outputs are \(found.outputs.map(\.conclusion.rawValue)), but the table's are "
                    + "\(table.outputs.map(\.conclusion.rawValue))", line: line, &report)
        }
        if found.rules.map(\.id) != table.rules.map(\.id) {
            fail(
                "the rules are \(found.rules.map(\.id.rawValue)), in that order, but the table's are "
                    + "\(table.rules.map(\.id.rawValue))", line: reading.rulesAt.first?.line ?? line, &report)
        }
        for (index, (rule, row)) in zip(found.rules, table.rules).enumerated() {
            report.coverage.rows += 1
            if rule.inputs != row.inputs || rule.outputs != row.outputs {
                fail(
                    "rule \(row.id) reads \(Self.describe(rule)), but the table's row is \(Self.describe(row))",
                    line: reading.rulesAt[index].line, &report)
            }
        }
    }

    private static func describe(_ rule: TableRule) -> String {
        let when = rule.inputs.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }
        let then = rule.outputs.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }
        return "[\(when.joined(separator: ", "))] → [\(then.joined(separator: ", "))]"
    }

    private func fail(_ message: String, line: Int, _ report: inout Tally) {
        report.fail(.dmnFile, message, file: file, line: line)
    }
}
