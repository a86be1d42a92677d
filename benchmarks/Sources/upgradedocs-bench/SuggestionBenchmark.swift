import Foundation
import UpgradeContent
import UpgradeCore

/// What `explain` does with an offer it cannot find, timed apart from loading:
/// the look-up by id or name, then the search for the closest id.
func suggestion() {
    let folder = value("--content", "benchmarks/out/catalogue-2000/content")
    let length = Int(value("--length", "100000")) ?? 100_000
    let runs = Int(value("--runs", "5")) ?? 5
    do {
        let catalog = try ContentLoader.load(from: folder).catalog
        let query = String(repeating: "o365-e3", count: length / 7 + 1).prefix(length)
        var times: [Double] = []
        for _ in 0..<runs {
            let (seconds, _) = timed { (catalog.lookUpOffer(String(query)), catalog.closestOfferID(to: String(query))) }
            times.append(seconds)
        }
        print(
            String(
                format: "suggest: %d offers, a %d-character argument, median %.1f ms", catalog.offers.count, length,
                median(times) * 1000))
    } catch {
        FileHandle.standardError.write(Data("suggest: \(error)\n".utf8))
        exit(1)
    }
}
