import Foundation
import Glibc
import Testing
import UpgradeBase
import UpgradeContent
import UpgradeCore

/// Content a careless or malicious contributor could write: each case is a
/// clear error at its file, line and column, or is read as meant.
@Suite("Hostile and careless content")
struct HostileContentTests {
    /// The fixture's offers, to break one way per test.
    static let offers = ContentFixture.valid["offers.yaml"]!

    @Test("Two offer ids that differ only by case are an error, naming the first")
    func idsDifferingByCase() throws {
        let errors = try ContentFixture(replacing: [
            "offers.yaml": Self.offers + """

                  - id: Basic
                    name: Basic again
                    program: legacy
                    services: [mail]
                """
        ]).errors()
        let error = try #require(errors.first { $0.code == .duplicate && $0.names("Basic") })
        #expect(error.place == "offers.yaml:20:9")
        #expect(error.notes.first.map { "\($0.location.line)" } == "2")
    }

    @Test("A program's rules file that no program names is an error, not a file left unread")
    func unnamedRulesFile() throws {
        let errors = try ContentFixture(replacing: ["extra-rules.yaml": "rules: []\n"]).errors()
        #expect(
            errors.contains { $0.code == .fileName && $0.place.hasPrefix("extra-rules.yaml") && $0.names("extra-rules.yaml") })
    }

    @Test("A role's part in a program names a known program, says whether it may upgrade, and whom to hand over to")
    func roleInProgram() throws {
        let roles = """
            portalSteps: [Open the customer.]
            portalStepsSource: s
            roles:
              - id: agent
                name: Agent
                summary: Places orders.
                source: s
                canUpgrade: true
                programs:
                  - program: new-comerce
                    canUpgrade: true
                    source: s
                  - program: new-commerce
                    source: s
                    handOverTo: [agent]
                  - program: legacy
                    canUpgrade: false
                    source: s
            """
        let errors = try ContentFixture(replacing: ["roles.yaml": roles]).errors()
        #expect(errors.contains { $0.code == .unknownID && $0.names("new-comerce") && $0.place.hasPrefix("roles.yaml:10:") })
        #expect(errors.contains { $0.code == .missingKey && $0.names("canUpgrade") && $0.place.hasPrefix("roles.yaml:13:") })
        #expect(errors.contains { $0.code == .inconsistent && $0.place.hasPrefix("roles.yaml:15:") }, "to itself")
        #expect(errors.contains { $0.code == .missingKey && $0.names("handOverTo") && $0.place.hasPrefix("roles.yaml:16:") })
    }

    @Test("A role's part in the migration says whether it may migrate, whom to hand over to, and its source")
    func roleInMigration() throws {
        let roles = """
            portalSteps: [Open the customer.]
            portalStepsSource: s
            roles:
              - id: agent
                name: Agent
                summary: Places orders.
                source: s
                canUpgrade: true
                migration:
                  canMigrate: false
                  handOverTo: [agent, nobody]
              - id: other
                name: Other
                summary: Places orders.
                source: s
                canUpgrade: true
                migration:
                  source: s
            """
        let errors = try ContentFixture(replacing: ["roles.yaml": roles]).errors()
        #expect(errors.contains { $0.code == .missingKey && $0.names("source") && $0.place.hasPrefix("roles.yaml:10:") })
        #expect(errors.contains { $0.code == .inconsistent && $0.place.hasPrefix("roles.yaml:11:") }, "to itself")
        #expect(errors.contains { $0.code == .unknownID && $0.names("nobody") && $0.place.hasPrefix("roles.yaml:11:") })
        #expect(errors.contains { $0.code == .missingKey && $0.names("canMigrate") && $0.place.hasPrefix("roles.yaml:18:") })
        #expect(errors.contains { $0.code == .missingKey && $0.names("handOverTo") && $0.place.hasPrefix("roles.yaml:18:") })
    }

    @Test("An imported NCE mapping names known offers, each once, with whether the migration moves it")
    func importedMapping() throws {
        let mapping = """
            source: s
            mappings:
              - offer: basix
                equivalent: nce-basic
                migrationEnabled: true
              - offer: basic
                equivalent: nce-basic
              - offer: basic
                equivalent: nce-basic
                migrationEnabled: false
            """
        let errors = try ContentFixture(replacing: ["nce-mapping.yaml": mapping]).errors()
        #expect(errors.contains { $0.code == .unknownID && $0.names("basix") && $0.place.hasPrefix("nce-mapping.yaml:3:") })
        #expect(
            errors.contains {
                $0.code == .missingKey && $0.names("migrationEnabled") && $0.place.hasPrefix("nce-mapping.yaml:6:")
            })
        #expect(errors.contains { $0.code == .duplicate && $0.place.hasPrefix("nce-mapping.yaml:8:") })
    }

    @Test("An equivalent is a known offer of another program, with the source of the mapping")
    func equivalents() throws {
        let offers = Self.offers
            .replacingOccurrences(
                of: "    name: Basic\n    program: legacy\n",
                with: "    name: Basic\n    program: legacy\n    equivalent: standard\n    equivalentSource: s\n"
            )
            .replacingOccurrences(
                of: "    name: Standard\n    program: legacy\n",
                with: "    name: Standard\n    program: legacy\n    equivalent: nce-basix\n"
            )
            .replacingOccurrences(
                of: "    name: NCE Basic\n    program: new-commerce\n",
                with: "    name: NCE Basic\n    program: new-commerce\n    equivalentSource: s\n")
        #expect(offers != Self.offers)
        let errors = try ContentFixture(replacing: ["offers.yaml": offers]).errors()
        #expect(errors.contains { $0.code == .inconsistent && $0.names("standard") }, "the same program: \(errors)")
        #expect(errors.contains { $0.code == .unknownID && $0.names("nce-basix") }, "\(errors)")
        #expect(errors.contains { $0.code == .missingKey && $0.names("equivalentSource") && $0.place.hasPrefix("offers.yaml:") })
        #expect(errors.contains { $0.code == .missingKey && $0.names("equivalent") && $0.place.hasPrefix("offers.yaml:") })
    }

    @Test("An equivalent is an offer of the program the offer's program migrates to")
    func equivalentInTheRouteTarget() throws {
        let programs = """
            programs:
              - id: legacy
                name: legacy
                migration:
                  to: new-commerce
                  rules: migration-rules.yaml
              - id: new-commerce
                name: new commerce
              - id: other
                name: other
            """
        let offers =
            Self.offers.replacingOccurrences(
                of: "    name: Basic\n    program: legacy\n",
                with: "    name: Basic\n    program: legacy\n    equivalent: elsewhere\n    equivalentSource: s\n")
            + "\n  - id: elsewhere\n    name: Elsewhere\n    program: other\n    services: [mail]\n"
        let errors = try ContentFixture(replacing: [
            "programs.yaml": programs, "migration-rules.yaml": "rules: []\n", "offers.yaml": offers,
        ]).errors()
        #expect(
            errors.contains { $0.code == .inconsistent && $0.names("elsewhere") && $0.place.hasPrefix("offers.yaml:5:") },
            "\(errors)")
    }

    @Test("A program's migration names another known program and its rules, and cites Microsoft's own migration")
    func migrationRoutes() throws {
        let programs = """
            programs:
              - id: legacy
                name: legacy
                migration:
                  to: new-comerce
                  rules: migration-rules.yaml
                  microsoftLedFrom: 2024-01-01
              - id: new-commerce
                name: new commerce
                migration:
                  to: new-commerce
                  rules: nce-migration-rules.yaml
              - id: other
                name: other
                migration:
                  to: legacy
            """
        let rules = "rules: []\n"
        let errors = try ContentFixture(replacing: [
            "programs.yaml": programs, "migration-rules.yaml": rules, "nce-migration-rules.yaml": rules,
        ]).errors()
        #expect(errors.contains { $0.code == .unknownID && $0.names("new-comerce") && $0.place.hasPrefix("programs.yaml:5:") })
        #expect(
            errors.contains { $0.code == .missingKey && $0.names("microsoftLedSource") && $0.place.hasPrefix("programs.yaml:7:") }
        )
        #expect(errors.contains { $0.code == .inconsistent && $0.place.hasPrefix("programs.yaml:11:") }, "to itself: \(errors)")
        #expect(
            errors.contains { $0.code == .missingKey && $0.names("rules") && $0.place.hasPrefix("programs.yaml:16:") },
            "\(errors)")
    }

    @Test("A table decides an upgrade or a migration of a program with migration rules; an offer's mapping flag is yes or no")
    func migrationTablesAndFlags() throws {
        let table = { (decides: String, program: String) in
            """
            id: t-\(decides)
            \(program)decides: \(decides)
            title: T
            summary: S
            hitPolicy: R
            inputs:
              - {condition: status, label: Status}
            outputs:
              - {conclusion: reason, label: Reason}
            rows: []
            """
        }
        let offers = Self.offers.replacingOccurrences(
            of: "    name: Basic\n    program: legacy\n",
            with:
                "    name: Basic\n    program: legacy\n    equivalent: nce-basic\n    equivalentSource: s\n    migrationEnabled: maybe\n"
        )
        #expect(offers != Self.offers)
        let errors = try ContentFixture(replacing: [
            "tables/1-a.yaml": table("migrate", "program: legacy\n"), "tables/2-b.yaml": table("migration", ""),
            "tables/3-c.yaml": table("migration", "program: legacy\n"), "offers.yaml": offers,
        ]).errors()
        #expect(errors.contains { $0.code == .invalidValue && $0.names("migrate") && $0.place.hasPrefix("1-a.yaml:3:") })
        #expect(errors.contains { $0.code == .missingKey && $0.names("program") && $0.place.hasPrefix("2-b.yaml:2:") })
        #expect(
            errors.contains { $0.code == .unknownID && $0.names("legacy") && $0.place.hasPrefix("3-c.yaml:2:") },
            "legacy has no migration rules here: \(errors)")
        #expect(errors.contains { $0.place.hasPrefix("offers.yaml:") && $0.names("migrationEnabled") }, "\(errors)")
    }

    @Test("An offer whose name is another offer's id is an error")
    func nameIsAnotherID() throws {
        let errors = try ContentFixture(replacing: [
            "offers.yaml": Self.offers.replacingOccurrences(
                of: "name: NCE Basic", with: "name: Standard India\n      # padding\n    "
            )
            .replacingOccurrences(of: "name: Standard India", with: "name: basic-india")
        ]).errors()
        #expect(errors.contains { $0.code == .duplicate && $0.names("basic-india") })
    }

    @Test("Control characters in a name are an error at the character")
    func controlCharacters() throws {
        // C0 and C1 controls are already malformed YAML; bidirectional controls are YAML, and names refuse them.
        for (character, code, expected) in [
            ("\u{1B}[32m", "ESC", DiagnosticCode.yamlSyntax), ("\u{7}", "BEL", .yamlSyntax), ("\u{9B}", "CSI", .yamlSyntax),
            ("\u{202E}", "U+202E", .invalidValue), ("\u{2066}", "U+2066", .invalidValue), ("\u{200F}", "U+200F", .invalidValue),
        ] {
            let errors = try ContentFixture(replacing: [
                "offers.yaml": Self.offers.replacingOccurrences(
                    of: "name: Standard", with: "name: Stan\(character)dard")
            ]).errors()
            #expect(errors.map(\.place) == ["offers.yaml:7:15"], "\(code)")
            #expect(errors.first?.code == expected, "\(code)")
        }
    }

    @Test("Windows line endings read the same as Unix ones, in YAML and in prose pages")
    func windowsLineEndings() throws {
        let fixture = try ContentFixture()
        for file in ["offers.yaml", "paths.yaml"] {
            let path = fixture.directory + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: fixture.directory + "/pages", withIntermediateDirectories: true)
        try "---\r\ntitle: Guide\r\n---\r\n# Hello\r\n\r\nText.\r\n"
            .write(toFile: fixture.directory + "/pages/guide.md", atomically: true, encoding: .utf8)
        let content = try fixture.load()
        #expect(content.catalog.offers.count == 4)
        #expect(content.pages.first?.title == "Guide")
        #expect(content.pages.first?.body == "# Hello\n\nText.\n")
    }

    @Test("Files that look like content but would not be read are errors, not silently ignored")
    func lookAlikeFiles() throws {
        let fixture = try ContentFixture()
        try "offers: []".write(toFile: fixture.directory + "/extra.yml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: fixture.directory + "/pages/more", withIntermediateDirectories: true)
        try "---\ntitle: A\n---\n".write(toFile: fixture.directory + "/pages/guide.markdown", atomically: true, encoding: .utf8)
        let places = fixture.errors().filter { $0.code == .fileName }.map(\.place)
        #expect(places == ["extra.yml:1:1", "guide.markdown:1:1", "more:1:1"])
    }

    @Test("A misspelt model file and a page with an upper-case extension are errors naming them, with the name meant")
    func misspeltFilesAreNamed() throws {
        let fixture = try ContentFixture()
        try "offers: []".write(toFile: fixture.directory + "/ofers.yaml", atomically: true, encoding: .utf8)
        try "offers: []".write(toFile: fixture.directory + "/Offers.YAML", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: fixture.directory + "/pages", withIntermediateDirectories: true)
        try "---\ntitle: A\n---\n".write(toFile: fixture.directory + "/pages/escalation.MD", atomically: true, encoding: .utf8)
        let found = fixture.errors().filter { $0.code == .fileName }
        #expect(found.map(\.place).sorted() == ["Offers.YAML:1:1", "escalation.MD:1:1", "ofers.yaml:1:1"])
        #expect(found.first { $0.place == "ofers.yaml:1:1" }?.names("ofers.yaml", "offers.yaml") == true)
    }

    @Test("A pipe where a page or a model file should be is named and never opened, so a load cannot hang")
    func pipesAreNotOpened() throws {
        let fixture = try ContentFixture()
        try FileManager.default.createDirectory(atPath: fixture.directory + "/pages", withIntermediateDirectories: true)
        try FileManager.default.removeItem(atPath: fixture.directory + "/roles.yaml")
        #expect(mkfifo(fixture.directory + "/roles.yaml", 0o644) == 0)
        #expect(mkfifo(fixture.directory + "/pages/stuck.md", 0o644) == 0)
        let errors = fixture.errors()
        // Nothing else: the roles a pipe would have held are not reported as missing where they are named.
        #expect(errors.map(\.place).sorted() == ["roles.yaml:1:1", "stuck.md:1:1"])
        #expect(errors.allSatisfy { $0.code == .unreadable })
    }

    @Test("A page and a model file saved with a UTF-8 byte-order mark read as without it")
    func byteOrderMarkIsAccepted() throws {
        let fixture = try ContentFixture()
        try FileManager.default.createDirectory(atPath: fixture.directory + "/pages", withIntermediateDirectories: true)
        try "\u{FEFF}---\ntitle: Escalation\n---\n\nAsk a Global admin.\n".write(
            toFile: fixture.directory + "/pages/escalation.md", atomically: true, encoding: .utf8)
        let site = fixture.directory + "/site.yaml"
        try ("\u{FEFF}" + (try String(contentsOfFile: site, encoding: .utf8))).write(
            toFile: site, atomically: true, encoding: .utf8)
        let loaded = try fixture.load()
        #expect(loaded.pages.map(\.title) == ["Escalation"])
        #expect(loaded.settings.title == "Fixture")
    }

    @Test("An explicit YAML tag no reader honours (!!binary, !!set, a local tag) is an error at its place")
    func explicitTagsAreRefused() throws {
        let errors = try ContentFixture(replacing: [
            "offers.yaml": Self.offers
                .replacingOccurrences(of: "name: Standard\n", with: "name: !!binary U3RhbmRhcmQ=\n")
                .replacingOccurrences(
                    of: "services: [mail]\n  - id: standard", with: "services: !custom [mail]\n  - id: standard")
        ]).errors()
        #expect(errors.map(\.place) == ["offers.yaml:5:15", "offers.yaml:7:11"], "\(errors)")
        #expect(errors.allSatisfy { $0.code == .yamlSyntax })
        #expect(errors.first?.names("!custom") == true && errors.last?.names("!!binary") == true)
        // The core schema's own tags say what a plain value would: they are read as written.
        let plain = try ContentFixture(replacing: [
            "offers.yaml": Self.offers.replacingOccurrences(of: "name: Standard\n", with: "name: !!str Standard\n")
        ]).errors()
        #expect(plain.isEmpty, "\(plain)")
    }

    @Test("An alias that reads exactly as another offer's name, by a letter of another script, is an error")
    func confusableAliasIsRefused() throws {
        // U+0405 CYRILLIC CAPITAL LETTER DZE reads as S.
        let errors = try ContentFixture(replacing: [
            "offers.yaml": Self.offers.replacingOccurrences(
                of: "    name: Basic\n", with: "    name: Basic\n    aliases: [\"\u{405}tandard\"]\n")
        ]).errors()
        #expect(errors.map(\.place) == ["offers.yaml:4:15"], "\(errors)")
        #expect(errors.first?.code == .duplicate && errors.first?.names("standard", "standard") == true, "\(errors)")
        #expect(errors.first?.message.contains("(U+0405) is a letter of another script that reads as 's'") == true)
        // Names in other scripts that read as nothing else stay legal: Cyrillic, Arabic, Japanese, an emoji sequence.
        let legal = try ContentFixture(replacing: [
            "offers.yaml": Self.offers.replacingOccurrences(
                of: "    name: Basic\n",
                with: "    name: Basic\n    aliases: [\"Стандарт\", \"خطة الأعمال\", \"ベーシック\", \"Basic 👩‍💻\"]\n")
        ]).errors()
        #expect(legal.isEmpty, "\(legal)")
    }

    @Test("A link in content that leads outside it is refused")
    func linkOutside() throws {
        let fixture = try ContentFixture()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try "---\ntitle: Secret\n---\nsecret\n".write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: fixture.directory + "/pages", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.directory + "/pages/secret.md", withDestinationPath: outside)
        let errors = fixture.errors()
        #expect(errors.map(\.place) == ["secret.md:1:1"])
        #expect(errors.first?.code == .linkedOutside)
    }

    @Test("A file that cannot be parsed is reported alone, without the errors that only follow from it")
    func rootCauseFirst() throws {
        let errors = try ContentFixture(replacing: [
            "offers.yaml": """
            offers:
              - id: basic
                name: Basic
               program: legacy
            """
        ]).errors()
        #expect(errors.count == 1)
        #expect(errors.first?.place.hasPrefix("offers.yaml:") == true)
        #expect(errors.first?.code == .yamlSyntax)
    }

    @Test("A variantOf loop is reported once, as a variantOf loop")
    func variantOfLoop() throws {
        let errors = try ContentFixture(replacing: [
            "offers.yaml": """
            offers:
              - {id: a, name: A, program: legacy, region: india, variantOf: b}
              - {id: b, name: B, program: legacy, region: india, variantOf: a}
            """, "paths.yaml": "paths: []", "examples.yaml": "examples: []",
        ]).errors()
        // The loop is named by its chain of ids; each offer is also told its variantOf is regional.
        let loops = errors.filter { $0.code == .inconsistent && $0.message.contains(" → ") }
        #expect(loops.count == 1 && loops.first?.names("variantOf") == true)
        #expect(loops.first?.message.hasSuffix("a → b → a") == true, "the loop, as the ids go round it")
    }

    @Test("An id that cannot name a file is an error at its place")
    func unusableIDs() throws {
        let long = String(repeating: "x", count: 300)
        let errors = try ContentFixture(replacing: [
            "roles.yaml": """
            portalSteps: [Open the customer.]
            roles:
              - {id: \(long), name: Long, summary: s, source: s, canUpgrade: true}
              - {id: con, name: Con, summary: s, source: s, canUpgrade: true}
            portalStepsSource: s
            """
        ]).errors()
        #expect(errors.map(\.place) == ["roles.yaml:3:10", "roles.yaml:4:10"])
        #expect(errors.map(\.code) == [.invalidID, .invalidID])
    }
}

@Suite("Aliases")
struct AliasTests {
    @Test("An alias that is another offer's id, name or alias is an error at the alias")
    func collidingAlias() throws {
        let errors = try ContentFixture(replacing: [
            "offers.yaml": HostileContentTests.offers.replacingOccurrences(
                of: "    name: Standard\n", with: "    name: Standard\n    aliases: [Plain, basic]\n")
        ]).errors()
        #expect(errors.map(\.place) == ["offers.yaml:8:22"])
        #expect(errors.first?.code == .duplicate && errors.first?.names("basic", "basic") == true)
    }

    @Test("Offers are found by alias, in any case")
    func lookUpByAlias() throws {
        let content = try ContentFixture(replacing: [
            "offers.yaml": HostileContentTests.offers.replacingOccurrences(
                of: "    name: Standard\n", with: "    name: Standard\n    aliases: [\"Std Plan\"]\n")
        ]).load()
        #expect(content.catalog.lookUpOffer("std   PLAN")?.id == "standard")
        #expect(content.catalog.closestOfferID(to: "Std Plam") == "standard")
    }
}
