import Foundation
import UpgradeContent
import UpgradeCore
import UpgradeOutput
import UpgradeSiteBuilder

/// Where a build's time goes: load, build in memory, and write, timed apart.
func stages() {
    let folder = value("--content", "benchmarks/out/corpus/content")
    let templates = value("--templates", "templates")
    let output = value("--output", "benchmarks/out/stages-site")
    do {
        let (load, content) = try timed { try ContentLoader.load(from: folder) }
        let (loadTemplates, templateSet) = try timed { try TemplateSet.load(from: templates) }
        let (build, files) = try timed { try SiteBuilder.build(content, templates: templateSet, asOf: content.settings.asOf) }
        try? FileManager.default.removeItem(atPath: output)
        let (write, _) = try timed { try SiteWriter(output: output).write(files, asOf: content.settings.asOf.description) }
        print(
            String(
                format: "load %.3f s, templates %.3f s, build %.3f s, write %.3f s (%d files)",
                load, loadTemplates, build, write, files.count))
    } catch {
        FileHandle.standardError.write(Data("stages: \(error)\n".utf8))
        exit(1)
    }
}
