import Foundation
import UpgradeContent
import UpgradeOutput
import UpgradeSiteBuilder
import UpgradeSiteContract

/// A whole build without the disk: load, render every file, hash each for the manifest.
/// Timed as a process by `benchmarks/site-build.sh`, beside the `cmark` CLI.
func inMemoryBuild() {
    let folder = value("--content", "benchmarks/out/corpus/content")
    let templates = value("--templates", "templates")
    do {
        let content = try ContentLoader.load(from: folder)
        let files = try SiteBuilder.build(
            content, templates: try TemplateSet.load(from: templates),
            asOf: content.settings.asOf)
        let manifest = Manifest(describing: files, asOf: content.settings.asOf.description)
        print("\(files.count) files, \(files.reduce(0) { $0 + $1.bytes.count }) bytes, \(manifest.entries.count) hashed")
    } catch {
        FileHandle.standardError.write(Data("memory: \(error)\n".utf8))
        exit(1)
    }
}
