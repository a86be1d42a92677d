import Foundation
import UpgradeContent
import UpgradeSiteBuilder

/// The Markdown stage alone: every prose page of a content folder through the
/// site's HTML prose rendering, in process, without templates or the disk; and then
/// both twins of every page from one parse, which is all of a build's cmark work.
func markdownStage() {
    let folder = value("--content", "benchmarks/out/corpus/content")
    let runs = Int(value("--runs", "5")) ?? 5
    do {
        let content = try ContentLoader.load(from: folder)
        var times: [Double] = [], twinTimes: [Double] = []
        var bytes = 0, twinBytes = 0
        for _ in 0..<runs {
            let (seconds, size) = timed { ProseStage.renderAll(content) }
            times.append(seconds)
            bytes = size
            let (twinSeconds, twinSize) = timed { ProseStage.renderTwins(content) }
            twinTimes.append(twinSeconds)
            twinBytes = twinSize
        }
        print(
            String(
                format: "markdown stage: %d pages, %d bytes of HTML, median %.3f s", content.pages.count, bytes,
                median(times)))
        print(
            String(
                format: "both twins: %d pages, %d bytes of HTML and Markdown, median %.3f s", content.pages.count,
                twinBytes, median(twinTimes)))
    } catch {
        FileHandle.standardError.write(Data("markdown: \(error)\n".utf8))
        exit(1)
    }
}
