import Foundation
import Testing

@Suite("upgradedocs verify and check on the command line")
struct VerifyCommandTests {
    @Test("verify passes on the committed site and fails, with the place, on a flipped cell")
    func verifyExitCodes() throws {
        let clean = try CLIRunner.run(["verify"])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.hasPrefix("ok: site/ agrees with the rule core"))
        let folder = try BuildCommandTests.copyOfRepository(["content", "site"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = folder + "/site/matrix/legacy.html"
        try (try String(contentsOfFile: page, encoding: .utf8))
            .replacingOccurrences(
                of: #"data-to="o365-e5" data-verdict="eligible""#, with: #"data-to="o365-e5" data-verdict="blocked""#
            )
            .write(toFile: page, atomically: true, encoding: .utf8)
        let broken = try CLIRunner.run(["verify"], in: folder)
        #expect(broken.status != 0)
        #expect(broken.diagnosed("site/matrix/legacy.html:", "verify.cell-mismatch", naming: "o365-e5"))
        #expect(broken.stderr.contains("mismatches between site/ and the rule core"))
    }

    @Test("A file of the user's own in the site is reported, and does not fail verify")
    func userFileIsAWarning() throws {
        let folder = try BuildCommandTests.copyOfRepository(["content", "site"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "docs.example.com\n".write(toFile: folder + "/site/CNAME", atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["verify"], in: folder)
        #expect(result.status == 0)
        #expect(result.diagnosed("site/CNAME:1:1", "verify.files", severity: "warning"))
    }

    @Test("check reports a bad embed in a prose page without building")
    func checkSeesProseEmbeds() throws {
        let folder = try BuildCommandTests.copyOfRepository(["content"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "---\ntitle: Bad\n---\n\n```upgradedocs checklist nobody\n```\n"
            .write(toFile: folder + "/content/pages/bad.md", atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["check"], in: folder)
        #expect(result.status != 0)
        #expect(result.diagnosed("content/pages/bad.md:5:1", "content.embed", naming: "nobody"), "\(result.stderr)")
    }
}
