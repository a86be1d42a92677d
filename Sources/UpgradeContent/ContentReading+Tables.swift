import Foundation
import UpgradeBase
import UpgradeCore

extension ContentReading {
    /// Every `tables/*.yaml`, in file-name order, which is the order pages list them.
    /// `logic` gives a program's rule set, or its migration rules when asked for them.
    func readTables(rules: Set<RuleID>, logic: (ProgramID?, _ migration: Bool) -> ConditionLogic?) -> [DecisionTable] {
        let names = tableFiles
        var seen: [TableID: SourceLocation] = [:]
        return names.compactMap { name -> DecisionTable? in
            guard
                let root = file(
                    "tables/" + name, what: "a decision table",
                    keys: [
                        "id", "title", "summary", "hitPolicy", "inputs", "outputs", "rows",
                        "impossible", "noMatch", "program", "decides",
                    ])
            else { return nil }
            let program: Located<ProgramID>? = root.id("program", required: false)
            let decides = root.string("decides", required: false)
            let migration = decides?.value == "migration"
            if let decides, decides.value != "migration" && decides.value != "upgrade" {
                sink.error(
                    .invalidValue, "a table decides 'upgrade' or 'migration', not '\(decides.value)'", at: decides.location)
                return nil
            }
            guard let set = logic(program?.value, migration) else {
                if let program {
                    let what = migration ? "program with migration rules" : "program"
                    sink.error(.unknownID, "unknown \(what) '\(program.value)'", at: program.location)
                } else if let decides {
                    sink.error(.missingKey, "a table that decides a migration names its 'program'", at: decides.location)
                }
                return nil
            }
            guard let table = readTable(root, rules: rules, logic: set, program: program?.value, migration: migration)
            else { return nil }
            if let first = seen[table.id] {
                sink.error(
                    .duplicate, "duplicate table id '\(table.id)'", at: root.location(of: "id"),
                    notes: [Diagnostic.Note("'\(table.id)' is first declared here", at: first)])
                return nil
            }
            seen[table.id] = root.location(of: "id")
            sourceMap.tables[table.id] = root.location(of: "id")
            return table
        }
    }

    private func readTable(
        _ root: YAMLObject, rules: Set<RuleID>, logic: ConditionLogic, program: ProgramID?, migration: Bool
    ) -> DecisionTable? {
        let id: Located<TableID>? = root.id("id")
        let title = root.string("title"), summary = root.string("summary")
        let policy = root.string("hitPolicy").flatMap { text -> HitPolicy? in
            guard let policy = HitPolicy(rawValue: text.value) else {
                sink.error(
                    .invalidValue,
                    "unknown hit policy '\(text.value)'; use one of "
                        + HitPolicy.allCases.map(\.rawValue).joined(separator: ", "), at: text.location)
                return nil
            }
            return policy
        }
        let space = logic.conditions
        let inputs = root.objects("inputs", what: "table input", keys: ["condition", "label"]).compactMap { object in
            let condition = enumValue(object, "condition", Condition.self, what: "condition", among: space)
            let label = object.string("label")
            return condition.flatMap { condition in label.map { TableInput(condition: condition, label: $0.value) } }
        }
        let outputs = root.objects("outputs", what: "table output", keys: ["conclusion", "label"]).compactMap { object in
            let conclusion = enumValue(object, "conclusion", Conclusion.self, what: "conclusion")
            let label = object.string("label")
            return conclusion.flatMap { conclusion in label.map { TableOutput(conclusion: conclusion, label: $0.value) } }
        }
        rejectRepeats(inputs.map(\.condition.rawValue), what: "input", at: root.location(of: "inputs"))
        rejectRepeats(outputs.map(\.conclusion.rawValue), what: "output", at: root.location(of: "outputs"))
        var rowIDs: [TableRowID: SourceLocation] = [:]
        let rows = root.objects("rows", what: "table row", keys: ["id", "cites", "annotation", "when", "then"])
            .compactMap { row -> TableRule? in
                let rowID: Located<TableRowID>? = row.id("id")
                if let rowID {
                    if let first = rowIDs[rowID.value] {
                        sink.error(
                            .duplicate, "duplicate row id '\(rowID.value)' in this table", at: rowID.location,
                            notes: [Diagnostic.Note("first declared here", at: first)])
                    }
                    rowIDs[rowID.value] = rowID.location
                    if let id { sourceMap.tableRows[TableRowKey(table: id.value, row: rowID.value)] = rowID.location }
                }
                let cites: Located<RuleID>? = row.id("cites", required: false)
                if let cites, !rules.contains(cites.value) {
                    unknown(cites, what: "rule", known: rules)
                }
                let annotation = row.string("annotation", required: cites == nil)
                let when = readCells(row, "when", declared: inputs.map(\.condition), required: false, logic: logic)
                let then = readCells(row, "then", declared: outputs.map(\.conclusion), required: true, logic: logic)
                guard let rowID else { return nil }
                return TableRule(
                    id: rowID.value, inputs: when, outputs: then,
                    annotation: annotation?.value ?? "", cites: cites?.value)
            }
        let impossible = root.objects(
            "impossible", what: "impossible combination", keys: ["when", "because"],
            required: false
        ).compactMap { object -> Impossibility? in
            let when = readCells(object, "when", declared: inputs.map(\.condition), required: true, logic: logic)
            let because = object.string("because")
            if when.isEmpty, object.value("when") != nil {
                sink.error(.inconsistent, "an impossible combination must name at least one input value", at: object.location)
            }
            return because.map { Impossibility(when: when, because: $0.value) }
        }
        let noMatch = root.string("noMatch", required: false)
        guard let id, let title, let summary, let policy else { return nil }
        return DecisionTable(
            id: id.value, title: title.value, summary: summary.value, hitPolicy: policy,
            inputs: inputs, outputs: outputs, rules: rows, impossible: impossible,
            noMatch: noMatch?.value, program: program, decidesMigration: migration)
    }

    /// A `when` or `then` mapping: keys are declared columns, values are in each column's domain.
    private func readCells<Column: RawRepresentable & CaseIterable & Hashable>(
        _ row: YAMLObject, _ key: String, declared: [Column], required: Bool, logic: ConditionLogic? = nil,
        of owner: String = "a row"
    ) -> [Column: String] where Column.RawValue == String {
        guard let node = required ? row.required(key) : row.value(key) else { return [:] }
        let names = declared.map(\.rawValue)
        guard let cells = YAMLObject(node, file: row.file, what: "'\(key)' of \(owner)", keys: names, sink: sink)
        else { return [:] }
        var values: [Column: String] = [:]
        for column in declared {
            guard let text = cells.string(column.rawValue, required: false) else { continue }
            let domain = Self.domain(of: column, logic: logic)
            if text.value == "-" { continue }
            guard domain.contains(text.value) else {
                sink.error(
                    .unknownID,
                    "'\(text.value)' is not a value of \(column.rawValue); use one of "
                        + (domain + ["-"]).joined(separator: ", "), at: text.location)
                continue
            }
            values[column] = text.value
        }
        return values
    }

    /// A rule's or advice's `when`: condition names and values, as a table row's. Only advice may
    /// test the verdict, which the rules make.
    func readConditions(_ object: YAMLObject, _ key: String, verdict: Bool, of owner: String) -> [Condition: String] {
        readCells(
            object, key, declared: Condition.allCases.filter { $0 != .verdict || verdict }, required: true,
            of: owner)
    }

    private static func domain<Column>(of column: Column, logic: ConditionLogic?) -> [String] {
        switch column {
        case let condition as Condition: condition.values
        case let conclusion as Conclusion: logic.map(conclusion.values) ?? []
        default: []
        }
    }

    private func enumValue<Value: RawRepresentable & CaseIterable & Equatable>(
        _ object: YAMLObject, _ key: String, _ type: Value.Type, what: String, among allowed: [Value]? = nil
    ) -> Value? where Value.RawValue == String {
        guard let text = object.string(key) else { return nil }
        let choices = allowed ?? Array(Value.allCases)
        guard let value = Value(rawValue: text.value), choices.contains(value) else {
            let names = choices.map(\.rawValue)
            sink.error(
                .unknownID,
                "unknown \(what) '\(text.value)'\(suggestion(for: text.value, among: names)); use one of "
                    + names.joined(separator: ", "), at: text.location)
            return nil
        }
        return value
    }

    private func rejectRepeats(_ names: [String], what: String, at location: SourceLocation) {
        for name in Set(names) where names.filter({ $0 == name }).count > 1 {
            sink.error(.duplicate, "the \(what) '\(name)' is declared twice in this table", at: location)
        }
    }
}
