import ArgumentParser
import UpgradeBase
import UpgradeVerify

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Read the published site back and prove every table agrees with the rule core.",
        discussion: """
            Reads the HTML and the Markdown pages from disk, with its own parsing, and compares every \
            matrix cell, every list-form entry and every decision-table row with the rule core, as of the \
            date in the site's manifest.json. Each mismatch is printed as file:line: error: what the page \
            says and what the rule core says. Exits non-zero on any mismatch, and on a missing or extra \
            row or column, or a table it cannot read. For a program split into parts, every row is held \
            against the rule core's whole row, and every offer must have exactly one row.
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The folder the site was built into.", valueName: "dir"))
    var site: String = "site"

    func run() throws {
        let content = try options.load()
        let mismatches = Diagnostics()
        let coverage = SiteVerifier(content: content, site: site).verify(into: mismatches)
        Console.report(mismatches)
        let count = mismatches.all.count
        guard count == 0 else {
            throw Console.fail("\(count) mismatch\(count == 1 ? "" : "es") between \(site)/ and the rule core")
        }
        Console.out("ok: \(site)/ agrees with the rule core: \(coverage.tables) tables, "
                    + "\(coverage.cells) matrix cells and \(coverage.rows) rows checked\n")
    }
}
