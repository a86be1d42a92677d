import UpgradeBase
import Testing
import UpgradeContent
import UpgradeCore
import TestSupport

@Suite("Loading content reports every problem at its file, line and column")
struct LoaderTests {
    @Test("The fixture itself loads cleanly, so each broken variant fails for its own reason")
    func validFixtureLoads() throws {
        let content = try ContentFixture().load()
        #expect(content.catalog.offers.count == 4)
        #expect(content.catalog.offer("standard")?.services == ["apps", "mail"])
        #expect(content.catalog.offer("basic-india")?.services == ["mail"])
    }

    @Test("Malformed YAML points at the offending place")
    func malformedYAML() throws {
        let errors = try ContentFixture(replacing: [
            "paths.yaml": """
            paths:
              - from: basic
                to: [standard
            """
        ]).errors()
        #expect(errors.count == 1)
        #expect(errors.first?.place.hasPrefix("paths.yaml:") == true)
        #expect(errors.first?.code == .yamlSyntax)
    }

    @Test("A missing required field is reported at the mapping that lacks it")
    func missingField() throws {
        let errors = try ContentFixture(replacing: [
            "offers.yaml": """
            offers:
              - id: basic
                program: legacy
                services: [mail]
              - id: standard
                name: Standard
                program: legacy
            """
        ]).errors()
        #expect(errors.map(\.place).contains("offers.yaml:2:5"))
        #expect(errors.contains { $0.code == .missingKey && $0.message.hasSuffix("'name'") })
    }

    @Test("Duplicate ids: the second declaration is reported, naming the first")
    func duplicateIDs() throws {
        let errors = try ContentFixture(replacing: [
            "offers.yaml": """
            offers:
              - {id: basic, name: Basic, program: legacy, services: [mail]}
              - {id: standard, name: Standard, program: legacy, services: [apps]}
              - {id: basic, name: Basic again, program: legacy, services: [mail]}
            """
        ]).errors()
        let duplicate = errors.first { $0.message.hasPrefix("duplicate offer id 'basic'") }
        #expect(duplicate?.place == "offers.yaml:4:10")
        #expect(duplicate?.notes.map { "\($0.location)" }.first?.hasSuffix("offers.yaml:2:10") == true)
    }

    @Test("A path group without its source is an error where the group starts")
    func pathWithoutSource() throws {
        let errors = try ContentFixture(replacing: [
            "paths.yaml": """
            paths:
              - from: basic
                to: [standard]
            """
        ]).errors()
        #expect(errors.map(\.place) == ["paths.yaml:2:5"])
        #expect(errors.first?.code == .missingKey && errors.first?.names("source") == true)
    }

    @Test("A path naming an unknown offer is reported with the closest id")
    func unknownOfferInPath() throws {
        let errors = try ContentFixture(replacing: [
            "paths.yaml": """
            paths:
              - from: basic
                to: [standrd]
                source: s
            """
        ]).errors()
        #expect(errors.map(\.place) == ["paths.yaml:3:10"])
        #expect(errors.first?.code == .unknownID && errors.first?.names("standrd", "standard") == true)
    }

    @Test("A path from an offer to itself is rejected")
    func selfPath() throws {
        let errors = try ContentFixture(replacing: [
            "paths.yaml": """
            paths:
              - from: basic
                to:
                  - standard
                  - basic
                source: s
            """
        ]).errors()
        #expect(errors.map(\.place) == ["paths.yaml:5:9"])
        #expect(errors.first?.code == .inconsistent)
    }

    @Test("A path between programs is rejected")
    func crossProgramPath() throws {
        let errors = try ContentFixture(replacing: [
            "paths.yaml": """
            paths:
              - from: basic
                to: [standard, nce-basic]
                source: s
            """
        ]).errors()
        #expect(errors.map(\.place) == ["paths.yaml:3:20"])
        #expect(errors.first?.code == .inconsistent)
    }

    @Test("A holding naming an unknown offer, an unknown status and a bad date are all reported in one run")
    func examplesWithSeveralProblems() throws {
        let errors = try ContentFixture(replacing: [
            "examples.yaml": """
            examples:
              - id: broken
                title: Broken
                from: basic
                to: standard
                status: paused
                holds: [premium@other, basic@elsewhere]
                asOf: 2021-02-30
                expect: eligible
            """
        ]).errors()
        #expect(
            errors.map(\.place) == [
                "examples.yaml:6:13", "examples.yaml:7:13", "examples.yaml:7:28",
                "examples.yaml:8:11",
            ])
        #expect(errors.map(\.code) == [.unknownID, .unknownID, .unknownID, .invalidValue])
        #expect(errors[0].names("paused") && errors[1].names("premium"))
    }

    @Test("An unknown region, program and service on an offer are each reported")
    func unknownReferencesOnOffers() throws {
        let errors = try ContentFixture(replacing: [
            "offers.yaml": """
            offers:
              - {id: basic, name: Basic, program: legacy, services: [mail]}
              - {id: standard, name: Standard, program: legacy, extends: basic, services: [apps]}
              - {id: basic-india, name: Basic India, program: legacy, region: indai, variantOf: basic}
              - {id: nce-basic, name: NCE Basic, program: nce, services: [mial]}
            """
        ]).errors()
        #expect(errors.map(\.place) == ["offers.yaml:4:67", "offers.yaml:5:47", "offers.yaml:5:63"])
        #expect(errors.map(\.code) == [.unknownID, .unknownID, .unknownID])
        #expect(errors[0].names("indai", "india") && errors[1].names("nce") && errors[2].names("mial", "mail"))
    }

    @Test("A bad as-of date in the site settings is reported")
    func badSiteDate() throws {
        let errors = try ContentFixture(replacing: ["site.yaml": "title: Fixture\nasOf: 1 March 2022"]).errors()
        #expect(errors.map(\.place) == ["site.yaml:2:7"])
    }

    @Test("Unknown keys are errors with a suggestion, so a typo never drops data silently")
    func unknownKey() throws {
        let errors = try ContentFixture(replacing: [
            "services.yaml": """
            services:
              - {id: mail, name: Mail}
              - {id: apps, nmae: Desktop apps}
            """
        ]).errors()
        #expect(errors.contains { $0.code == .unknownKey && $0.names("nmae", "name") })
        #expect(errors.map(\.place) == ["services.yaml:3:5", "services.yaml:3:16"])
    }

    @Test("Duplicate keys in one mapping are reported, not silently merged")
    func duplicateKeys() throws {
        let errors = try ContentFixture(replacing: ["site.yaml": "title: A\nasOf: 2024-01-01\ntitle: B"]).errors()
        #expect(errors.count == 1)
        #expect(errors.first?.code == .yamlSyntax && errors.first?.names("title") == true)
        #expect(errors.first?.place.hasPrefix("site.yaml:") == true)
    }

    @Test("A missing file is named, and problems in other files are still found")
    func missingFileAndOthers() throws {
        let errors = try ContentFixture(
            replacing: ["site.yaml": "title: Fixture\nasOf: tomorrow"],
            removing: ["rules.yaml"]
        ).errors()
        #expect(errors.contains { $0.location.file.hasSuffix("rules.yaml") && $0.code == .unreadable })
        #expect(errors.map(\.place).contains("site.yaml:2:7"))
    }

    @Test("A content folder that does not exist is one error, not one for each file")
    func missingFolder() {
        do {
            _ = try ContentLoader.load(from: "/nonexistent/upgradedocs-content")
            Issue.record("a missing folder must not load")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics.first?.message.hasPrefix("no content folder here") == true)
        }
    }

    @Test("A rule's remedies are checked where they stand: each condition a fact, each text a message")
    func remedyDefinitions() throws {
        let errors = try ContentFixture(replacing: [
            "rules.yaml": """
            rules:
              - id: R1
                code: path-not-supported
                title: t
                remedy: r
                source: s
                when: {listed-path: "no"}
                message: "Not listed."
                remedies:
                  - when: {from.hasUpgrade: "no"}
                    text: "None from {{from.name}}."
                  - when: {status: suspended}
                    text: "{{#status}}Suspended."
                  - text: "Pick another {{to.nmae}}."
            """
        ]).errors().filter { $0.place.hasPrefix("rules.yaml") }
        #expect(errors.map(\.place) == ["rules.yaml:10:16", "rules.yaml:13:15", "rules.yaml:14:15"])
        #expect(errors.map(\.code) == [.unknownID, .message, .message])
        #expect(errors[0].names("from.hasUpgrade") && errors[2].names("nmae"))
    }

    @Test("A rule's conditions, code and message are checked where they stand, all in one run")
    func ruleDefinitions() throws {
        let errors = try ContentFixture(replacing: [
            "rules.yaml": """
            rules:
              - {id: R1, code: path-not-supported, title: t, remedy: r, source: s,
                 when: {listed-pat: "no"}, message: "{{from.name}} is not listed."}
              - {id: R2, code: Region_Mismatch, title: t, remedy: r, source: s,
                 when: {regional-variant-path: "yes"}, message: "Use {{counterpart.nmae}}."}
              - {id: R3, code: path-not-supported, title: t, remedy: r, source: s,
                 when: {status: inactive}, message: "It is {{#status}}."}
              - {id: R4, code: already-owns-target, title: t, remedy: r, source: s,
                 when: {verdict: blocked}, message: "Has {{to.name}}."}
              - {id: R5, code: owns-included-services, title: t, remedy: r, source: s,
                 when: {}, message: "Has it."}
            """
        ]).errors()
        #expect(
            errors.map(\.place) == [
                "rules.yaml:3:13", "rules.yaml:4:20", "rules.yaml:5:53", "rules.yaml:6:20",
                "rules.yaml:7:41", "rules.yaml:9:13", "rules.yaml:11:12",
            ])
        #expect(
            errors.map(\.code) == [
                .unknownKey, .invalidID, .message, .duplicate, .message, .unknownKey, .inconsistent,
            ])
        #expect(errors[0].names("listed-pat", "listed-path") && errors[1].names("Region_Mismatch"))
        #expect(errors[2].names("nmae", "name") && errors[3].names("path-not-supported"))
        #expect(errors[5].names("verdict"))
    }

    @Test("Every diagnostic prints as path:line:column: error: message")
    func diagnosticForm() throws {
        let errors = try ContentFixture(replacing: ["paths.yaml": "paths:\n  - from: basic\n    to: [nope]\n    source: s"])
            .errors()
        let text = errors.first?.description ?? ""
        #expect(text.hasSuffix("/paths.yaml:3:10: error: unknown offer 'nope' [content.unknown-id]"))
    }
}

@Suite("Diagnostics")
struct DiagnosticsTests {
    @Test("docs/DIAGNOSTICS.md lists every diagnostic code, each once, with its meaning")
    func everyCodeIsDocumented() throws {
        let page = try String(contentsOfFile: Repository.path("docs/DIAGNOSTICS.md"), encoding: .utf8)
        let rows = page.split(separator: "\n").filter { $0.hasPrefix("| `") }
        let documented = rows.map { $0.split(separator: "`")[1] }.map(String.init)
        #expect(documented == DiagnosticCode.all.map(\.rawValue))
        for code in DiagnosticCode.all {
            #expect(rows.contains("| `\(code)` | \(code.summary) |"), "\(code)")
        }
        #expect(Set(documented).count == documented.count)
    }

    @Test("A diagnostic prints its notes on lines of their own, in the form editors annotate")
    func notesPrintOnTheirOwnLines() {
        let diagnostic = Diagnostic(
            .error, .duplicate, "duplicate offer id 'basic'", at: SourceLocation(file: "offers.yaml", line: 4, column: 10),
            notes: [
                Diagnostic.Note(
                    "'basic' is first declared here",
                    at: SourceLocation(file: "offers.yaml", line: 2, column: 10))
            ])
        #expect(
            diagnostic.description == """
                offers.yaml:4:10: error: duplicate offer id 'basic' [content.duplicate]
                offers.yaml:2:10: note: 'basic' is first declared here
                """)
    }

    @Test("Problems come out sorted by place, in the order found at one place, and only errors throw")
    func sortedAndThrowing() throws {
        let diagnostics = Diagnostics()
        diagnostics.warning(.unknownKey, "later", at: SourceLocation(file: "b.yaml"))
        diagnostics.warning(.unknownKey, "second", at: SourceLocation(file: "a.yaml"))
        diagnostics.warning(.unknownKey, "third", at: SourceLocation(file: "a.yaml"))
        #expect(diagnostics.sorted.map(\.message) == ["second", "third", "later"])
        try diagnostics.throwIfErrors()
        diagnostics.error(.unknownKey, "bad", at: SourceLocation(file: "a.yaml", line: 9))
        #expect(throws: DiagnosticError.self) { try diagnostics.throwIfErrors() }
    }

    @Test("A cited source's address must be a web address, and is reported where it stands")
    func sourceAddress() throws {
        let errors = try ContentFixture(replacing: [
            "site.yaml": """
            title: Fixture
            asOf: 2024-01-01
            sources:
              - title: s
                url: javascript:alert(1)
            """
        ]).errors()
        #expect(errors.map(\.place) == ["site.yaml:5:10"])
        #expect(errors.first?.code == .invalidValue && errors.first?.names("javascript:alert(1)") == true)
    }

    @Test("A citation that starts with no source title of site.yaml is an error where it stands")
    func citationNamesNoSource() throws {
        let errors = try ContentFixture(replacing: [
            "interpretations.yaml": """
            interpretations:
              - id: any-overlap
                title: Overlap
                question: q
                source: Nowhere, section 2
                decision: d
                rationale: r
                affects: [R5]
            """
        ]).errors()
        #expect(errors.map(\.place) == ["interpretations.yaml:5:13"])
        #expect(errors.first?.code == .unknownID && errors.first?.names("Nowhere, section 2") == true)
    }

    @Test("A role, an interpretation and the portal steps without a source are each an error")
    func factsWithoutSource() throws {
        let errors = try ContentFixture(replacing: [
            "roles.yaml": """
            portalSteps: [Open the customer.]
            roles:
              - {id: agent, name: Agent, summary: Places orders., canUpgrade: true}
            """,
            "interpretations.yaml": """
            interpretations:
              - {id: any-overlap, title: Overlap, question: q, decision: d, rationale: r, affects: [R5]}
            """,
        ]).errors()
        #expect(errors.map(\.place) == ["interpretations.yaml:2:5", "roles.yaml:1:1", "roles.yaml:3:5"])
        #expect(errors.allSatisfy { $0.code == .missingKey })
        #expect(errors.map { $0.names("source") || $0.names("portalStepsSource") } == [true, true, true])
    }
}
