import ArgumentParser
import Foundation
import UpgradeBase
import UpgradeCore
import UpgradeOutput
import UpgradePipeline
import UpgradeSiteContract

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Generate the help site: matrices, role guides, decision tables and prose, in HTML and Markdown.",
        discussion: """
            Every page is written twice, as X.html and X.md, with relative links, so the site works from \
            file:// and from any sub-path. The new site is made beside the output, flushed to disk, and \
            swapped in at once: the output is always the whole old site or the whole new one, even after a \
            killed build or a power cut (but for a rebuild of a site of 2,000 files or more that changes at \
            most 64, which replaces just those, each file whole). Only files \
            the previous manifest.json lists, with the bytes it lists, are ever removed; everything else \
            in the output is kept, and no symbolic link in it is followed. One build at a time: another \
            build of the same output waits (--wait), then fails naming the build it waited for.

            A program of more than \(MatrixSplit.gridLimit) offers is too large for one grid: its matrix \
            page becomes an overview, and part pages list up to \(MatrixSplit.partSize) source offers \
            each, in name order.

            A rebuild makes only the files whose inputs changed (the page's source, the templates it goes \
            through, the model when it shows it, the generator and the as-of date), and when nothing in \
            the content or templates folders changed it does nothing at all. What the last build wrote is \
            noted in the cache folder (--cache; .upgradedocs beside the content folder by default), which \
            is local to this disk: keep it out of version control. Without it, everything is made and \
            compared. The output holds exactly the files its manifest.json lists, and the manifest.

            With --check nothing is written: each stale, missing or extra file is listed, and the exit \
            status is non-zero when there is any. Use it in CI to fail on an out-of-date site.
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The folder of Mustache templates and assets.", valueName: "dir"))
    var templates: String = "templates"

    @Option(help: ArgumentHelp("The folder the site is written into.", valueName: "dir"))
    var output: String = "site"

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Decide every published table as of this day (YYYY-MM-DD). "
                + "Defaults to asOf in content/site.yaml; the clock is never read.", valueName: "date"))
    var asOf: String?

    @Flag(help: "Compare the site on disk with what would be built, and write nothing.")
    var check = false

    @Flag(name: .customLong("diff"), help: "With --check, show a short unified diff of each stale file.")
    var showDiff = false

    @Option(help: ArgumentHelp("How long to wait for another build of the same output to finish.", valueName: "seconds"))
    var wait: Double = 10

    @Option(
        help: ArgumentHelp(
            "The folder that keeps what the last build wrote, so a rebuild makes only what "
                + "changed. Defaults to .upgradedocs beside the content folder; keep it out of version "
                + "control. Deleting it costs one full build.", valueName: "dir"))
    var cache: String?

    /// `--cache`, or `.upgradedocs` beside the content folder.
    var cacheFolder: String { cache ?? SiteWriter.defaultCache(besideParentOf: options.content) }

    func validate() throws {
        if let asOf, CalendarDate(iso: asOf) == nil {
            throw ValidationError("--as-of: '\(asOf)' is not a valid date; write YYYY-MM-DD, such as 2022-03-01")
        }
        for (flag, folder) in [("--content", options.content), ("--templates", templates), ("--cache", cacheFolder)]
        where OutputGuard.overlaps(output: output, with: folder) {
            throw ValidationError("--output '\(output)' overlaps \(flag) '\(folder)'; choose a folder of its own")
        }
    }

    func run() throws {
        if let style = options.diagnosticStyle { DiagnosticStyle.current = style }
        let site = IncrementalSite(
            content: options.content, templates: templates, asOf: asOf.flatMap(CalendarDate.init(iso:)))
        if check { try compare(site) } else { try publish(site) }
    }

    /// `--check`: the whole site made in memory and compared with the output, byte for byte.
    private func compare(_ site: IncrementalSite) throws {
        let comparison: IncrementalSite.Comparison
        do {
            comparison = try site.compare(with: SiteWriter(output: output))
        } catch {
            throw error.report(content: options.content, templates: templates, undone: "\(output)/ was not compared")
        }
        Console.report(comparison.warnings)
        let differences = comparison.differences
        guard differences.isEmpty else {
            Console.out(
                differences.map { difference in
                    var text = "\(difference)\n"
                    if showDiff, let old = difference.onDisk, let new = difference.built {
                        text += ShortDiff.unified(path: "\(output)/\(difference.path)", old: old, new: new)
                    }
                    return text
                }.joined())
            throw Console.fail(
                "\(output)/ is out of date: \(differences.count) file\(differences.count == 1 ? "" : "s") "
                    + "differ; run 'upgradedocs build' and commit the result")
        }
        Console.out("ok: \(output)/ is up to date (\(comparison.files) files, as of \(comparison.asOf))\n")
    }

    private func publish(_ site: IncrementalSite) throws {
        let publication: IncrementalSite.Publication
        do {
            publication = try site.publish(with: SiteWriter(output: output, cache: cacheFolder, lockWait: wait))
        } catch {
            throw error.report(
                content: options.content, templates: templates, undone: "nothing was written; \(output)/ is unchanged")
        }
        // The build's memory is held until the process ends: the kernel takes it back at once.
        withExtendedLifetime(publication.workingMemory) {
            switch publication.outcome {
            case .unchanged(let files, let warned):
                Console.out(
                    "\(output)/ is up to date: nothing in \(options.content)/ or \(templates)/ changed since the "
                        + "last build (\(files) files)"
                        + (warned > 0
                            ? "; that build warned \(warned) time\(warned == 1 ? "" : "s"): `upgradedocs check` "
                                + "lists the warnings" : "") + "\n")
            case .written(let report, let made, let kept, let asOf, let warnings):
                Console.report(warnings)
                Console.out(
                    "wrote \(output)/: \(report.written.count) written, \(report.unchanged.count) unchanged, "
                        + "\(report.removed.count) removed; \(made) made, \(kept) kept from the last "
                        + "build (as of \(asOf))\n")
            }
            Console.succeed()
        }
    }
}

/// Keeps the output folder away from the folders the build reads.
enum OutputGuard {
    static func overlaps(output: String, with folder: String) -> Bool {
        let a = resolved(output), b = resolved(folder)
        return a == b || b.hasPrefix(a + "/") || a.hasPrefix(b + "/") || a == "/"
    }

    private static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
