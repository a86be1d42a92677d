import ArgumentParser
import UpgradeBase
import UpgradeContent
import UpgradeVerify

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Read the published site back and prove that what a reader sees agrees with the model and the rule core.",
        discussion: """
            Finds every page on disk and reads it as a browser does (libxml2's HTML parser; Markdown with \
            its escapes), as of the date in the site's manifest.json. It holds against the model and the \
            rule core what a reader sees and hears: every matrix cell's symbol and screen-reader words and \
            its headers' names (and the data-* labels, which must agree), list forms, part pages, offer \
            pages, decision tables (hit policy, labels, numbers, annotations, rows), worked examples, role \
            guides, the home page's counts and links, prose embeds, the print page, and the test vectors, \
            replayed. Nothing in verified content may be hidden (hidden attribute, inline style, a stylesheet \
            rule), repeated or missing; each page may load only its own scripts and the site's stylesheet; \
            every file must match the manifest's SHA-256, and every page must be listed.

            Each finding is printed as file:line: error: what the page shows and what the model or the rule \
            core says. Exits non-zero on any error; a file the build did not write, such as your own CNAME, \
            is only a warning.
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The folder the site was built into.", valueName: "dir"))
    var site: String = "site"

    func run() throws {
        let mismatches = Diagnostics(), folder = options.content
        // The site's files are read and hashed while the model loads.
        let (loaded, coverage) = SiteVerifier.verify(
            site: site,
            loading: {
                Result { () throws(DiagnosticError) in try ContentLoader.load(from: folder) }
            }, into: mismatches)
        _ = try options.report(loaded)
        Console.report(mismatches)
        let count = mismatches.errors.count
        guard count == 0 else {
            throw Console.fail("\(count) mismatch\(count == 1 ? "" : "es") between \(site)/ and the rule core")
        }
        Console.out(
            "ok: \(site)/ agrees with the rule core: \(coverage.tables) tables, "
                + "\(coverage.cells) matrix cells and \(coverage.rows) rows checked\n")
    }
}
