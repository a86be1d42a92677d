import Foundation
import TestSupport
import Testing

/// The command line as a careless or hostile user meets it: the fidelity gate,
/// builds that race, and text that must never reach a terminal raw.
@Suite("Safe builds and safe answers")
struct SafeBuildTests {
    static func copy(editing edits: [String: (String) -> String] = [:]) throws -> String {
        let folder = BuildCommandTests.temporaryFolder()
        for item in ["content", "templates", "site"] {
            try FileManager.default.copyItem(atPath: CLIRunner.repository + "/" + item, toPath: folder + "/" + item)
        }
        for (file, edit) in edits {
            let path = folder + "/" + file
            try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test("build refuses a table that contradicts the rule core, and writes nothing")
    func gateRefusesAContradictingTable() throws {
        let folder = try Self.copy(editing: [
            "content/tables/1-eligibility.yaml": {
                $0.replacingOccurrences(
                    of: "then: {verdict: blocked, reason: already-owns-target}",
                    with: "then: {verdict: blocked, reason: owns-included-services}")
            }
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = BuildCommandTests.snapshot(folder + "/site")
        let result = try CLIRunner.run(["build"], in: folder)
        #expect(result.status != 0)
        #expect(result.diagnosed("content/tables/1-eligibility.yaml:", "table.disagreement"))
        #expect(result.stderr.contains("nothing was written"))
        #expect(BuildCommandTests.snapshot(folder + "/site") == before)
    }

    @Test("build refuses a prose link to a page the site does not have, at its line")
    func gateRefusesABrokenLink() throws {
        let folder = try Self.copy(editing: [
            "content/pages/how-to-answer.md": {
                $0 + "\nSee [the guide](../roles/nobody.html).\n"
            }
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLIRunner.run(["build"], in: folder)
        #expect(result.status != 0)
        #expect(result.diagnosed("content/pages/how-to-answer.md:", "content.broken-link", naming: "../roles/nobody.html"))
    }

    @Test("build refuses a prose link to a place a page does not have, at its line; links to real places pass")
    func gateRefusesAMissingAnchor() throws {
        let folder = try Self.copy(editing: [
            "content/pages/how-to-answer.md": {
                $0 + "\nSee [rule 1](../rules/eligibility.md#rule-UPG-1), [rule 9](../rules/eligibility.html#rule-UPG-9) "
                    + "and [nowhere](#no-such-heading).\n"
            }
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLIRunner.run(["build"], in: folder)
        #expect(result.status != 0)
        #expect(
            result.diagnosed(
                "content/pages/how-to-answer.md:", "content.broken-link",
                naming: "../rules/eligibility.html#rule-UPG-9"))
        #expect(result.diagnosed("content/pages/how-to-answer.md:", "content.broken-link", naming: "#no-such-heading"))
        #expect(!result.stderr.contains("#rule-UPG-1'"), "a link to a place the page has is fine")
    }

    /// A rebuild checks again only the prose that may have changed, which must still include an
    /// unchanged page whose link loses its place when another page is edited.
    @Test("A rebuild refuses an unchanged page's link to a heading another edit removed")
    func rebuildChecksLinksIntoAnEditedPage() throws {
        let folder = try Self.copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in [
            ("links", "---\ntitle: Links\n---\n\nSee [the steps](target.html#the-steps).\n"),
            ("target", "---\ntitle: Target\n---\n\n## The steps\n\nOne.\n"),
            ("plain", "---\ntitle: Plain\n---\n\nNo links.\n"),
        ] {
            try text.write(toFile: folder + "/content/pages/\(name).md", atomically: true, encoding: .utf8)
        }
        #expect(try CLIRunner.run(["build"], in: folder).status == 0)
        let unchanged = try CLIRunner.run(["build"], in: folder)
        #expect(
            unchanged.status == 0 && unchanged.stdout.contains("is up to date: nothing in content/ or templates/ changed"),
            "\(unchanged.stdout)")
        let edited = folder + "/content/pages/target.md"
        try "---\ntitle: Target\n---\n\n## Other steps\n\nOne.\n".write(toFile: edited, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["build"], in: folder)
        #expect(result.status != 0)
        #expect(
            result.diagnosed("content/pages/links.md:5:1", "content.broken-link", naming: "target.html#the-steps"),
            "\(result.stderr)")
    }

    /// A file written in the same tick of the file system's clock as the build began could keep
    /// its time after a later write; so an input newer than the build's start is never trusted
    /// to say "nothing changed", and the next build reads everything again.
    @Test("An input written after the build began is read again by the next build, not trusted as unchanged")
    func unsettledInputsAreReadAgain() throws {
        let folder = try Self.copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try CLIRunner.run(["build"], in: folder).status == 0)
        #expect(try CLIRunner.run(["build"], in: folder).stdout.contains("is up to date"))
        // The same bytes, stamped an hour ahead: newer than any build's start for the next hour.
        let page = folder + "/content/pages/how-to-answer.md"
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(3600)], ofItemAtPath: page)
        for _ in 0..<2 {
            let rebuilt = try CLIRunner.run(["build"], in: folder)
            #expect(rebuilt.status == 0)
            #expect(rebuilt.stdout.contains("wrote site/: 0 written"), "\(rebuilt.stdout)")
            #expect(!rebuilt.stdout.contains("is up to date"))
        }
    }

    @Test("Two builds at once into one folder: the site afterwards verifies, every file as its manifest says")
    func concurrentBuildsVerify() throws {
        let folder = try Self.copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runs = try [("2021-06-01"), ("2026-11-25")].map { date -> Process in
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["build", "--as-of", date]
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        runs.forEach { $0.waitUntilExit() }
        #expect(runs.allSatisfy { $0.terminationStatus == 0 })
        let verify = try CLIRunner.run(["verify"], in: folder)
        #expect(verify.status == 0, "\(verify.stderr)")
        let check = try CLIRunner.run(["build", "--check", "--as-of", "2026-11-25"], in: folder)
        let other = try CLIRunner.run(["build", "--check", "--as-of", "2021-06-01"], in: folder)
        #expect(check.status == 0 || other.status == 0, "the site is one of the two builds, whole")
    }

    @Test("Control characters typed into explain are shown escaped, never raw")
    func explainEscapesControlCharacters() throws {
        let result = try CLIRunner.run(["explain", "--from", "m365-business-basic\u{1B}[2K\u{202E}", "--to", "o365-e3"])
        #expect(result.status != 0)
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        #expect(result.stderr.contains(#"\u{1B}[2K\u{202E}"#))
    }

    @Test("A 100,000-character offer is refused at once, with no suggestion to search for")
    func explainBoundsItsSuggestions() throws {
        let result = try CLIRunner.run(["explain", "--from", String(repeating: "o365-e3", count: 15_000), "--to", "o365-e3"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown offer"))
        #expect(!result.stderr.contains("did you mean"))
    }

    @Test("With raw HTML off, the Markdown twin drops raw HTML and script links as the HTML page does")
    func markdownTwinIsSafe() throws {
        let folder = try Self.copy(editing: [
            "content/pages/how-to-answer.md": {
                $0 + "\n<script>alert(1)</script>\n\nA [trap](javascript:alert(1)) and <img src=x onerror=alert(1)> here.\n"
            }
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLIRunner.run(["build"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        for file in ["site/pages/how-to-answer.md", "site/pages/how-to-answer.html"] {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            // The site's own scripts load by address; the page's script and its payload are gone.
            #expect(!text.contains("<script>") && !text.contains("alert(1)"), "\(file)")
            #expect(!text.contains("javascript:"), "\(file)")
            #expect(!text.contains("onerror"), "\(file)")
            #expect(text.contains("trap"), "\(file)")
        }
    }
}
