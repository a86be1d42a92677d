import Foundation
import UpgradeBase
import UpgradeCheck
import UpgradeContent
import UpgradeOutput
import UpgradeSiteBuilder
import UpgradeSiteContract

/// Where a rebuild's time goes, step by step as `upgradedocs build` takes them, into an
/// output that already holds a build: the record, the snapshot, the load, checks, the plan,
/// making what changed, and the write.
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
        // As `upgradedocs build` takes them: the write begun (the record read), the inputs' snapshot
        // and the last build's pages beside each other, then the load, which takes unchanged pages
        // from those.
        let (begin, write) = try timed { try SiteWriter(output: output).begin() }
        let ((snapshot, taken), (decode, previous)) = ConcurrentMap.both(
            { timed { SourceSnapshot.take(of: [folder, templates], keepingStampsOf: [folder + "/pages"]) } },
            { timed { PageCache(bytes: write.previousPages) } })
        let stamps = taken?.stamps[folder + "/pages"] ?? [:]
        let (load, content) = try timed { try ContentLoader.load(from: folder, reusing: previous, stamps: stamps) }
        let templateSet = try TemplateSet.load(from: templates)
        let findings = Diagnostics()
        let checked = write.previousChecked != nil && write.previousChecked == content.modelDigest
        let ((plan, planning), (modelChecks, _)) = ConcurrentMap.both(
            {
                timed {
                    Result { () throws(DiagnosticError) in
                        try SitePlan(content, templates: templateSet, asOf: content.settings.asOf)
                    }
                }
            },
            {
                timed {
                    guard !checked else { return }
                    ExampleCheck.check(content, into: findings)
                    TableCheck.check(content, into: findings)
                }
            })
        let planned = try planning.get()
        let (proseChecks, _) = timed {
            let recheck = planned.proseToCheck(since: write.previousInputs)
            if recheck?.isEmpty != true { SiteBuilder.checkProse(content, only: recheck, into: findings) }
        }
        let (make, build) = timed { planned.build(keeping: write.previousInputs) }
        let (finish, report) = try timed {
            try write.finish(
                build, asOf: content.settings.asOf.description,
                checked: findings.all.isEmpty ? content.modelDigest : nil,
                pages: content.pageCache.bytes(settledBefore: write.startedAt))
        }
        print(
            String(
                format: "begin %.3f s; snapshot %.3f s beside the last pages' decoding %.3f s; load %.3f s; "
                    + "plan %.3f s beside the model's checks %.3f s%@; prose checks %.3f s; make %.3f s (%d made, "
                    + "%d kept); write %.3f s (%d written); in all %.3f s",
                begin, snapshot, decode, load, plan, modelChecks, checked ? " (skipped: checked before)" : "",
                proseChecks, make, build.made.count, build.kept.count, finish, report.written.count,
                seconds(clock.now - start)))
    } catch {
        FileHandle.standardError.write(Data("rebuild: \(error)\n".utf8))
        exit(1)
    }
}
