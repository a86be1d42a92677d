import ArgumentParser
import UpgradeBase
import UpgradeCheck
import UpgradeContent
import UpgradeCore
import UpgradePipeline

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

    func run() throws {
        let content = try options.load()
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
}
