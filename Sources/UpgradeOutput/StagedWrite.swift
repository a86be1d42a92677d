import Dispatch
import Foundation
import UpgradeBase
import UpgradeSiteContract

/// One write of a site in progress. Files go into the staging folder inside
/// the output as they are made, on one writer thread, while the next pages
/// render on the cores; the output itself changes only in `finish`, when
/// `SiteSwap` renames the staged files into place. `abandon` leaves the old site as it was.
public final class StagedWrite: Sendable {
    private let writer: SiteWriter
    private let staging: String
    private let previous: Set<String>
    /// Whether the output folder was made for this write, so abandoning it takes it away again.
    private let madeOutput: Bool
    /// Runs the batches one after another, in the order they were added.
    private let queue = DispatchQueue(label: "upgradedocs.staged-write")
    private let progress = Locked(Progress())

    private struct Progress {
        var written: [String] = []
        var unchanged: [String] = []
        var failure: DiagnosticError?
    }

    init(writer: SiteWriter) throws(DiagnosticError) {
        self.writer = writer
        staging = writer.output + "/" + SiteWriter.stagingName
        previous = writer.previousManifestPaths()
        let fileManager = FileManager.default
        madeOutput = !fileManager.fileExists(atPath: writer.output)
        do {
            try fileManager.createDirectory(atPath: writer.output, withIntermediateDirectories: true)
            if fileManager.fileExists(atPath: staging) { try fileManager.removeItem(atPath: staging) }
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw DiagnosticError("cannot write the site here: \(error.localizedDescription)",
                                  at: SourceLocation(file: writer.output))
        }
    }

    /// Stages the files that differ from the output's; returns at once, the writing goes on behind.
    public func add(_ files: [GeneratedFile]) {
        queue.async { [self] in
            guard progress.withLock({ $0.failure == nil }) else { return }
            if let failure = stage(files) { progress.withLock { $0.failure = failure } }
        }
    }

    /// Writes the changed files of one batch into the staging folder; what went wrong, if anything.
    private func stage(_ files: [GeneratedFile]) -> DiagnosticError? {
        do {
            try writer.checkPaths(files)
        } catch {
            return error
        }
        // A file whose folder the output does not have is new: no need to ask the disk for each one.
        let present = writer.existingFolders(of: files.map(\.path))
        let changed = ConcurrentMap.run(files) { [writer] file in
            !present.contains(SiteWriter.folder(of: file.path)) || !Disk.holds(file.bytes, at: writer.target(file.path))
        }
        let staged = zip(files, changed).filter(\.1).map(\.0)
        progress.withLock { $0.unchanged += zip(files, changed).filter { !$0.1 }.map(\.0.path) }
        do {
            try Disk.makeFolders(for: staged.map(\.path), under: staging)
            // One writer: creating files in one folder from two threads only has them spin on the
            // folder's lock in the kernel (measured), for no gain in wall time.
            for file in staged {
                try Disk.write(file.bytes, to: staging + "/" + file.path)
                progress.withLock { $0.written.append(file.path) }
            }
        } catch {
            return error
        }
        return nil
    }

    /// Stages the manifest of `files`, waits for every staged file, swaps them into place,
    /// and removes what the previous manifest lists and `files` no longer has.
    public func finish(_ files: [GeneratedFile], asOf: String) throws(DiagnosticError) -> SiteWriter.Report {
        add([Manifest(describing: files, asOf: asOf).file])
        queue.sync {}
        let done = progress.withLock { $0 }
        if let failure = done.failure {
            abandon()
            throw failure
        }
        var report = SiteWriter.Report(written: done.written, unchanged: done.unchanged)
        let current = Set(files.map(\.path) + [Manifest.fileName])
        do {
            report.removed = try SiteSwap(writer: writer, staging: staging)
                .run(staged: done.written, removing: previous.sorted().filter { !current.contains($0) })
            try FileManager.default.removeItem(atPath: staging)
        } catch let failure as DiagnosticError {
            try? FileManager.default.removeItem(atPath: staging)
            throw failure
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw DiagnosticError("cannot write the site here: \(error.localizedDescription)",
                                  at: SourceLocation(file: writer.output))
        }
        return report
    }

    /// Drops everything staged; the output is as it was before `begin`.
    public func abandon() {
        queue.sync {}
        try? FileManager.default.removeItem(atPath: staging)
        if madeOutput, (try? FileManager.default.contentsOfDirectory(atPath: writer.output))?.isEmpty == true {
            try? FileManager.default.removeItem(atPath: writer.output)
        }
    }
}
