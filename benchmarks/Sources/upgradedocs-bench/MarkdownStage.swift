import Foundation
import UpgradeContent
import UpgradeSiteBuilder

/// The Markdown stage alone: every prose page of a content folder through the
/// site's HTML prose rendering, in process, without templates or the disk.
func markdownStage() {
    let folder = value("--content", "benchmarks/out/corpus/content")
    let runs = Int(value("--runs", "5")) ?? 5
    do {
        let content = try ContentLoader.load(from: folder)
        var times: [Double] = []
        var bytes = 0
        for _ in 0..<runs {
            let (seconds, size) = timed { ProseStage.renderAll(content) }
            times.append(seconds)
            bytes = size
        }
        print(String(format: "markdown stage: %d pages, %d bytes of HTML, median %.3f s", content.pages.count, bytes,
                     median(times)))
    } catch {
        FileHandle.standardError.write(Data("markdown: \(error)\n".utf8))
        exit(1)
    }
}
