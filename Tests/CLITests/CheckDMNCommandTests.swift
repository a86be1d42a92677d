import Foundation
import Testing
import TestSupport

/// `check --dmn FILE`: a decision table brought back from a modeler is analysed as `check`
/// analyses the model's own, each finding at the line of the rule it is about.
@Suite("check --dmn reviews a table edited in a DMN modeler")
struct CheckDMNCommandTests {
    static func edited(_ table: String, _ edit: (String) -> String) throws -> String {
        let text = try String(contentsOfFile: CLIRunner.repository + "/site/rules/\(table).dmn", encoding: .utf8)
        let file = BuildCommandTests.temporaryFolder() + "/\(table).dmn"
        try edit(text).write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The line of the first `<rule` whose label is `label`.
    static func line(of label: String, in file: String) throws -> Int {
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(#"label="\#(label)""#) && $0.contains("<rule ") }) + 1
    }

    @Test("Every table the build writes reads back and agrees with the rule core")
    func publishedTablesAgree() throws {
        for table in ["eligibility", "advisories"] {
            let result = try CLIRunner.run(["check", "--dmn", "site/rules/\(table).dmn"])
            #expect(result.status == 0, "\(table): \(result.stderr)")
            #expect(result.stdout.contains("agreement with the rule core"))
        }
    }

    @Test("A changed entry is a gap and disagreements with counterexamples, each at the rule that alone decides")
    func changedEntryIsPlaced() throws {
        // UPG-3 now blocks active subscriptions instead of inactive ones.
        let file = try Self.edited("eligibility") {
            $0.replacingOccurrences(of: #"<text>"inactive"</text>"#, with: #"<text>"active"</text>"#)
        }
        let result = try CLIRunner.run(["check", "--dmn", file])
        #expect(result.status != 0)
        #expect(result.diagnosed(file, "table.gap", naming: "status=inactive"))
        // An inactive subscription that already has its target: UPG-4 alone fires, without UPG-3's reason.
        let line = try Self.line(of: "UPG-4", in: file)
        #expect(
            result.diagnosed("\(file):\(line):", "table.disagreement", naming: "upgradedocs explain"), "\(result.stderr)")
    }

    @Test("Two swapped rules of a rule-order table give their reasons in the wrong order, and say so")
    func swappedRulesDisagree() throws {
        let file = try Self.edited("eligibility") { text in
            var parts = text.components(separatedBy: "      <rule id=")
            parts.swapAt(3, 4)
            return parts.joined(separator: "      <rule id=")
        }
        let result = try CLIRunner.run(["check", "--dmn", file])
        #expect(result.status != 0)
        #expect(result.diagnosed(file, "table.disagreement", naming: "subscription-not-active, already-owns-target"))
    }

    @Test("A file beyond the portable subset is refused at its place, naming what it holds")
    func unreadableFileIsRefused() throws {
        let file = try Self.edited("eligibility") {
            $0.replacingOccurrences(of: #"<text>"inactive"</text>"#, with: #"<text>not("active")</text>"#)
        }
        let result = try CLIRunner.run(["check", "--dmn", file])
        #expect(result.status != 0)
        #expect(result.diagnosed("\(file):\(try Self.line(of: "UPG-3", in: file)):", "table.dmn", naming: #"not("active")"#))
    }
}
