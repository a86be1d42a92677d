import Foundation
import Testing

/// `explain` across programs: a plan of steps, and `--migrate` alone, as DESIGN §3 gives them.
@Suite("upgradedocs explain: migration and plans")
struct ExplainMigrationTests {
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLIRunner.run(["explain", "--format", "json", "--as-of", "2026-12-01"] + arguments)
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("Legacy to new commerce is a plan: migrate, then upgrade, each step's reasons; the verdict is all of them")
    func planOfTwoSteps() throws {
        let object = try Self.json([
            "--from", "m365-business-basic", "--to", "nce-m365-business-standard", "--add-ons", "recent",
        ])
        let plan = try #require(object["plan"] as? [[String: Any]])
        #expect(plan.map { $0["kind"] as? String } == ["migrate", "upgrade"])
        #expect(plan.map { $0["to"] as? String } == ["nce-m365-business-basic", "nce-m365-business-standard"])
        #expect(plan.map { $0["verdict"] as? String } == ["blocked", "eligible"])
        #expect(object["verdict"] as? String == "blocked")
        let reasons = try #require(object["reasons"] as? [[String: String]])
        #expect(reasons.map { $0["code"] } == ["add-on-not-migratable"])
        #expect(reasons.first?["remedy"]?.contains("Wait until") == true)
        #expect(
            Array(object.keys).sorted() == ["advisories", "asOf", "from", "plan", "reasons", "status", "to", "verdict"])
        #expect(Set(plan[0].keys) == ["kind", "from", "to", "verdict", "reasons", "advisories"])
    }

    @Test("--migrate decides the migration alone, to the equivalent; with no equivalent, 'to' is null")
    func migrationAlone() throws {
        let alone = try Self.json(["--migrate", "--program", "legacy", "--from", "Business Premium"])
        #expect(alone["to"] as? String == "nce-m365-business-premium")
        #expect(alone["verdict"] as? String == "eligible")
        #expect(alone["plan"] == nil)
        let nowhere = try Self.json(["--migrate", "--from", "m365-apps-business"])
        #expect(nowhere["to"] is NSNull)
        #expect((nowhere["reasons"] as? [[String: String]])?.map { $0["code"] } == ["no-new-commerce-equivalent"])
    }

    @Test("The text answer names both programs and each step, with why and what to do")
    func textPlan() throws {
        let result = try CLIRunner.run([
            "explain", "--from", "m365-business-basic", "--to", "nce-m365-business-premium", "--started", "2026-11-10",
            "--as-of", "2026-12-01",
        ])
        #expect(result.status == 0)
        #expect(
            result.stdout.hasPrefix(
                "BLOCKED PLAN (2 reasons): Microsoft 365 Business Basic (legacy) → Microsoft 365 Business Premium (new commerce), in 2 steps."
            ))
        #expect(result.stdout.contains("Step 1, migrate:\nBLOCKED (1 reason)"))
        #expect(result.stdout.contains("What to do: Wait until 2026-12-11"))
        #expect(result.stdout.contains("Step 2, upgrade:"))
    }

    @Test("Bad migration input is refused, every problem in one run, each at its flag")
    func badInput() throws {
        let result = try CLIRunner.run([
            "explain", "--from", "m365-business-basic", "--to", "nce-m365-business-standard", "--started", "2026-02-30",
            "--segment", "military", "--add-ons", "some", "--dest-status", "active", "--as-of", "2026-12-01",
        ])
        #expect(result.status != 0)
        for flag in ["--started", "--segment", "--add-ons", "--dest-status"] {
            #expect(result.stderr.contains("error: \(flag): "), "\(flag): \(result.stderr)")
        }
        let upgrade = try CLIRunner.run(["explain", "--from", "o365-e1", "--to", "o365-e3", "--promotion"])
        #expect(upgrade.status != 0)
        #expect(upgrade.stderr.contains("--promotion: this is about a migration"))
        let both = try CLIRunner.run(["explain", "--migrate", "--from", "o365-e1", "--to", "nce-o365-e3"])
        #expect(both.stderr.contains("--migrate: a migration goes to the source's equivalent only"))
        let neither = try CLIRunner.run(["explain", "--from", "o365-e1"])
        #expect(neither.status != 0)
        #expect(neither.stderr.contains("--to: name the offer to upgrade to, or ask --migrate"))
        let nce = try CLIRunner.run(["explain", "--migrate", "--from", "nce-o365-e1"])
        #expect(nce.stderr.contains("whose subscriptions do not migrate"))
    }
}
