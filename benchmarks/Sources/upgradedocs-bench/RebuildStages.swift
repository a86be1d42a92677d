import Foundation
import UpgradeBase
import UpgradeCheck
import UpgradeContent
import UpgradeOutput
import UpgradeSiteBuilder
import UpgradeSiteContract

/// Where a rebuild's time goes, step by step as `upgradedocs build` takes them, into an
/// output that already holds a build: load, checks, the record, the plan, making what
/// changed, and the write.
func rebuildStages() {
    let folder = value("--content", "benchmarks/out/corpus/content")
    let templates = value("--templates", "templates")
    let output = value("--output", "benchmarks/out/stages-site")
    do {
        let clock = ContinuousClock()
        let start = clock.now
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        let ((load, loading), (begin, beginning)) = ConcurrentMap.both(
            { timed { Result { () throws(DiagnosticError) in try ContentLoader.load(from: folder) } } },
            { timed { Result { () throws(DiagnosticError) in try SiteWriter(output: output).begin() } } })
        let content = try loading.get(), write = try beginning.get()
        let templateSet = try TemplateSet.load(from: templates)
        let findings = Diagnostics()
        let ((plan, planning), (modelChecks, _)) = ConcurrentMap.both(
            { timed { Result { () throws(DiagnosticError) in
                try SitePlan(content, templates: templateSet, asOf: content.settings.asOf) } } },
            { timed {
                ExampleCheck.check(content, into: findings)
                TableCheck.check(content, into: findings)
            } })
        let planned = try planning.get()
        let recheck = planned.proseToCheck(since: write.previousInputs)
        let (proseChecks, _) = timed {
            if recheck?.isEmpty != true { SiteBuilder.checkProse(content, only: recheck, into: findings) }
        }
        let (make, build) = timed { planned.build(keeping: write.previousInputs) }
        let (finish, report) = try timed { try write.finish(build, asOf: content.settings.asOf.description) }
        print(String(format: "load %.3f s beside the record %.3f s; plan %.3f s beside the model's checks %.3f s; "
                     + "prose checks %.3f s; make %.3f s (%d made, %d kept); write %.3f s (%d written); in all %.3f s",
                     load, begin, plan, modelChecks, proseChecks, make, build.made.count, build.kept.count, finish,
                     report.written.count, seconds(clock.now - start)))
    } catch {
        FileHandle.standardError.write(Data("rebuild: \(error)\n".utf8))
        exit(1)
    }
}
