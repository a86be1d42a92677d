import Foundation
import UpgradeBase
import UpgradeContent
import UpgradeSiteBuilder

/// The manifest's hashing alone: every file of a site built in memory, and as many keys of
/// 150 bytes as a rebuild's record takes, hashed `--runs` times. Prints the median of each.
func hashingBenchmark() {
    let folder = value("--content", "benchmarks/out/corpus/content")
    let templates = value("--templates", "templates")
    let runs = Int(value("--runs", "9")) ?? 9
    do {
        let content = try ContentLoader.load(from: folder)
        let files = try SiteBuilder.build(content, templates: TemplateSet.load(from: templates), asOf: content.settings.asOf)
        let bytes = files.reduce(0) { $0 + $1.bytes.count }
        let keys = (0..<20_000).map { Array(String(repeating: "k\($0)", count: 30).utf8.prefix(150)) }
        var fileTimes: [Double] = [], keyTimes: [Double] = []
        for _ in 0..<runs {
            fileTimes.append(timed { files.map { SHA256.hex($0.bytes) } }.0)
            keyTimes.append(timed { keys.map { SHA256.hex($0) } }.0)
        }
        print(
            String(
                format: "%d files (%.1f MB): %.1f ms; 20,000 keys of 150 bytes: %.1f ms (medians of %d)",
                files.count, Double(bytes) / 1e6, median(fileTimes) * 1000, median(keyTimes) * 1000, runs))
    } catch {
        FileHandle.standardError.write(Data("hashing: \(error)\n".utf8))
        exit(1)
    }
}
