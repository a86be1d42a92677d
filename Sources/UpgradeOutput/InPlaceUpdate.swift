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
        try steps.take()
        try records.remove()
        for (file, sha) in changed {
            let (folder, name) = try place(file.path, in: root)
            try steps.take()
            try folder.replace(name, bytes: file.bytes)
            if let inputs = build.inputs[file.path], let identity = folder.identity(of: name) {
                next.entries[file.path] = BuildRecord.Entry(inputs: inputs, sha256: sha, identity: identity)
            }
        }
        if let manifest, let manifestSHA, manifestChanged {
            try steps.take()
            try root.replace(Manifest.fileName, bytes: manifest.bytes)
            next.entries[Manifest.fileName] = root.identity(of: Manifest.fileName).map {
                BuildRecord.Entry(inputs: "-", sha256: manifestSHA, identity: $0)
            }
        }
        let more = rewritten.sorted().compactMap { path in next.entries[path].map { (path, $0) } }
        try steps.take()
        try records.write(next.bytes(lines: lines, more: more))
        return report
    }

    /// The folder that holds `path` in the output, made where missing, and the file's name in it.
    private func place(_ path: String, in root: Folder) throws(DiagnosticError) -> (Folder, String) {
        var folder = root
        let parts = path.split(separator: "/").map(String.init)
        for part in parts.dropLast() { folder = try folder.makeFolder(part) }
        return (folder, parts.last ?? path)
    }
}
