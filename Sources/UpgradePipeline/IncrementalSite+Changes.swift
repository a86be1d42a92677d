import UpgradeBase
import UpgradeContent
import UpgradeSiteBuilder
import UpgradeSiteContract

extension IncrementalSite {
    /// The files a build of `head` writes differently from a build of `base`, both through this
    /// site's templates, each model as of its own date unless this site names one. Nothing is
    /// written, and neither model is checked: a review shows what a change does, broken or not.
    package func changes(from base: LoadedContent, to head: LoadedContent) throws(BuildFailure) -> [FileChange] {
        let templateSet = try loadTemplates()
        let plans = ConcurrentMap.run([base, head]) { content in
            Result { () throws(DiagnosticError) in
                try SitePlan(content, templates: templateSet, asOf: asOf ?? content.settings.asOf)
            }
        }
        do throws(DiagnosticError) {
            return try plans[1].get().changes(since: try plans[0].get())
        } catch {
            throw BuildFailure(.site, error.diagnostics)
        }
    }
}
