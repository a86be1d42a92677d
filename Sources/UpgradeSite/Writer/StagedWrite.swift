import Dispatch
import Foundation
import UpgradeContent

/// One write of a site in progress. Files go into the staging folder inside
/// the output as they are made, on one writer thread, while the next pages
/// render on the cores; the output itself changes only in `finish`, when the
/// staged files are renamed into place. `abandon` leaves the old site as it was.
public final class StagedWrite: @unchecked Sendable {
    private let writer: SiteWriter
    private let staging: String
    private let previous: Set<String>
    /// Whether the output folder was made for this write, so abandoning it takes it away again.
    private let madeOutput: Bool
    private let queue = DispatchQueue(label: "upgradedocs.staged-write")
    // Touched only on `queue`.
    private var written: [String] = []
    private var unchanged: [String] = []
    private var failure: String?

    init(writer: SiteWriter) throws(SiteWriter.Failure) {
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
            throw SiteWriter.Failure(description: "cannot write the site into \(writer.output): \(error.localizedDescription)")
        }
    }

    /// Stages the files that differ from the output's; returns at once, the writing goes on behind.
    public func add(_ files: [GeneratedFile]) {
        queue.async { [self] in
            guard failure == nil else { return }
            do {
                try SiteWriter.checkPaths(files)
            } catch {
                failure = String(describing: error)
                return
            }
            // A file whose folder the output does not have is new: no need to ask the disk for each one.
            let present = writer.existingFolders(of: files.map(\.path))
            let changed = ConcurrentMap.run(files) { file in
                !present.contains(SiteWriter.folder(of: file.path)) || !Disk.holds(file.bytes, at: writer.target(file.path))
            }
            let staged = zip(files, changed).filter(\.1).map(\.0)
            unchanged += zip(files, changed).filter { !$0.1 }.map(\.0.path)
            do {
                try Disk.makeFolders(for: staged.map(\.path), under: staging)
            } catch {
                failure = String(describing: error)
                return
            }
            // One writer: creating files in one folder from two threads only has them spin on the
            // folder's lock in the kernel (measured), for no gain in wall time.
            for file in staged {
                if let problem = Disk.write(file.bytes, to: staging + "/" + file.path) {
                    failure = problem
                    return
                }
                written.append(file.path)
            }
        }
    }

    /// Waits for the staged files, renames them into place, and removes what the previous
    /// manifest lists and `files` no longer has.
    public func finish(_ files: [GeneratedFile]) throws(SiteWriter.Failure) -> SiteWriter.Report {
        let (written, unchanged, failure) = queue.sync { (self.written, self.unchanged, self.failure) }
        if let failure {
            abandon()
            throw SiteWriter.Failure(description: failure)
        }
        let fileManager = FileManager.default
        var report = SiteWriter.Report(written: written, unchanged: unchanged)
        do {
            try writer.swapIn(written, from: staging)
            let current = Set(files.map(\.path))
            for path in previous.sorted() where !current.contains(path) && fileManager.fileExists(atPath: writer.target(path)) {
                try fileManager.removeItem(atPath: writer.target(path))
                writer.removeEmptyFolders(above: path)
                report.removed.append(path)
            }
            try fileManager.removeItem(atPath: staging)
        } catch let failure as SiteWriter.Failure {
            try? fileManager.removeItem(atPath: staging)
            throw failure
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw SiteWriter.Failure(description: "cannot write the site into \(writer.output): \(error.localizedDescription)")
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
