import UpgradeBase
import UpgradeCore
import UpgradeOutput
import UpgradeSiteContract

extension IncrementalSite {
    /// How an output folder stands against the site the content makes.
    package struct Comparison: Sendable {
        /// Each stale, missing or extra file; none when the output is up to date.
        package let differences: [SiteWriter.Difference]
        /// The files the site holds, its manifest included.
        package let files: Int
        package let asOf: CalendarDate
        package let warnings: [Diagnostic]
    }

    /// The whole site made in memory, from nothing the last build left, and compared with the
    /// output byte for byte. Nothing is written.
    package func compare(with writer: SiteWriter) throws(BuildFailure) -> Comparison {
        let prepared = try prepare(Memory())
        let files = prepared.plan.build().made
        do throws(DiagnosticError) {
            let differences = try writer.differences(from: files, asOf: prepared.plan.asOf.description)
            return Comparison(
                differences: differences, files: files.count + 1, asOf: prepared.plan.asOf, warnings: prepared.warnings)
        } catch {
            throw BuildFailure(.output, prepared.warnings + error.diagnostics)
        }
    }
}
