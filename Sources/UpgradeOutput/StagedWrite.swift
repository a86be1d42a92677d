import Dispatch
import Foundation
import UpgradeBase
import UpgradeSiteContract

/// One write of a site in progress. Files go into the next site, the folder
/// beside the output, as they are made, on one writer thread, while the next
/// pages render on the cores; the output itself changes only in `finish`, when
/// `SiteExchange` swaps the folders. `abandon` leaves the old site as it was.
package final class StagedWrite: Sendable {
    private let writer: SiteWriter
    private let records: RecordStore
    private let lock: OutputLock
    private let parent: Folder
    private let nextName: String
    private let next: SiteTree
    private let old: SiteTree
    /// Runs the batches one after another, in the order they were added.
    private let queue = DispatchQueue(label: "upgradedocs.staged-write")
    private let progress = Locked(Progress())
    /// Batches handed over but not yet written. On a disk slower than rendering, an unbounded queue
    /// would hold every page's bytes at once; a few in flight keep the writer busy.
    private let inFlight = DispatchSemaphore(value: 4)
    /// The paths handed to `add` so far, so `finish` stages each made file once.
    private let added = Locked(Set<String>())
    let steps: Steps
    /// What the last build wrote, for the files still as it left them; nil without a usable record.
    /// Read on another thread from `begin` on (it stats every file), while the content loads.
    private let reading: Eventually<BuildRecord?>
    var record: BuildRecord? { reading.value }
    /// The last record's header, read before its files are checked.
    private let header: Eventually<BuildRecord.Header?>
    private var noted: BuildRecord.Note? { header.value?.note }

    /// What the last build's load learnt of the prose pages (`PageCache`'s bytes); none without a
    /// record from this program. Ready long before `previousInputs`, which checks every file.
    package var previousPages: [UInt8] { noted?.pages ?? [] }

    /// The digest of the model whose checks the last build passed without a finding; nil for none.
    package var previousChecked: String? { noted.flatMap { $0.checked == "-" ? nil : $0.checked } }

    /// The inputs of every file the output holds exactly as the last build made it, by path: a
    /// build given these makes only the files whose inputs differ (`SitePlan.build(keeping:)`).
    package var previousInputs: [String: String] { inputs.value }
    private let inputs: Eventually<[String: String]>
    /// When this write began, by the file system's clock: the time the next site's folder was made.
    package let startedAt: Int64

    /// Whether the files should be added as they are made. Without a record every file goes
    /// into the next site, so staging overlaps rendering; with one, `finish` decides.
    package var streams: Bool { record == nil }

    private struct Progress {
        var written: [String] = []
        var unchanged: [String] = []
        var failure: DiagnosticError?
    }

    init(writer: SiteWriter, steps: Steps = Steps()) throws(DiagnosticError) {
        self.writer = writer
        self.steps = steps
        let (parentPath, name) = writer.parentAndName
        parent = try Folder.made(parentPath, what: "the folder that holds the site")
        lock = try OutputLock.acquire(in: parent, for: name, wait: writer.lockWait)
        old = SiteTree(root: try Folder.existing(writer.output))
        let records = writer.records
        self.records = records
        let stored = Eventually { records.read() }
        let header = Eventually { () -> BuildRecord.Header? in
            guard let bytes = stored.value, let tool = BuildRecord.currentTool else { return nil }
            return BuildRecord.Header(reading: bytes, tool: tool)
        }
        let reading = Eventually { [old] in BuildRecord.intact(in: old, bytes: stored.value, header: header.value) }
        (self.header, self.reading) = (header, reading)
        inputs = Eventually {
            // Mapped, then the manifest removed: a filter would hash the 20,000 paths again.
            var inputs = (reading.value?.entries ?? [:]).mapValues(\.inputs)
            inputs[Manifest.fileName] = nil
            return inputs
        }
        // The next site of a build that was killed: the lock says no build is using it.
        nextName = "." + name + ".upgradedocs-next"
        try parent.remove(nextName)
        next = SiteTree(root: try parent.makeFolder(nextName))
        startedAt = next.root!.modified
    }

    /// Stages the files; returns at once, the writing goes on behind.
    package func add(_ files: [GeneratedFile]) {
        added.withLock { $0.formUnion(files.map(\.path)) }
        inFlight.wait()
        queue.async { [self] in
            defer { inFlight.signal() }
            guard progress.withLock({ $0.failure == nil }) else { return }
            do throws(DiagnosticError) {
                try stage(files)
            } catch {
                progress.withLock { $0.failure = error }
            }
        }
    }

    /// Writes each changed file of a batch into the next site, and links each unchanged one.
    private func stage(_ files: [GeneratedFile]) throws(DiagnosticError) {
        try writer.checkPaths(files)
        // The comparisons read the old site on both cores; the links and writes then go in order.
        let places = ConcurrentMap.run(files) { [old] file -> Result<(Folder?, String, Bool), DiagnosticError> in
            do throws(DiagnosticError) {
                let (folder, name) = try old.place(of: file.path)
                return .success((folder, name, folder?.holds(file.bytes, at: name) == true))
            } catch {
                return .failure(error)
            }
        }
        for (file, place) in zip(files, places) {
            let (oldFolder, name, unchanged) = try place.get()
            let folder = try makeFolders(for: file.path)
            try steps.take()
            if unchanged, let oldFolder {
                try folder.link(name, to: name, in: oldFolder)
                progress.withLock { $0.unchanged.append(file.path) }
            } else {
                try folder.create(name, bytes: file.bytes)
                progress.withLock { $0.written.append(file.path) }
            }
        }
    }

    /// The folder of the next site that holds `path`, made as needed.
    private func makeFolders(for path: String) throws(DiagnosticError) -> Folder {
        var folder = next.root!
        for part in path.split(separator: "/").dropLast() { folder = try folder.makeFolder(String(part)) }
        return folder
    }

    /// Stages the manifest of `files`, waits for every staged file, carries over what the
    /// user keeps in the output, and swaps the next site in.
    package func finish(_ files: [GeneratedFile], asOf: String) throws(DiagnosticError) -> SiteWriter.Report {
        try finish(SiteBuild(made: files), asOf: asOf)
    }

    /// Whether the output is, file for file, what the last build made from `sources` (a digest of
    /// the inputs' `SourceSnapshot` and the options): then there is nothing to do. Warnings do not
    /// change that; the build says how many the last build gave.
    package func isCurrent(sources: String) -> Bool {
        // Known from the record's header, before its files are checked, unless the sources agree.
        guard let noted, noted.sources == sources else { return false }
        return record?.isWhole ?? false
    }

    /// How many warnings the last build gave.
    package var previousWarnings: Int { noted?.warnings ?? 0 }

    /// Ends a write that found the output current: nothing is written.
    package func finishUnchanged() -> SiteWriter.Report {
        abandon()
        return SiteWriter.Report(unchanged: (record?.entries.keys).map { $0.filter { $0 != Manifest.fileName }.sorted() } ?? [])
    }

    /// Finishes a build: the files it made (those not added yet are staged now) and those it kept.
    /// `sources` and `warnings` are noted in the record, for `isCurrent`; `checked` (the digest of a
    /// model whose checks passed without a finding) and `pages` for the next build.
    package func finish(
        _ build: SiteBuild, asOf: String, sources: String? = nil, warnings: Int = 0,
        checked: String? = nil, pages: [UInt8] = []
    ) throws(DiagnosticError) -> SiteWriter.Report {
        let note = BuildRecord.Note(sources: sources ?? "-", warnings: warnings, checked: checked ?? "-", pages: pages)
        let digests = ConcurrentMap.run(build.made) { $0.sha256 }
        let madeEntries = zip(build.made, digests).map { Manifest.Entry(path: $0.path, kind: $0.kind, sha256: $1) }
        let record = record
        @Sendable func keptEntries() -> [Manifest.Entry] {
            build.kept.map { file in
                Manifest.Entry(path: file.path, kind: file.kind, sha256: record?.entries[file.path]?.sha256 ?? "")
            }
        }
        // Made only when it can differ from the manifest on disk.
        let makeManifest: @Sendable () -> GeneratedFile = {
            Manifest(generator: Generator.name, asOf: asOf, entries: Self.merged(madeEntries, keptEntries())).file
        }
        if let record {
            let update = InPlaceUpdate(
                build: build, digests: digests, asOf: asOf, note: note, manifest: makeManifest,
                record: record, old: old, records: records, steps: steps)
            if update.fits(writer.inPlace) {
                // The next site is not needed: the output changes where it stands.
                try? parent.remove(nextName)
                defer { lock.release() }
                return try update.apply()
            }
        }
        let staged = added.withLock { $0 }
        let unstaged = build.made.filter { !staged.contains($0.path) }
        // A released file's bytes are gone: only a file that was added as it was made may be released.
        if let lost = unstaged.first(where: { $0.releasedDigest != nil }) {
            abandon()
            throw DiagnosticError(
                .internalError, "internal error: \(lost.path) was let go before it was written",
                at: SourceLocation(file: lost.path))
        }
        add(unstaged)
        let manifest = makeManifest()
        queue.async { [self] in
            guard progress.withLock({ $0.failure == nil }) else { return }
            do throws(DiagnosticError) {
                try link(build.kept)
            } catch {
                progress.withLock { $0.failure = error }
            }
        }
        add([manifest])
        queue.sync {}
        let done = progress.withLock { $0 }
        if let failure = done.failure {
            if !steps.crashed { abandon() }
            throw failure
        }
        var report = SiteWriter.Report(written: done.written, unchanged: done.unchanged)
        let exchange = SiteExchange(
            parent: parent, name: writer.parentAndName.name, nextName: nextName,
            old: old, next: next, steps: steps)
        do {
            // Worked out from the next site's files before they move; written once they are in place.
            let recordBytes = nextRecord(
                build, asOf: asOf, note: note,
                digests: Dictionary(uniqueKeysWithValues: (madeEntries + keptEntries()).map { ($0.path, $0.sha256) }),
                manifest: manifest)
            let carried = try exchange.carryOver(generated: Set(build.paths + [Manifest.fileName]))
            report.removed = carried.dropped
            report.warnings = carried.warnings
            try exchange.swap()
            // A record left from the build before matches none of the files this one wrote, so a
            // stop here costs the next build its shortcuts, never its correctness.
            try steps.take()
            if let recordBytes { try records.write(recordBytes) } else { try records.remove() }
        } catch {
            // A simulated crash leaves everything where it stopped, as a killed process would.
            if !steps.crashed { abandon() }
            throw error
        }
        report.warnings += exchange.removeOld()
        lock.release()
        return report
    }

    /// The entries of both lists in path order; each list is in path order already when it comes
    /// from a build, so they are merged, and sorted only when one is not.
    private static func merged(_ first: [Manifest.Entry], _ second: [Manifest.Entry]) -> [Manifest.Entry] {
        func ordered(_ entries: [Manifest.Entry]) -> [Manifest.Entry] {
            zip(entries, entries.dropFirst()).allSatisfy { $0.path < $1.path } ? entries : entries.sorted { $0.path < $1.path }
        }
        let (first, second) = (ordered(first), ordered(second))
        var result: [Manifest.Entry] = []
        result.reserveCapacity(first.count + second.count)
        var (i, j) = (0, 0)
        while i < first.count || j < second.count {
            if j == second.count || (i < first.count && first[i].path < second[j].path) {
                result.append(first[i])
                i += 1
            } else {
                result.append(second[j])
                j += 1
            }
        }
        return result
    }

    /// Links each kept file of the old site into the next one: the record vouches for its bytes.
    private func link(_ kept: [KeptFile]) throws(DiagnosticError) {
        for file in kept {
            let (oldFolder, name) = try old.place(of: file.path)
            guard let oldFolder else { throw Disk.failure("the file to keep is gone", at: writer.output + "/" + file.path) }
            let folder = try makeFolders(for: file.path)
            try steps.take()
            try folder.link(name, to: name, in: oldFolder)
            progress.withLock { $0.unchanged.append(file.path) }
        }
    }

    /// What each file of the next site was made from and which file on disk it is, when the build
    /// knows its files' inputs.
    private func nextRecord(
        _ build: SiteBuild, asOf: String, note: BuildRecord.Note,
        digests: [String: String], manifest: GeneratedFile
    ) -> [UInt8]? {
        guard let tool = BuildRecord.currentTool, !build.inputs.isEmpty || !build.kept.isEmpty else { return nil }
        var record = BuildRecord(tool: tool, asOf: asOf)
        record.note = note
        let inputs = build.inputs.merging(build.kept.map { ($0.path, $0.inputs) }) { _, kept in kept }
        let paths = inputs.keys.sorted() + [Manifest.fileName]
        let identities = ConcurrentMap.run(paths) { [next] path -> FileIdentity? in
            guard let (folder, name) = try? next.place(of: path) else { return nil }
            return folder?.identity(of: name)
        }
        for (path, identity) in zip(paths, identities) {
            guard let identity else { continue }
            record.entries[path] = BuildRecord.Entry(
                inputs: inputs[path] ?? "-",
                sha256: path == Manifest.fileName ? SHA256.hex(manifest.bytes) : digests[path] ?? "",
                identity: identity)
        }
        return record.bytes
    }

    /// Drops the next site; the output is as it was before `begin`.
    package func abandon() {
        queue.sync {}
        try? parent.remove(nextName)
        lock.release()
    }
}

/// Counts the steps of a write that change the disk, so a test can stop one after
/// any step, as if the process were killed there.
final class Steps: Sendable {
    private let state: Locked<(taken: Int, crashed: Bool)>
    private let limit: Int?

    init(stopAfter limit: Int? = nil) {
        self.limit = limit
        state = Locked((0, false))
    }

    var taken: Int { state.withLock { $0.taken } }
    var crashed: Bool { state.withLock { $0.crashed } }

    func take() throws(DiagnosticError) {
        let stop = state.withLock { state -> Bool in
            guard let limit, state.taken >= limit else {
                state.taken += 1
                return false
            }
            state.crashed = true
            return true
        }
        if stop {
            throw DiagnosticError(
                .internalError, "stopped after step \(limit ?? 0), as a test asked", at: SourceLocation(file: "-"))
        }
    }
}
