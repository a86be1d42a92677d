import Foundation
import UpgradeBase
import UpgradeContent

/// A small valid content folder written to a temporary directory, with any
/// file replaced by the text a test gives. Line numbers in the tests count
/// lines of that text.
struct ContentFixture {
    static let valid: [String: String] = [
        "site.yaml": """
        title: Fixture
        asOf: 2024-01-01
        sources:
          - {title: s, url: "https://example.com/s"}
        """,
        "programs.yaml": """
        programs:
          - id: legacy
            name: legacy
          - id: new-commerce
            name: new commerce
        regions:
          - id: india
            name: India
        """,
        "services.yaml": """
        services:
          - {id: mail, name: Mail}
          - {id: apps, name: Desktop apps}
        """,
        "offers.yaml": """
        offers:
          - id: basic
            name: Basic
            program: legacy
            services: [mail]
          - id: standard
            name: Standard
            program: legacy
            extends: basic
            services: [apps]
          - id: basic-india
            name: Basic India
            program: legacy
            region: india
            variantOf: basic
          - id: nce-basic
            name: NCE Basic
            program: new-commerce
            services: [mail]
        """,
        "paths.yaml": """
        paths:
          - from: basic
            to: [standard]
            source: s
        """,
        "rules.yaml": """
        rules:
          - {id: R1, code: path-not-supported, title: t, remedy: r, source: s,
             when: {listed-path: "no", regional-variant-path: "no"}, message: "{{from.name}} is not listed."}
          - {id: R2, code: region-mismatch, title: t, remedy: r, source: s,
             when: {regional-variant-path: "yes"}, message: "Use {{counterpart.name}}."}
          - {id: R3, code: subscription-not-active, title: t, remedy: r, source: s,
             when: {status: inactive}, message: "It is {{status}}."}
          - {id: R4, code: already-owns-target, title: t, remedy: r, source: s,
             when: {holds-target: "yes"}, message: "Has {{to.name}}."}
          - {id: R5, code: owns-included-services, title: t, remedy: r, source: s,
             when: {holds-added-service: "yes"}, message: "{{#overlappingHoldings}}{{offer.name}}{{/overlappingHoldings}}."}
        advisories:
          - {code: use-regional-variant, words: w, when: {regional-variant-path: "yes"}, offer: counterpart.id,
             message: "Use {{counterpart.name}}."}
          - {code: legacy-withdrawn, words: w, when: {legacy-withdrawn: "yes"}, message: "Withdrawn."}
        """,
        "roles.yaml": """
        portalSteps: [Open the customer.]
        portalStepsSource: s
        roles:
          - id: agent
            name: Agent
            summary: Places orders.
            source: s
            canUpgrade: true
        """,
        "interpretations.yaml": """
        interpretations:
          - id: any-overlap
            title: Overlap
            question: q
            source: s
            decision: d
            rationale: r
            affects: [R5]
        """,
        "examples.yaml": """
        examples:
          - id: plain
            title: Plain
            from: basic
            to: standard
            asOf: 2021-01-01
            expect: eligible
        """,
    ]

    let directory: String

    init(replacing overrides: [String: String] = [:], removing removed: Set<String> = []) throws {
        directory =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("upgradedocs-fixture-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in Self.valid.merging(overrides, uniquingKeysWith: { _, new in new })
        where !removed.contains(name) {
            let path = URL(fileURLWithPath: directory + "/" + name)
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (text + "\n").write(to: path, atomically: true, encoding: .utf8)
        }
    }

    /// The diagnostics of a load that must fail.
    func errors() -> [Diagnostic] {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            _ = try ContentLoader.load(from: directory)
            return []
        } catch {
            return error.diagnostics
        }
    }

    func load() throws -> LoadedContent {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try ContentLoader.load(from: directory)
    }
}

extension Diagnostic {
    /// `file:line:column` with the fixture folder cut off, for short assertions.
    var place: String {
        "\(location.file.split(separator: "/").last!):\(location.line):\(location.column)"
    }
}
