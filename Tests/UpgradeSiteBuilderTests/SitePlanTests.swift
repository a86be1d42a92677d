import UpgradeBase
import Foundation
import Testing
import TestSupport
import UpgradeSiteBuilder
import UpgradeSiteContract

/// `diff` finds the pages a change rewrites by comparing views, and renders only
/// the pages whose views differ. That shortcut must give exactly what two full
/// builds, compared byte for byte, give.
@Suite("A site plan finds exactly the files two builds write differently")
struct SitePlanTests {
    nonisolated(unsafe) static let edits: [(String, [String: (String) -> String])] = [
        ("no change", [:]),
        (
            "an offer renamed",
            [
                "offers.yaml": {
                    $0.replacingOccurrences(
                        of: "name: Office 365 Enterprise E1\n",
                        with: "name: Office 365 Enterprise E1 Plus\n")
                }
            ]
        ),
        (
            "a path added",
            [
                "paths.yaml": {
                    $0.replacingOccurrences(
                        of: "to: [o365-e3, o365-e5]",
                        with: "to: [o365-e3, o365-e5, m365-business-premium]")
                }
            ]
        ),
        (
            "services removed",
            [
                "offers.yaml": {
                    $0.replacingOccurrences(
                        of: "services: [office-desktop, office-enterprise-features, onedrive]",
                        with: "services: [office-enterprise-features]")
                }
            ]
        ),
        ("a remedy reworded", ["rules.yaml": { $0.replacingOccurrences(of: "or choose a target", with: "or pick a target") }]),
        (
            "the site retitled",
            [
                "site.yaml": {
                    $0.replacingOccurrences(
                        of: "title: CSP subscription upgrades",
                        with: "title: Upgrades")
                }
            ]
        ),
        ("a prose page edited", ["pages/how-to-answer.md": { $0 + "\nOne more paragraph.\n" }]),
    ]

    @Test("Plan comparison equals full-build comparison", arguments: edits.indices)
    func planMatchesFullBuilds(edit: Int) throws {
        let (name, changes) = Self.edits[edit]
        let folder = try Scratch.copy(of: Fixtures.content, editing: changes)
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: folder).deletingLastPathComponent().path) }
        let base = SiteFixture.content, head = SiteFixture.load(folder)
        let templates = SiteFixture.templates, asOf = SiteFixture.referenceDate
        let planned = try SitePlan(head, templates: templates, asOf: asOf)
            .changes(since: try SitePlan(base, templates: templates, asOf: asOf))
        let built = FileChange.between(
            try SiteBuilder.build(base, templates: templates, asOf: asOf),
            try SiteBuilder.build(head, templates: templates, asOf: asOf))
        #expect(planned == built, "\(name)")
        #expect((name == "no change") == built.isEmpty, "\(name): the edit shows on the site")
    }

    @Test("A build that hands its files over as it makes them keeps their digests, not their bytes")
    func releasingKeepsDigests() throws {
        let plan = try SitePlan(SiteFixture.content, templates: SiteFixture.templates, asOf: SiteFixture.referenceDate)
        let held = plan.build().made
        let handed = Locked<[GeneratedFile]>([])
        let released = plan.build(emit: { batch in handed.withLock { $0 += batch } }, releasing: true).made
        #expect(released.map(\.path) == held.map(\.path))
        #expect(released.allSatisfy { $0.bytes.isEmpty && $0.releasedDigest != nil })
        #expect(released.map(\.sha256) == held.map { SHA256.hex($0.bytes) })
        // What was handed over is whole.
        #expect(handed.withLock { $0 }.sorted { $0.path < $1.path } == held)
        // Without anyone to hand them to, nothing is let go.
        #expect(plan.build(releasing: true).made == held)
    }
}
