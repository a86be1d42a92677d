import ArgumentParser
import Foundation
import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeOutput
import UpgradeSiteBuilder
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
        if check { try compare() } else { try publish() }
    }

    /// The fidelity gate: nothing that `check` rejects is published. Warnings do not block.
    private func gate(_ content: LoadedContent) throws {
        try gate(ContentChecks.run(content))
    }

    private func gate(_ findings: Diagnostics) throws {
        Console.report(findings.all)
        let errors = findings.errors.count
        guard errors == 0 else {
            throw Console.fail(
                "\(errors) finding\(errors == 1 ? "" : "s") that 'upgradedocs check' rejects; "
                    + "nothing was written")
        }
    }

    private func loadTemplates() throws -> TemplateSet {
        do {
            return try TemplateSet.load(from: templates)
        } catch {
            Console.report(error.diagnostics)
            throw Console.fail("the templates in \(templates)/ have errors; nothing was written")
        }
    }

    /// `--check`: the whole site made in memory and compared with the output, byte for byte.
    private func compare() throws {
        let content = try options.load()
        try gate(content)
        let templateSet = try loadTemplates()
        let date = asOf.flatMap(CalendarDate.init(iso:)) ?? content.settings.asOf
        let files: [GeneratedFile]
        do {
            files = try SiteBuilder.build(content, templates: templateSet, asOf: date)
        } catch {
            Console.report(error.diagnostics)
            throw Console.fail("the site was not built")
        }
        let differences: [SiteWriter.Difference]
        do {
            differences = try SiteWriter(output: output).differences(from: files, asOf: date.description)
        } catch {
            Console.report(error.diagnostics)
            throw Console.fail("\(output)/ cannot be compared")
        }
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
        Console.out("ok: \(output)/ is up to date (\(files.count + 1) files, as of \(date))\n")
    }

    /// The checked content's plan. The prose pages' embeds and links are not checked again when
    /// the site is the very one the last build made and checked, against the same model.
    /// The result of `work`; when it throws, the write is dropped first, leaving the output as it was.
    private func abandoning<T>(_ write: StagedWrite, _ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch {
            write.abandon()
            throw error
        }
    }

    private func prepare(
        _ loading: Result<LoadedContent, DiagnosticError>, previous: () -> [String: String],
        checked: String?
    ) throws -> (plan: SitePlan, warnings: Int, pages: PageCache, checked: String?) {
        let loaded = try options.report(loading)
        let templateSet = try loadTemplates()
        let date = asOf.flatMap(CalendarDate.init(iso:)) ?? loaded.settings.asOf
        let (plan, findings, clean) = ContentChecks.planned(
            loaded, templates: templateSet, asOf: date, previous: previous,
            checked: checked)
        try gate(findings)
        guard let plan else { throw Console.fail("the site was not built; \(output)/ is unchanged") }
        return (
            plan, loaded.warnings.count + findings.all.filter { $0.severity == .warning }.count, loaded.pageCache,
            clean ? loaded.modelDigest : nil
        )
    }

    private static func load(
        _ folder: String, reusing cache: @escaping @autoclosure @Sendable () -> PageCache,
        stamps: [String: FileStamp]
    ) -> Result<LoadedContent, DiagnosticError> {
        do throws(DiagnosticError) {
            return .success(try ContentLoader.load(from: folder, reusing: cache(), stamps: stamps))
        } catch {
            return .failure(error)
        }
    }

    /// The inputs as they stand, by name, inode, size and time, with the options, taken before
    /// anything is read: an edit from here on shows as a change next time. Nil unless every input
    /// was last written before `start`, so no write can hide in the same tick of the file
    /// system's clock.
    private func sourcesKey(of snapshot: SourceSnapshot?, settledBefore start: Int64) -> String? {
        guard let snapshot, snapshot.isSettled(before: start) else { return nil }
        var key = Fingerprint()
        key.add(snapshot.digest)
        key.add(asOf ?? "-")
        return key.hex
    }

    /// The folder of prose pages, whose files' stamps the load takes from the snapshot.
    private var pagesFolder: String { options.content + "/pages" }

    /// A function of its own because Swift 6.3.1 crashes (an ownership assertion) compiling the
    /// same expression inside `publish`.
    private static func stamps(in snapshot: SourceSnapshot?, of folder: String) -> [String: FileStamp] {
        snapshot?.stamps[folder] ?? [:]
    }

    /// The write into the output: its lock taken, the last build's record being read.
    private func begin() throws -> StagedWrite {
        do {
            return try SiteWriter(output: output, cache: cacheFolder, lockWait: wait).begin()
        } catch let failure {
            Console.report(failure.diagnostics)
            throw Console.fail("the site was not written; the previous site is unchanged")
        }
    }

    /// Makes only the files whose inputs changed since the last build, and writes them. Without a
    /// record of that build every file is made, and staged as it comes; the site changes only when
    /// all are. The lock is taken, and the record read, while the content loads.
    private func publish() throws {
        let write = try begin()
        // The last build's pages are decoded while the inputs' snapshot is taken and the model loads.
        let previous = Eventually { () -> (bytes: [UInt8], cache: PageCache) in
            let bytes = write.previousPages
            return (bytes, PageCache(bytes: bytes))
        }
        let snapshot = SourceSnapshot.take(of: [options.content, templates], keepingStampsOf: [pagesFolder])
        let sources = sourcesKey(of: snapshot, settledBefore: write.startedAt)
        if let sources, write.isCurrent(sources: sources) {
            let warned = write.previousWarnings
            let report = write.finishUnchanged()
            Console.out(
                "\(output)/ is up to date: nothing in \(options.content)/ or \(templates)/ changed since the "
                    + "last build (\(report.unchanged.count) files)"
                    + (warned > 0
                        ? "; that build warned \(warned) time\(warned == 1 ? "" : "s"): `upgradedocs check` "
                            + "lists the warnings" : "") + "\n")
            Console.succeed()
        }
        // A page whose file is as the last build left it is taken from that build's record, unread.
        let stamps = Self.stamps(in: snapshot, of: pagesFolder)
        let loading = Self.load(options.content, reusing: previous.value.cache, stamps: stamps)
        let prepared = try abandoning(write) {
            try prepare(loading, previous: { write.previousInputs }, checked: write.previousChecked)
        }
        let plan = prepared.plan, date = prepared.plan.asOf
        // What the load learnt of the pages is noted for the next build while this one renders.
        let pageCache = prepared.pages, startedAt = write.startedAt
        let pages = Eventually {
            pageCache.isSame(as: previous.value.cache) ? previous.value.bytes : pageCache.bytes(settledBefore: startedAt)
        }
        do {
            let emit: (([GeneratedFile]) -> Void)? = write.streams ? { write.add($0) } : nil
            let build = plan.build(keeping: write.previousInputs, emit: emit, releasing: write.streams)
            let report = try write.finish(
                build, asOf: date.description, sources: sources, warnings: prepared.warnings,
                checked: prepared.checked, pages: pages.value)
            Console.report(report.warnings)
            Console.out(
                "wrote \(output)/: \(report.written.count) written, \(report.unchanged.count) unchanged, "
                    + "\(report.removed.count) removed; \(build.made.count) made, \(build.kept.count) kept from the last "
                    + "build (as of \(date))\n")
            Console.succeed()
        } catch let failure {
            Console.report(failure.diagnostics)
            throw Console.fail("the site was not written; the previous site is unchanged")
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
