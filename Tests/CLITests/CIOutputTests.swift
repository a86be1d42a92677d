import Foundation
import TestSupport
import Testing

/// The command line as CI meets it: a version, problems GitHub shows on the
/// line, and what exactly is stale.
@Suite("A CLI that fits CI")
struct CIOutputTests {
    @Test("--version prints the version the pages' footer names")
    func version() throws {
        let result = try CLIRunner.run(["--version"])
        #expect(result.status == 0)
        let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3)
        let footer = try String(contentsOfFile: CLIRunner.repository + "/site/index.html", encoding: .utf8)
        #expect(footer.contains("Made by upgradedocs \(version)."))
    }

    @Test("A located error as a GitHub workflow command, by flag or by GITHUB_ACTIONS")
    func workflowCommands() throws {
        let folder = try Scratch.copy(
            of: CLIRunner.repository + "/content",
            editing: [
                "tables/1-eligibility.yaml": { $0.replacingOccurrences(of: "hitPolicy: R", with: "hitPolicy: Q") }
            ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let flagged = try CLIRunner.run(["check", "--content", folder, "--diagnostics", "github"])
        #expect(flagged.status != 0)
        #expect(
            flagged.stderr.contains(
                "::error file=\(folder)/tables/1-eligibility.yaml,line=14,col=12,"
                    + "title=content.invalid-value::unknown hit policy 'Q'; use one of U, A, F, R, C\n"))
        let inActions = try CLIRunner.run(["check", "--content", folder], environment: ["GITHUB_ACTIONS": "true"])
        #expect(inActions.stderr.hasPrefix("::error file="))
        let plain = try CLIRunner.run(["check", "--content", folder], environment: ["GITHUB_ACTIONS": "false"])
        #expect(plain.stderr.hasPrefix(folder + "/tables/1-eligibility.yaml:14:12: error: unknown hit policy 'Q'"))
        #expect(plain.stderr.contains("; use one of U, A, F, R, C [content.invalid-value]\n"))
    }

    @Test("build --check --diff shows what changed in each stale file")
    func checkShowsADiff() throws {
        let folder = try SafeBuildTests.copy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = folder + "/site/index.md"
        let text = try String(contentsOfFile: page, encoding: .utf8)
        try text.replacingOccurrences(of: "- **Offers**: 16", with: "- **Offers**: 17")
            .write(toFile: page, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["build", "--check", "--diff"], in: folder)
        #expect(result.status != 0)
        #expect(result.stdout.contains("stale: index.md\n--- site/index.md (on disk)\n+++ site/index.md (as built)\n"))
        #expect(result.stdout.contains("\n-- **Offers**: 17\n+- **Offers**: 16\n"))
    }
}
