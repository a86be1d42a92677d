import Foundation
import TestSupport
import Testing

/// `diff` tells a reviewer what a content change does: each test makes one change
/// by hand and asserts the exact entries of the JSON the contract gives.
@Suite("diff reviews a model change by its effect", .serialized)
struct DiffCommandTests {
    typealias Object = [String: Any]

    /// Runs `diff --format json` of an edited copy of content/ against content/.
    private func diff(_ edits: [String: (String) -> String], _ extra: [String] = []) throws -> (Object, CLIRunner.Result) {
        let head = try Scratch.copy(of: CLIRunner.repository + "/content", editing: edits)
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: head).deletingLastPathComponent().path) }
        let result = try CLIRunner.run(["diff", "--base", "content", "--content", head, "--format", "json"] + extra)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? Object ?? [:]
        return (object, result)
    }

    private func entries(_ object: Object, _ key: String) -> [Object] { object[key] as? [Object] ?? [] }

    private func outcome(_ verdict: String, _ reasons: [String]) -> Object { ["verdict": verdict, "reasons": reasons] }

    private func same(_ a: Any, _ b: Any) -> Bool { NSDictionary(dictionary: ["v": a]).isEqual(to: ["v": b]) }

    @Test("A lower seat limit changes new-commerce answers the matrix never shows, each with its seats")
    func seatLimitLowered() throws {
        let (json, result) = try diff(
            ["offers.yaml": { $0.replacingOccurrences(of: "    maxSeats: 300\n", with: "    maxSeats: 200\n") }],
            ["--exit-code"])
        #expect(result.status == 1, "--exit-code: a decision changes; \(result.stderr)")
        #expect(entries(json, "cells").isEmpty)
        #expect(
            entries(json, "model").contains {
                same(
                    $0,
                    [
                        "kind": "offer-sale", "id": "nce-m365-business-premium", "change": "changed",
                        "detail": "seat limit: “300” → “200”",
                    ])
            }, "\(entries(json, "model"))")
        let wanted: Object = [
            "from": "nce-m365-business-standard", "to": "nce-m365-business-premium",
            "request": [
                "status": "active", "holds": [Any](), "asOf": "2026-11-25",
                "commitment": [
                    "term": "P1Y", "billing": "monthly", "toTerm": "P1Y", "toBilling": "monthly", "seats": 201, "of": 201,
                ],
            ],
            "before": outcome("eligible", []), "after": outcome("blocked", ["target-seat-limit"]),
        ]
        #expect(entries(json, "decisions").contains { same($0, wanted) }, "\(entries(json, "decisions").prefix(3))")
    }

    @Test("A mapping that no longer enables migration changes the migration, asked with --migrate")
    func migrationDisabled() throws {
        let mapped = "    equivalent: nce-m365-business-premium\n"
        let (json, result) = try diff(
            ["offers.yaml": { $0.replacingOccurrences(of: mapped, with: mapped + "    migrationEnabled: false\n") }],
            ["--exit-code"])
        #expect(result.status == 1, "--exit-code: a decision changes; \(result.stderr)")
        #expect(entries(json, "cells").isEmpty, "no matrix cell is a migration")
        #expect(
            entries(json, "model").contains {
                same(
                    $0,
                    [
                        "kind": "offer-equivalent", "id": "m365-business-premium", "change": "changed",
                        "detail": "migrated by: “the tools” → “hand”",
                    ])
            }, "\(entries(json, "model"))")
        let wanted: Object = [
            "from": "m365-business-premium", "to": "nce-m365-business-premium",
            "request": ["status": "active", "holds": [Any](), "asOf": "2026-11-25", "migrate": true],
            "before": outcome("eligible", []), "after": outcome("blocked", ["migration-not-enabled"]),
        ]
        #expect(entries(json, "decisions").contains { same($0, wanted) }, "\(entries(json, "decisions"))")
    }

    @Test("A service removed from an offer changes UPG-5 for real customers, though no matrix cell shows it")
    func serviceRemoved() throws {
        let (json, result) = try diff(
            [
                "offers.yaml": {
                    $0.replacingOccurrences(
                        of: "services: [office-desktop, office-enterprise-features, onedrive]",
                        with: "services: [office-enterprise-features]")
                }
            ], ["--exit-code"])
        #expect(result.status == 1, "--exit-code: a decision changes")
        #expect(entries(json, "cells").isEmpty)
        #expect(
            same(
                entries(json, "model"),
                [
                    [
                        "kind": "offer-services", "id": "m365-apps-enterprise", "change": "changed",
                        "detail": "services: removed desktop Office apps (Word, Excel, PowerPoint, Outlook, OneNote), OneDrive",
                    ]
                ]))
        let decisions = entries(json, "decisions")
        #expect(
            decisions.contains {
                same(
                    $0,
                    [
                        "from": "m365-business-basic", "to": "m365-business-standard",
                        "request": [
                            "status": "active", "holds": [["offer": "m365-apps-enterprise", "channel": "partner"]],
                            "asOf": "2026-11-25",
                        ],
                        "before": outcome("blocked", ["owns-included-services"]), "after": outcome("eligible", []),
                    ])
            })
        // 28 within legacy; the rest ask from a legacy source for a new-commerce target that adds the service.
        #expect(decisions.count == 39)
        for decision in decisions {
            let before = (decision["before"] as? Object)?["reasons"] as? [String] ?? []
            let after = (decision["after"] as? Object)?["reasons"] as? [String] ?? []
            #expect(Set(before).symmetricDifference(after) == ["owns-included-services"], "only UPG-5 flips")
        }
        #expect(entries(json, "pages").contains { same($0, ["path": "offers/m365-apps-enterprise.html", "change": "changed"]) })
    }

    @Test("A path added makes a matrix cell eligible")
    func pathAdded() throws {
        let (json, result) = try diff([
            "paths.yaml": {
                $0.replacingOccurrences(of: "to: [o365-e3, o365-e5]", with: "to: [o365-e3, o365-e5, m365-business-premium]")
            }
        ])
        #expect(result.status == 0, "without --exit-code a change is not a failure")
        let cell: Object = [
            "program": "legacy", "from": "m365-business-standard", "to": "m365-business-premium",
            "before": outcome("blocked", ["path-not-supported"]), "after": outcome("eligible", []),
        ]
        #expect(same(entries(json, "cells"), [cell]))
        #expect(
            same(
                entries(json, "decisions").first ?? [:],
                [
                    "from": "m365-business-standard", "to": "m365-business-premium",
                    "request": ["status": "active", "holds": [Object](), "asOf": "2026-11-25"],
                    "before": outcome("blocked", ["path-not-supported"]), "after": outcome("eligible", []),
                ]))
        #expect(
            same(
                entries(json, "model"),
                [
                    [
                        "kind": "path", "id": "m365-business-standard -> m365-business-premium", "change": "added",
                        "detail": "Microsoft 365 Business Standard → Microsoft 365 Business Premium",
                    ]
                ]))
        #expect(entries(json, "pages").contains { same($0, ["path": "matrix/legacy.html", "change": "changed"]) })
    }

    @Test("An offer renamed changes no decision, one model entry, and the pages that name it")
    func offerRenamed() throws {
        let (json, _) = try diff([
            "offers.yaml": {
                $0.replacingOccurrences(
                    of: "name: Office 365 Enterprise E1\n", with: "name: Office 365 Enterprise E1 (renamed)\n")
            }
        ])
        #expect(entries(json, "decisions").isEmpty && entries(json, "cells").isEmpty)
        #expect(
            same(
                entries(json, "model"),
                [
                    [
                        "kind": "offer", "id": "o365-e1", "change": "changed",
                        "detail": "name: “Office 365 Enterprise E1” → “Office 365 Enterprise E1 (renamed)”",
                    ]
                ]))
        #expect(entries(json, "pages").contains { same($0, ["path": "offers/o365-e1.html", "change": "changed"]) })
    }

    @Test("A rule's remedy reworded is a model change and no decision change")
    func remedyReworded() throws {
        let (json, result) = try diff(
            [
                "rules.yaml": {
                    $0.replacingOccurrences(
                        of: "service, or choose a target that does not add it.",
                        with: "service, or pick a target that does not add it.")
                }
            ], ["--exit-code"])
        #expect(result.status == 0, "--exit-code: no decision changes")
        #expect(entries(json, "decisions").isEmpty && entries(json, "cells").isEmpty)
        let model = entries(json, "model")
        #expect(
            same(
                model,
                [
                    [
                        "kind": "rule", "id": "UPG-5", "change": "changed",
                        "detail":
                            "remedy reworded: “…the service, or choose a target that…” → “…the service, or pick a target that…”",
                    ]
                ]))
    }

    @Test("No change: every list is empty, and --exit-code exits 0")
    func noChange() throws {
        let result = try CLIRunner.run(["diff", "--base", "content", "--format", "json", "--exit-code"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                {
                  "base": "content",
                  "head": "content",
                  "cells": [],
                  "decisions": [],
                  "model": [],
                  "pages": []
                }

                """)
        let text = try CLIRunner.run(["diff", "--base", "content"])
        #expect(text.stdout.contains("No change: both models decide every request alike"))
    }

    @Test("In a repository that holds only content/, --base HEAD reads a git revision and build makes the standard site")
    func gitRevision() throws {
        let repository = Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: repository) }
        // No templates/: the binary's own are used.
        try FileManager.default.copyItem(atPath: CLIRunner.repository + "/content", toPath: repository + "/content")
        for command in [
            ["init", "-q"], ["add", "."],
            ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "seed"],
        ] {
            #expect(try Self.git(command, in: repository) == 0)
        }
        let unchanged = try CLIRunner.run(["diff", "--base", "HEAD", "--format", "json", "--exit-code"], in: repository)
        #expect(unchanged.status == 0 && unchanged.stdout.contains("\"decisions\": []"))
        let paths = repository + "/content/paths.yaml"
        try (try String(contentsOfFile: paths, encoding: .utf8))
            .replacingOccurrences(of: "to: [o365-e3, o365-e5]", with: "to: [o365-e3]")
            .write(toFile: paths, atomically: true, encoding: .utf8)
        let changed = try CLIRunner.run(["diff", "--base", "HEAD", "--exit-code"], in: repository)
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("upgradedocs diff: HEAD → content"))
        #expect(changed.stdout.contains("removed path m365-business-standard -> o365-e5"))
        #expect(
            changed.stdout.contains(
                "Microsoft 365 Business Standard → Office 365 Enterprise E5: eligible → blocked (path-not-supported)"))
        let status = Process()
        status.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        status.arguments = ["git", "-C", repository, "status", "--porcelain"]
        let pipe = Pipe()
        status.standardOutput = pipe
        try status.run()
        status.waitUntilExit()
        #expect(
            String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == " M content/paths.yaml\n",
            "only the user's own edit; nothing else written into the repository")
        let unknown = try CLIRunner.run(["diff", "--base", "no-such-branch"], in: repository)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("'no-such-branch' is neither a folder nor a git revision"))
        // Back to the committed model, which builds: the standard site, from the binary's templates.
        #expect(try Self.git(["checkout", "-q", "--", "content"], in: repository) == 0)
        let built = try CLIRunner.run(["build"], in: repository)
        #expect(built.status == 0, "\(built.stderr)")
        let verified = try CLIRunner.run(["verify"], in: repository)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(
            try String(contentsOfFile: repository + "/site/assets/site.css", encoding: .utf8)
                == String(contentsOfFile: CLIRunner.repository + "/templates/assets/site.css", encoding: .utf8))
    }

    @Test("--format markdown: the summary first, each list folded, names escaped")
    func markdownForAPullRequest() throws {
        let head = try Scratch.copy(
            of: CLIRunner.repository + "/content",
            editing: [
                "offers.yaml": {
                    $0.replacingOccurrences(of: "name: Office 365 Enterprise E1\n", with: "name: \"E1 <b>|</b>\"\n")
                },
                "paths.yaml": { $0.replacingOccurrences(of: "to: [o365-e3, o365-e5]", with: "to: [o365-e3]") },
            ])
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: head).deletingLastPathComponent().path) }
        let result = try CLIRunner.run(["diff", "--base", "content", "--content", head, "--format", "markdown"])
        let text = result.stdout
        #expect(
            text.hasPrefix(
                "### Model change review: `content` → `\(head)`\n\n1 pair of offers answers differently for some request, 1 with a new verdict."
            ))
        #expect(text.contains("<details><summary>Decisions: 1</summary>"))
        #expect(
            text.contains(
                "| Microsoft 365 Business Standard | Office 365 Enterprise E5 | eligible | blocked (path-not-supported) | "
                    + "`upgradedocs explain --content \(head) --from m365-business-standard --to o365-e5 --as-of 2026-11-25` |"))
        #expect(text.contains("name: “Office 365 Enterprise E1” → “E1 \\<b\\>\\|\\</b\\>”"))
        #expect(!text.contains("<b>"))
    }

    /// A repository of the reference content, committed, and a second commit `linked` whose
    /// content folder is a symbolic link to a folder of this machine.
    private static func repositoryWithLinkedRevision() throws -> (repository: String, outside: String) {
        let repository = Scratch.folder(), outside = Scratch.folder()
        try FileManager.default.copyItem(atPath: CLIRunner.repository + "/content", toPath: repository + "/content")
        try FileManager.default.copyItem(atPath: CLIRunner.repository + "/content", toPath: outside + "/content")
        let commit = ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m"]
        for command in [["init", "-q"], ["add", "."], commit + ["seed"], ["checkout", "-q", "-b", "linked"]] {
            #expect(try git(command, in: repository) == 0)
        }
        try FileManager.default.removeItem(atPath: repository + "/content")
        try FileManager.default.createSymbolicLink(atPath: repository + "/content", withDestinationPath: outside + "/content")
        for command in [["add", "-A"], commit + ["link"], ["checkout", "-q", "-"]] {
            #expect(try git(command, in: repository) == 0)
        }
        return (repository, outside)
    }

    @Test("A base revision whose content folder is a symbolic link is refused; nothing outside it is read")
    func linkedRevisionIsRefused() throws {
        let (repository, outside) = try Self.repositoryWithLinkedRevision()
        defer {
            try? FileManager.default.removeItem(atPath: repository)
            try? FileManager.default.removeItem(atPath: outside)
        }
        var isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: repository + "/content")) != nil
        #expect(!isLink, "the working tree is back on the real folder")
        let result = try CLIRunner.run(["diff", "--base", "linked"], in: repository)
        #expect(result.status != 0)
        #expect(result.stderr.contains("revision 'linked' has a symbolic link at content"), "\(result.stderr)")
        isLink = result.stdout.contains("No change")
        #expect(!isLink, "the linked folder was read as the base")
    }

    @Test("Stopped by SIGTERM or Ctrl-C during a diff of a revision, it removes its temporary folder")
    func signalRemovesTheTemporaryFolder() throws {
        let repository = Scratch.folder(), temporary = Scratch.folder()
        defer {
            try? FileManager.default.removeItem(atPath: repository)
            try? FileManager.default.removeItem(atPath: temporary)
        }
        try FileManager.default.copyItem(atPath: CLIRunner.repository + "/content", toPath: repository + "/content")
        for command in [
            ["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "s"],
        ] {
            #expect(try Self.git(command, in: repository) == 0)
        }
        var caught = 0
        for (attempt, number) in [SIGTERM, SIGINT, SIGTERM, SIGINT, SIGTERM, SIGINT].enumerated() where caught < 2 {
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["diff", "--base", "HEAD"]
            process.currentDirectoryURL = URL(fileURLWithPath: repository)
            process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) { _, new in new }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The signal goes once the revision's copy exists, while the diff still works.
            var seen = false
            while process.isRunning && !seen {
                seen = ((try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []).contains {
                    $0.hasPrefix("upgradedocs-diff-")
                }
                if !seen { usleep(200) }
            }
            if seen { kill(process.processIdentifier, number) }
            process.waitUntilExit()
            if seen && process.terminationStatus == 128 + number { caught += 1 }
            let left = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
            #expect(left.isEmpty, "attempt \(attempt): \(left) left behind")
        }
        #expect(caught >= 1, "no attempt stopped a diff while it worked")
    }

    private static func git(_ arguments: [String], in folder: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
