import UpgradeBase
import UpgradeSiteBuilder
import UpgradeSiteContract

/// The site kept in memory, for the preview: the same pipeline as `publish`, with what the last
/// good build left held here instead of in a record. A rebuild makes only the files whose inputs
/// changed and checks a model that passed once not again; the other files are the last build's.
/// Every prose page is read again: a save in the same tick of the file system's clock as the last
/// read would not show in its stamp, and the preview must show every save.
package final class SiteInMemory: Sendable {
    package let site: IncrementalSite

    /// A build's result: every file of the site, sorted by path, and how many were made anew.
    package struct Build: Sendable {
        package let files: [GeneratedFile]
        package let made: Int
        package let warnings: [Diagnostic]
    }

    private struct Last {
        var files: [String: (inputs: String, file: GeneratedFile)] = [:]
        var checked: String?
    }

    private let last = Locked(Last())

    package init(_ site: IncrementalSite) {
        self.site = site
    }

    /// Builds the site; a failure leaves the last good build as it was.
    package func rebuild() throws(BuildFailure) -> Build {
        let known = last.withLock { $0 }
        let previous = known.files.mapValues(\.inputs)
        let prepared = try site.prepare(IncrementalSite.Memory(inputs: { previous }, checked: known.checked))
        let build = prepared.plan.build(keeping: previous)
        let files = last.withLock { last in
            let kept = build.kept.compactMap { last.files[$0.path]?.file }
            var next: [String: (inputs: String, file: GeneratedFile)] = [:]
            for file in build.made + kept {
                if let inputs = build.inputs[file.path] { next[file.path] = (inputs, file) }
            }
            last = Last(files: next, checked: prepared.checked)
            return (build.made + kept).sorted { $0.path < $1.path }
        }
        return Build(files: files, made: build.made.count, warnings: prepared.warnings)
    }
}
