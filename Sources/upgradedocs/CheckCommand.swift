import Foundation
import ArgumentParser
import UpgradeBase
import UpgradeCheck
import UpgradeContent
import UpgradeCore
import UpgradePipeline
import UpgradeVerify

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the content model, analyse its decision tables, and prove them against the rule core.",
        discussion: """
            Reports, as path:line:column: error|warning: message:
              - every problem in the YAML and the prose pages;
              - worked examples whose expected answer differs from the rule core's;
              - per decision table: gaps (cases no rule matches, minus the combinations the \
            table declares impossible), overlaps its hit policy forbids (U; A with different \
            outcomes), rules that can never fire, rules that could merge (a warning), and every \
            case where the table and the rule core disagree, with a ready-to-run \
            'upgradedocs explain' command as the counterexample.
            Exits 0 when there is no error.

            Table conditions and their values: \(Condition.allCases.map { "\($0.rawValue) (\($0.values.joined(separator: "/")))" }.joined(separator: ", ")).
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(
        name: .customLong("dmn"),
        help: ArgumentHelp(
            "A decision table as a DMN 1.3 file, such as one edited in Camunda Modeler: analyse it as check "
                + "analyses the model's tables, each finding at its rule's line.", valueName: "FILE"))
    var dmn: String?

    func run() throws {
        let content = try options.load()
        if let dmn { return try review(dmn, content: content) }
        let findings = ContentChecks.run(content)
        Console.report(findings.all)
        let errors = findings.errors.count
        guard errors == 0 else { throw Console.fail("\(errors) finding\(errors == 1 ? "" : "s")") }
        let catalog = content.catalog
        Console.out(
            "ok: \(catalog.offers.count) offers, \(catalog.paths.count) paths, \(catalog.rules.count) rules, "
                + "\(catalog.roles.count) roles, \(catalog.interpretations.count) interpretations, "
                + "\(catalog.examples.count) examples; \(catalog.tables.count) decision tables complete, "
                + "consistent with their hit policy, and in agreement with the rule core\n")
    }

    /// `--dmn FILE`: the file's table, analysed against the rule core as the model's tables are.
    private func review(_ file: String, content: LoadedContent) throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            Console.report([Diagnostic(.error, .unreadable, "cannot read the DMN file", at: SourceLocation(file: file))])
            throw Console.fail("nothing was checked")
        }
        let reading: DMNTableReader.Reading
        do {
            reading = try DMNTableReader.read(String(decoding: data, as: UTF8.self), file: file) { id in
                content.catalog.tables.first { $0.id == id }
            }
        } catch {
            Console.report(error.diagnostics)
            throw Console.fail("\(file) is not a decision table this check reads")
        }
        let findings = Diagnostics()
        TableCheck.check(
            reading.table, content: content, tableAt: reading.tableAt, rowsAt: reading.rulesAt, into: findings)
        Console.report(findings.all)
        let errors = findings.errors.count
        guard errors == 0 else { throw Console.fail("\(errors) finding\(errors == 1 ? "" : "s") in \(file)") }
        Console.out(
            "ok: \(file): \(reading.table.rules.count) rules, complete, consistent with hit policy "
                + "\(reading.table.hitPolicy.rawValue), and in agreement with the rule core\n")
    }
}
