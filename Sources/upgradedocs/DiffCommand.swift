import ArgumentParser
import UpgradeBase
import UpgradeCheck
import UpgradeContent
import UpgradeCore
import UpgradePipeline
import UpgradeReview
import UpgradeSiteContract

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Review a model change by its effect: the answers, the model entries and the pages that change.",
        discussion: """
            BASE is a content folder, or a git revision (main, HEAD~1, a commit) whose content folder is \
            read into a private temporary folder; the repository is not touched.

            Reported:
              matrix cells  each cell of a published matrix whose decision changes;
              decisions     each pair of offers whose decision changes for some request, over every status, \
            no holding or one holding through either channel, and dates on both sides of each withdrawal \
            date (and, where a program's rules read the subscription's commitment and the target is sold \
            otherwise, seats at and over its seat limit, each plan, and the days around its end of sale), with \
            the simplest request that shows it as an explain command;
              model         offers, aliases, services per offer, paths, rules, roles, interpretations, tables, \
            examples and pages that the content words differently;
              pages         the site's files that a build would change (nothing is written).

            Use --format markdown for a pull-request comment, and --exit-code to fail when an answer changes.

            Examples:
              upgradedocs diff --base main
              upgradedocs diff --base HEAD~1 --format markdown > diff.md
              upgradedocs diff --base ../old/content --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The model to compare with: a content folder or a git revision.", valueName: "base"))
    var base: String

    @Option(help: ArgumentHelp("The templates both sides' pages are built with.", valueName: "dir"))
    var templates: String = "templates"

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Decide as of this day (YYYY-MM-DD). Defaults to asOf in the head's site.yaml.",
            valueName: "date"))
    var asOf: String?

    @Option(help: "Output format: text for a terminal, markdown for a pull-request comment, json for tools.")
    var format: Format = .text

    @Flag(name: .customLong("exit-code"), help: "Exit with status 1 when any decision changes.")
    var exitCode = false

    func validate() throws {
        if let asOf, CalendarDate(iso: asOf) == nil {
            throw ValidationError("--as-of: '\(asOf)' is not a valid date; write YYYY-MM-DD, such as 2022-03-01")
        }
    }

    func run() throws {
        let baseContent = try BaseContent.resolve(base, content: options.content)
        defer { baseContent.remove() }
        let (headFolder, baseFolder) = (options.content, baseContent.folder)
        let (loadedHead, loadedBase) = ConcurrentMap.both(
            {
                Result { () throws(DiagnosticError) in try ContentLoader.load(from: headFolder) }
            },
            {
                Result { () throws(DiagnosticError) in try ContentLoader.load(from: baseFolder) }
            })
        let head = try options.report(loadedHead)
        let before: LoadedContent
        switch loadedBase {
        case .success(let loaded): before = loaded
        case .failure(let error):
            Console.report(baseContent.relabel(error.diagnostics))
            throw Console.fail("the base '\(base)' cannot be read; nothing was compared")
        }
        let date = asOf.flatMap(CalendarDate.init(iso:))
        let site = IncrementalSite(content: options.content, templates: templates, asOf: date)
        let review: Review
        do {
            review = try Review(base: (base, before), head: (options.content, head), asOf: date ?? head.settings.asOf) {
                () throws(BuildFailure) in try site.changes(from: before, to: head)
            }
        } catch {
            let relabelled = BuildFailure(error.stage, baseContent.relabel(error.diagnostics))
            throw relabelled.report(content: options.content, templates: templates, undone: "nothing was compared")
        }
        let explain = ExplainLine(content: options.content)
        switch format {
        case .text: Console.out(review.text(explain))
        case .markdown: Console.out(review.markdown(explain))
        case .json: Console.out(review.json.serialized(pretty: true) + "\n")
        }
        if exitCode && review.changesDecisions { throw ExitCode(1) }
    }
}

/// The `explain` command that asks a changed request again: the check's own wording of a
/// request as a command, with the content folder named when it is not the default.
struct ExplainLine {
    let content: String

    func callAsFunction(_ request: Request) -> String {
        let command = Counterexamples.command(for: request)
        guard content != "content" else { return command }
        let prefix = "upgradedocs explain"
        return prefix + " --content " + Self.quoted(content) + command.dropFirst(prefix.count)
    }

    private static func quoted(_ word: String) -> String {
        word.allSatisfy { $0.isLetter || $0.isNumber || "-_./@~:".contains($0) }
            ? word
            : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
