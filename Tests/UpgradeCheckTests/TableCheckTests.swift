import Foundation
import Testing
import TestSupport
import UpgradeBase
import UpgradeCheck
import UpgradeContent
import UpgradeCore

/// `check` on the fixture content, and on copies with one table broken. The
/// fixture is a frozen copy of the reference model, so the real tables are untouched.
@Suite("Decision tables are checked against the rule core")
struct TableCheckTests {
    static func findings(editing file: String, _ edit: (String) -> String) throws -> [Diagnostic] {
        findings(of: TableCheck.check, in: try content(editing: "tables/" + file, edit))
    }

    static func findings(of check: (LoadedContent, Diagnostics) -> Void, in content: LoadedContent) -> [Diagnostic] {
        let diagnostics = Diagnostics()
        check(content, diagnostics)
        return diagnostics.all
    }

    /// The fixture content, loaded from a copy with one file edited.
    static func content(editing file: String, _ edit: (String) -> String) throws -> LoadedContent {
        let folder = try Scratch.copy(of: Fixtures.content)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + file
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let edited = edit(original)
        #expect(edited != original, "the edit must change \(file)")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        return try ContentLoader.load(from: folder)
    }

    /// The request behind a counterexample, as the rule core would read it.
    static func request(in message: String) throws -> [String] {
        let command = try #require(message.range(of: "try: upgradedocs explain ")).upperBound
        return message[command...].split(separator: " ").map(String.init)
    }

    @Test("The reference tables are complete, consistent and agree with the rule core")
    func seedTablesAreClean() throws {
        let content = try ContentLoader.load(from: Fixtures.content)
        #expect(Self.findings(of: TableCheck.check, in: content).isEmpty)
    }

    @Test("An injected gap is found, with a request that falls into it")
    func gap() throws {
        let findings = try Self.findings(editing: "1-eligibility.yaml") { text in
            String(text[..<text.range(of: "  - id: ELIGIBLE")!.lowerBound])
        }
        #expect(findings.count == 1)
        let message = try #require(findings.first?.message)
        #expect(
            message.hasPrefix(
                "table eligibility: gap: no rule matches listed-path=yes, regional-variant-path=no, "
                    + "status=active, holds-target=no, holds-added-service=no"))
        // A plain listed upgrade, active, with no holdings: exactly the uncovered case.
        let words = try Self.request(in: message)
        #expect(!words.contains("--status") && !words.contains("--holds"))
        #expect(findings.first?.location.file.hasSuffix("tables/1-eligibility.yaml") == true)
    }

    @Test("An overlap under hit policy U is an error naming both rules and a case they share")
    func overlapUnderUnique() throws {
        let findings = try Self.findings(editing: "1-eligibility.yaml") {
            $0.replacingOccurrences(of: "hitPolicy: R", with: "hitPolicy: U")
        }
        let overlap = try #require(findings.first { $0.code == .tableOverlap })
        #expect(overlap.mentions("UPG-1", "UPG-3", "U"))
        let words = try Self.request(in: overlap.message)
        #expect(words.contains("--status"), "the shared case has an inactive subscription")
        #expect(overlap.location.line > 1)
    }

    @Test("A rule that can never fire is found: shadowed under F, and inside an impossible combination")
    func maskedRules() throws {
        let shadowed = try Self.findings(editing: "2-advisories.yaml") {
            $0.replacingOccurrences(of: "hitPolicy: R", with: "hitPolicy: F")
                .replacingOccurrences(
                    of: "rows:\n",
                    with: "rows:\n  - id: ADV-0\n    annotation: all\n    when: {}\n"
                        + "    then: {advisory: legacy-withdrawn}\n")
        }
        #expect(shadowed.contains { $0.code == .tableUnreachable && $0.mentions("advisories", "ADV-1", "F") })
        let impossible = try Self.findings(editing: "2-advisories.yaml") {
            $0.replacingOccurrences(
                of: "when: {other-channel-conflict: \"yes\"}",
                with: "when: {other-channel-conflict: \"yes\", verdict: eligible}")
        }
        #expect(impossible.contains { $0.code == .tableUnreachable && $0.mentions("advisories", "ADV-2") })
    }

    @Test("A table that disagrees with the rule core is caught, with a runnable counterexample")
    func disagreement() throws {
        let findings = try Self.findings(editing: "1-eligibility.yaml") {
            $0.replacingOccurrences(
                of: "then: {verdict: blocked, reason: already-owns-target}",
                with: "then: {verdict: blocked, reason: owns-included-services}")
        }
        let finding = try #require(findings.first { $0.code == .tableDisagreement })
        // The table's answer first, then the rule core's.
        #expect(finding.mentions("blocked", "owns-included-services", "blocked", "already-owns-target"))
        let words = try Self.request(in: finding.message)
        #expect(words.contains("--holds"), "the counterexample holds the target")
        // The counterexample really shows the disagreement when asked of the rule core.
        let content = try ContentLoader.load(from: Fixtures.content)
        let catalog = content.catalog
        func value(_ flag: String) -> String? { words.firstIndex(of: flag).map { words[$0 + 1] } }
        let fromID = try #require(value("--from")), toID = try #require(value("--to"))
        let heldID = try #require(value("--holds")?.split(separator: "@").first.map(String.init))
        let from = try #require(catalog.offer(OfferID(fromID)))
        let to = try #require(catalog.offer(OfferID(toID)))
        let held = try #require(catalog.offer(OfferID(heldID)))
        let date = try #require(value("--as-of").flatMap(CalendarDate.init(iso:)))
        let decision = RuleCore(catalog: catalog).decide(
            Request(
                from: from, to: to, holdings: [Holding(offer: held)],
                asOf: date))
        #expect(decision.reasonCodes.contains(.alreadyOwnsTarget))
    }

    @Test("Rules that could merge get a warning, not an error")
    func contractionIsAWarning() throws {
        let findings = try Self.findings(editing: "1-eligibility.yaml") {
            $0.replacingOccurrences(
                of: "  - id: UPG-2\n",
                with: """
                      - id: SPLIT-A
                        annotation: a
                        when: {listed-path: "no", regional-variant-path: "no", status: active}
                        then: {verdict: blocked, reason: path-not-supported}
                      - id: SPLIT-B
                        annotation: b
                        when: {listed-path: "no", regional-variant-path: "no", status: inactive}
                        then: {verdict: blocked, reason: path-not-supported}
                      - id: UPG-2

                    """)
        }
        let warning = try #require(findings.first { $0.severity == .warning })
        #expect(warning.code == .tableMergeable && warning.mentions("SPLIT-A", "SPLIT-B", "status"))
    }
}

@Suite("Worked examples agree with the rule core")
struct ExampleCheckTests {
    @Test("An example whose expectation disagrees with the rule core is a finding at its id")
    func disagreeingExample() throws {
        let content = try TableCheckTests.content(editing: "examples.yaml") { _ in
            """
            examples:
              - id: wrong
                title: Wrong on purpose
                from: m365-business-standard
                to: m365-business-basic
                asOf: 2021-01-01
                expect: eligible
            """
        }
        let findings = TableCheckTests.findings(of: ExampleCheck.check, in: content)
        #expect(
            findings.map { "\($0.location.file.split(separator: "/").last!):\($0.location.line):\($0.location.column)" }
                == ["examples.yaml:2:9"])
        #expect(findings.first?.code == .exampleMismatch && findings.first?.mentions("blocked", "path-not-supported") == true)
    }

    @Test("The reference examples agree")
    func agreeingExamples() throws {
        let content = try ContentLoader.load(from: Fixtures.content)
        #expect(!content.catalog.examples.isEmpty)
        #expect(TableCheckTests.findings(of: ExampleCheck.check, in: content).isEmpty)
    }
}
