import ArgumentParser
import UpgradeContent

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the content model and its worked examples against the rule core.",
        discussion: "Prints every problem as path:line:column: error: message. Exits 0 when clean."
    )

    @OptionGroup var options: ContentOptions

    func run() throws {
        let content = try options.load()
        let findings = ExampleCheck.findings(in: content)
        Console.report(findings)
        guard findings.isEmpty else {
            Console.error("\(findings.count) finding\(findings.count == 1 ? "" : "s")")
            throw ExitCode.failure
        }
        let catalog = content.catalog
        Console.out("ok: \(catalog.offers.count) offers, \(catalog.paths.count) paths, \(catalog.rules.count) rules, "
                    + "\(catalog.roles.count) roles, \(catalog.interpretations.count) interpretations, "
                    + "\(catalog.examples.count) examples agree with the rule core\n")
    }
}
