import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeOutput
import UpgradeSiteBuilder
import UpgradeSiteContract

extension IncrementalSite {
    /// What `publish` did, and the memory it worked in.
    package struct Publication {
        package enum Outcome: Sendable {
            /// Nothing in the content or templates folders changed since the last build, which
            /// warned `warned` times: the output's `files` are as they were, and nothing was made.
            case unchanged(files: Int, warned: Int)
            /// The files were made and written; `made` of them new, `kept` from the last build.
            case written(SiteWriter.Report, made: Int, kept: Int, asOf: CalendarDate, warnings: [Diagnostic])
        }

        package let outcome: Outcome
        /// The build's working memory, still held: the model, the plan, the last build's record and
        /// pages. Releasing it object by object takes 15–19 ms of a 0.29 s one-page rebuild at
        /// 10,000 pages (docs/BENCHMARKS.md); a process that ends right after can let the kernel
        /// take it back instead, by ending while it holds this. Anyone else just drops it.
        package let workingMemory: Any
    }

    /// Makes only the files whose inputs changed since the last build, and writes them through
    /// `writer`. Without a record of that build every file is made, and staged as it comes; the
    /// output changes only when all are. The lock is taken, and the record read, while the
    /// content loads. On failure the output is as it was.
    package func publish(with writer: SiteWriter) throws(BuildFailure) -> Publication {
        let write: StagedWrite
        do throws(DiagnosticError) {
            write = try writer.begin()
        } catch {
            throw BuildFailure(.output, error.diagnostics)
        }
        // The last build's pages are decoded while the inputs' snapshot is taken and the model loads.
        let previous = Eventually { () -> (bytes: [UInt8], cache: PageCache) in
            let bytes = write.previousPages
            return (bytes, PageCache(bytes: bytes))
        }
        let snapshot = SourceSnapshot.take(of: [content, templates], keepingStampsOf: [pagesFolder])
        let sources = sourcesKey(of: snapshot, settledBefore: write.startedAt)
        if let sources, write.isCurrent(sources: sources) {
            let warned = write.previousWarnings
            let outcome = Publication.Outcome.unchanged(files: write.finishUnchanged().unchanged.count, warned: warned)
            return Publication(outcome: outcome, workingMemory: (write, previous, snapshot as Any))
        }
        // A page whose file is as the last build left it is taken from that build's record, unread.
        let memory = Memory(
            inputs: { write.previousInputs }, checked: write.previousChecked, pages: { previous.value.cache },
            stamps: Self.stamps(in: snapshot, of: pagesFolder))
        let prepared: Prepared
        do {
            prepared = try prepare(memory)
        } catch {
            write.abandon()
            throw error
        }
        let plan = prepared.plan
        // What the load learnt of the pages is noted for the next build while this one renders.
        let pageCache = prepared.content.pageCache, startedAt = write.startedAt
        let pages = Eventually {
            pageCache.isSame(as: previous.value.cache) ? previous.value.bytes : pageCache.bytes(settledBefore: startedAt)
        }
        let emit: (([GeneratedFile]) -> Void)? = write.streams ? { write.add($0) } : nil
        let build = plan.build(keeping: write.previousInputs, emit: emit, releasing: write.streams)
        do throws(DiagnosticError) {
            let report = try write.finish(
                build, asOf: plan.asOf.description, sources: sources, warnings: prepared.warnings.count,
                checked: prepared.checked, pages: pages.value)
            let outcome = Publication.Outcome.written(
                report, made: build.made.count, kept: build.kept.count, asOf: plan.asOf,
                warnings: prepared.warnings + report.warnings)
            return Publication(outcome: outcome, workingMemory: (prepared, build, write, previous, pages, memory))
        } catch {
            let stage: BuildFailure.Stage =
                error.diagnostics.contains { $0.code == .partlyWritten } ? .partlyWritten : .output
            throw BuildFailure(stage, prepared.warnings + error.diagnostics)
        }
    }

    /// The folder of prose pages, whose files' stamps the load takes from the snapshot.
    private var pagesFolder: String { content + "/pages" }

    /// The inputs as they stand, by name, inode, size and time, with the as-of date, taken before
    /// anything is read: an edit from here on shows as a change next time. Nil unless every input
    /// was last written before `start`, so no write can hide in the same tick of the file
    /// system's clock.
    private func sourcesKey(of snapshot: SourceSnapshot?, settledBefore start: Int64) -> String? {
        guard let snapshot, snapshot.isSettled(before: start) else { return nil }
        var key = Fingerprint()
        key.add(snapshot.digest)
        key.add(asOf?.description ?? "-")
        return key.hex
    }

    /// A function of its own because Swift 6.3.1 crashes (an ownership assertion) compiling the
    /// same expression inside `publish`.
    private static func stamps(in snapshot: SourceSnapshot?, of folder: String) -> [String: FileStamp] {
        snapshot?.stamps[folder] ?? [:]
    }
}
