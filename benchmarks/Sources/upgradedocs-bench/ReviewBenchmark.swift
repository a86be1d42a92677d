import Foundation
import UpgradeBase
import UpgradeContent
import UpgradeReview
import UpgradeSiteBuilder

/// Where `diff`'s time goes for two catalogues: load, plan each site, compare pages, compare decisions and model.
func reviewBenchmark() {
    let base = value("--base", "benchmarks/out/review/base")
    let head = value("--head", "benchmarks/out/review/head")
    do {
        let (loadBase, before) = try timed { try ContentLoader.load(from: base) }
        let (loadHead, after) = try timed { try ContentLoader.load(from: head) }
        let templates = try TemplateSet.load(from: value("--templates", "templates"))
        let (planBase, basePlan) = try timed { try SitePlan(before, templates: templates, asOf: before.settings.asOf) }
        let (planHead, headPlan) = try timed { try SitePlan(after, templates: templates, asOf: after.settings.asOf) }
        let (pages, changes) = timed { headPlan.changes(since: basePlan) }
        let (answers, review) = timed {
            Review(base: ("base", before), head: ("head", after), asOf: after.settings.asOf)
        }
        let (whole, _) = try timed {
            try Review(base: ("base", before), head: ("head", after), asOf: after.settings.asOf) {
                () throws(DiagnosticError) in
                let plans = ConcurrentMap.run([before, after]) { content in
                    Result { () throws(DiagnosticError) in
                        try SitePlan(content, templates: templates, asOf: content.settings.asOf)
                    }
                }
                return try plans[1].get().changes(since: try plans[0].get())
            }
        }
        print(
            String(
                format: "load %.3f + %.3f s, plan %.3f + %.3f s, pages %.3f s (%d files), "
                    + "decisions and model %.3f s (%d cells, %d decisions, %d model entries); "
                    + "all but loading, on two cores: %.3f s",
                loadBase, loadHead, planBase, planHead, pages, changes.count, answers, review.cells.count,
                review.decisions.count, review.model.count, whole))
    } catch {
        FileHandle.standardError.write(Data("review: \(error)\n".utf8))
        exit(1)
    }
}
