import UpgradeBase
import UpgradeSiteContract

/// A rebuild that changes few files of a large site, applied where the site stands: each
/// changed file replaced in one rename, then the manifest, then the record. The record
/// goes first, so a build stopped half-way leaves none, and the next build makes and
/// compares everything and exchanges the site whole.
struct InPlaceUpdate {
    let build: SiteBuild
    let digests: [String]
    let asOf: String
    /// What the record notes of the build's sources, warnings and pages.
    let note: BuildRecord.Note
    /// The new manifest, made only when it can differ from the one on disk.
    let manifest: @Sendable () -> GeneratedFile
    let record: BuildRecord
    let old: SiteTree
    let records: RecordStore
    let steps: Steps
    /// The made files whose bytes differ from what the output holds.
    private let changed: [(file: GeneratedFile, sha256: String)]
    /// Whether the last build wrote a file this one does not make: removing it may mean removing
    /// folders too, which the exchange does.
    private let removes: Bool
    /// Whether this build's files, the manifest among them, are the very ones the last build wrote.
    private let samePaths: Bool

    init(
        build: SiteBuild, digests: [String], asOf: String, note: BuildRecord.Note,
        manifest: @escaping @Sendable () -> GeneratedFile, record: BuildRecord, old: SiteTree, records: RecordStore,
        steps: Steps
    ) {
        self.records = records
        (self.build, self.digests, self.asOf, self.note, self.manifest) = (build, digests, asOf, note, manifest)
        (self.record, self.old, self.steps) = (record, old, steps)
        changed = zip(build.made, digests).filter { record.entries[$0.path]?.sha256 != $1 }.map { ($0, $1) }
        // The build's paths (each once, and the manifest) that the record was written with: when
        // these are all it was written with, the build removes nothing.
        let paths = build.paths + [Manifest.fileName]
        let common = paths.reduce(0) { $0 + (record.written[$1] != nil ? 1 : 0) }
        removes = record.written.count > common
        samePaths = !removes && record.written.count == paths.count
    }

    func fits(_ policy: SiteWriter.InPlacePolicy) -> Bool {
        build.made.count + build.kept.count >= policy.minimumFiles && changed.count <= policy.maximumChanges && !removes
    }

    func apply() throws(DiagnosticError) -> SiteWriter.Report {
        guard let root = old.root, let tool = BuildRecord.currentTool else {
            throw Disk.failure("the site to update is gone", at: "-")
        }
        // The last record's entries stand for every kept file (the site removes none here); a made
        // file with the bytes the disk holds keeps its entry, with its new inputs.
        var next = BuildRecord(tool: tool, asOf: asOf, entries: record.entries)
        next.note = note
        var recordChanged = asOf != record.asOf || note != record.note
        for (file, sha) in zip(build.made, digests) {
            guard let inputs = build.inputs[file.path], let entry = record.entries[file.path], entry.sha256 == sha,
                entry.inputs != inputs
            else { continue }
            next.entries[file.path] = BuildRecord.Entry(inputs: inputs, sha256: sha, identity: entry.identity)
            recordChanged = true
        }
        // The manifest lists each file's path, kind (which its path decides) and SHA-256, and the
        // as-of date: when none of these differ, it is the same bytes, and need not be made. It is
        // made on one core while the record's lines of the files that stay are made on the other.
        let changedPaths = Set(changed.map(\.file.path))
        let rewritten = changedPaths.union([Manifest.fileName])
        let needsManifest = !(changed.isEmpty && samePaths && asOf == record.asOf)
        let unchangedLines = next
        let makeManifest = self.manifest
        let (manifest, lines) = ConcurrentMap.both(
            { needsManifest ? makeManifest() : nil },
            { unchangedLines.lines(excluding: rewritten) })
        let manifestSHA = manifest.map { SHA256.hex($0.bytes) }
        let manifestChanged = manifestSHA.map { record.entries[Manifest.fileName]?.sha256 != $0 } ?? false
        let written = changed.map(\.file.path) + (manifestChanged ? [Manifest.fileName] : [])
        let report = SiteWriter.Report(written: written, unchanged: build.paths.filter { !changedPaths.contains($0) })
        // Nothing differs, on disk or in the record: nothing is written at all.
        guard !written.isEmpty || recordChanged else { return report }
        var files = changed.map { (path: $0.file.path, bytes: $0.file.bytes, sha256: $0.sha256) }
        if let manifest, let manifestSHA, manifestChanged {
            files.append((Manifest.fileName, manifest.bytes, manifestSHA))
        }
        let placed = try replace(files, in: root)
        for (item, file) in zip(placed, files) {
            let inputs = file.path == Manifest.fileName ? "-" : build.inputs[file.path]
            if let inputs, let identity = item.folder.identity(of: item.name) {
                next.entries[file.path] = BuildRecord.Entry(inputs: inputs, sha256: file.sha256, identity: identity)
            }
        }
        let more = rewritten.sorted().compactMap { path in next.entries[path].map { (path, $0) } }
        var done = report
        do {
            try steps.take()
            try records.write(next.bytes(lines: lines, more: more))
        } catch {
            // The new site is whole; only the next build's shortcut is lost.
            done.warnings += error.diagnostics.map {
                Diagnostic(
                    .warning, .disk,
                    "the build record could not be written, so the next build makes every page: "
                        + $0.message, at: $0.location)
            }
        }
        return done
    }

    /// Where one file of the update stands: its folder and name.
    private struct Place {
        let folder: Folder
        let name: String
    }

    /// Puts every file in place as one change: each is first written beside its place and put on
    /// disk; then the record goes and each takes its place by a rename, its old version kept under
    /// a second name until all have. A failure before the last rename puts every old version back
    /// and removes what the update wrote, so the site is the old one, whole; a kill between the
    /// renames leaves no record, and the next build exchanges the site whole.
    private func replace(
        _ files: [(path: String, bytes: [UInt8], sha256: String)], in root: Folder
    ) throws(DiagnosticError) -> [Place] {
        var made: [(parent: Folder, name: String)] = []
        var staged: [Place] = []
        func undoStaging() {
            for place in staged { try? place.folder.remove(Folder.stagedName(of: place.name)) }
            // Folders made for new files go again, deepest first, as they were made empty.
            for folder in made.reversed() { try? folder.parent.remove(folder.name) }
        }
        do {
            try steps.take()
            for file in files {
                let place = try self.place(file.path, in: root, made: &made)
                try steps.take()
                try place.folder.stage(place.name, bytes: file.bytes)
                staged.append(place)
            }
            try steps.take()
            try records.remove()
        } catch {
            undoStaging()
            throw error
        }
        var placed: [(place: Place, kept: Bool)] = []
        do {
            for place in staged {
                try steps.take()
                let kept = place.folder.entry(place.name) != nil
                if kept {
                    try place.folder.remove(Folder.keptName(of: place.name))
                    try place.folder.link(Folder.keptName(of: place.name), to: place.name, in: place.folder)
                }
                try place.folder.rename(Folder.stagedName(of: place.name), to: place.name)
                placed.append((place, kept))
            }
        } catch {
            var restored = true
            for (place, kept) in placed.reversed() {
                do {
                    if kept {
                        try place.folder.rename(Folder.keptName(of: place.name), to: place.name)
                    } else {
                        try place.folder.remove(place.name)
                    }
                } catch {
                    restored = false
                }
            }
            for place in staged { try? place.folder.remove(Folder.keptName(of: place.name)) }
            undoStaging()
            guard restored else {
                throw DiagnosticError(
                    error.diagnostics.map {
                        Diagnostic(
                            .error, .partlyWritten,
                            $0.message + ", and the old files could not all be put back: the next build puts the "
                                + "whole site in place", at: $0.location)
                    })
            }
            throw error
        }
        for place in staged {
            try? place.folder.remove(Folder.keptName(of: place.name))
            place.folder.flushEntries()
        }
        return staged
    }

    /// The folder that holds `path` in the output, made where missing (each noted in `made`), and
    /// the file's name in it.
    private func place(
        _ path: String, in root: Folder, made: inout [(parent: Folder, name: String)]
    ) throws(DiagnosticError) -> Place {
        var folder = root
        let parts = path.split(separator: "/").map(String.init)
        for part in parts.dropLast() {
            if let existing = try folder.folder(part) {
                folder = existing
            } else {
                let parent = folder
                folder = try folder.makeFolder(part)
                made.append((parent, part))
            }
        }
        return Place(folder: folder, name: parts.last ?? path)
    }
}
