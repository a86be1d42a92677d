import Foundation
import TestSupport
import Testing
import UpgradeBase
import UpgradeContent
import UpgradeOutput
import UpgradePipeline
import UpgradeSiteBuilder

/// A build checks the model (the worked examples, every decision table against the rule core)
/// once: a rebuild of the same model, by the same program, after it passed without a finding,
/// has nothing new to learn from the checks. A model with any finding is checked, and its
/// findings printed, by every build.
@Suite("The model is checked once")
struct ModelCheckSkipTests {
    /// The fixture, with two rules that differ in one condition only: the checks warn that they could be one.
    static func contentWithAWarning() throws -> String {
        try Scratch.copy(
            of: Fixtures.content,
            editing: [
                "tables/1-eligibility.yaml": {
                    $0.replacingOccurrences(
                        of: """
                              - id: UPG-1
                                cites: UPG-1
                                when: {listed-path: "no", regional-variant-path: "no"}
                                then: {verdict: blocked, reason: path-not-supported}

                            """,
                        with: """
                              - id: UPG-1
                                cites: UPG-1
                                when: {listed-path: "no", regional-variant-path: "no", status: active}
                                then: {verdict: blocked, reason: path-not-supported}
                              - id: UPG-1-INACTIVE
                                cites: UPG-1
                                when: {listed-path: "no", regional-variant-path: "no", status: inactive}
                                then: {verdict: blocked, reason: path-not-supported}

                            """)
                }
            ])
    }

    @Test("Checks are skipped only for the very model that passed them: its digest, named as checked")
    func onlyTheCheckedModelIsSkipped() throws {
        let folder = try Self.contentWithAWarning()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = try ContentLoader.load(from: folder)
        let templates = try TemplateSet.load(from: Fixtures.templates)
        func planned(checked: String?) -> (findings: [Diagnostic], clean: Bool) {
            let result = ContentChecks.planned(
                content, templates: templates, asOf: content.settings.asOf,
                previous: { [:] }, checked: checked)
            return (result.findings.all, result.clean)
        }
        let checked = planned(checked: nil)
        // A warning alone leaves the model clean: the shortcut is kept.
        #expect(checked.clean && checked.findings.contains { $0.code == .tableMergeable })
        #expect(planned(checked: "another model's digest").findings.count == checked.findings.count)
        // Named as checked, the model is not checked: nothing is found, which is why a build names a
        // model as checked only when its checks found nothing.
        let skipped = planned(checked: content.modelDigest)
        #expect(skipped.clean && skipped.findings.isEmpty)
    }

    @Test("A model whose checks only warn is checked once; the next build that checks it warns again")
    func warningsKeepTheShortcut() throws {
        let folder = try Self.contentWithAWarning()
        let root = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = IncrementalSite(content: folder, templates: Fixtures.templates)
        let writer = SiteWriter(output: root + "/site", cache: root + "/cache")
        for run in 1...2 {
            guard case .written(_, _, _, _, let warnings) = try site.publish(with: writer).outcome else {
                Issue.record("run \(run): nothing was written")
                return
            }
            #expect(warnings.contains { $0.code == .tableMergeable } == (run == 1), "run \(run)")
            // A prose edit between the runs, so that the second is not skipped as unchanged.
            try (try String(contentsOfFile: folder + "/pages/how-to-answer.md", encoding: .utf8) + "\nMore.\n")
                .write(toFile: folder + "/pages/how-to-answer.md", atomically: true, encoding: .utf8)
        }
        let fresh = try site.compare(with: SiteWriter(output: root + "/site"))
        #expect(fresh.warnings.contains { $0.code == .tableMergeable })
    }
}
