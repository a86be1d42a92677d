import Foundation
import Testing

@Suite("upgradedocs explain")
struct ExplainCommandTests {
    @Test("The contract example: India Basic to global Standard is blocked, advising Standard India")
    func contractExample() throws {
        let result = try CLIRunner.run([
            "explain", "--from", "m365-business-basic-india",
            "--to", "m365-business-standard", "--format", "json", "--as-of", "2026-11-25",
        ])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["verdict"] as? String == "blocked")
        #expect(object["asOf"] as? String == "2026-11-25")
        let reasons = try #require(object["reasons"] as? [[String: String]])
        #expect(reasons.map { $0["code"] } == ["region-mismatch"])
        #expect(reasons.first?["rule"] == "UPG-2")
        let advisories = try #require(object["advisories"] as? [[String: String]])
        let regional = advisories.first { $0["code"] == "use-regional-variant" }
        #expect(regional?["message"]?.contains("Microsoft 365 Business Standard India") == true)
        #expect(Array(object.keys).sorted() == ["advisories", "asOf", "from", "reasons", "status", "to", "verdict"])
    }

    @Test("JSON keys come in the documented order")
    func jsonKeyOrder() throws {
        let result = try CLIRunner.run([
            "explain", "--from", "m365-business-basic", "--to", "o365-e3",
            "--format", "json", "--as-of", "2021-01-01",
        ])
        #expect(
            result.stdout.hasPrefix(
                #"{"from":"m365-business-basic","to":"o365-e3","status":"active","#
                    + #""asOf":"2021-01-01","verdict":"eligible","reasons":[],"advisories":["#))
    }

    @Test("Display names are accepted in any case, and holdings take @other")
    func namesAndHoldings() throws {
        let result = try CLIRunner.run([
            "explain", "--program", "legacy", "--from", "microsoft 365 BUSINESS basic", "--to", "Office 365 Enterprise E3",
            "--holds", "m365-apps-enterprise@other", "--status", "Suspended",
            "--as-of", "2021-01-01",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("BLOCKED (2 reasons): Microsoft 365 Business Basic → Office 365 Enterprise E3"))
        #expect(result.stdout.contains("[UPG-3 subscription-not-active]"))
        #expect(result.stdout.contains("[UPG-5 owns-included-services]"))
        #expect(result.stdout.contains("What to do:"))
        #expect(result.stdout.contains("[cancel-other-channel-first]"))
    }

    @Test("A name two programs share needs --program, and the refusal names both offers")
    func sharedNameNeedsProgram() throws {
        let shared = try CLIRunner.run([
            "explain", "--from", "Business Basic", "--to", "Business Standard", "--as-of", "2026-01-01",
        ])
        #expect(shared.status != 0)
        #expect(
            shared.stderr.contains(
                "--from: 'Business Basic' names offers of several programs: m365-business-basic (legacy), nce-m365-business-basic (new-commerce)"
            ), "\(shared.stderr)")
        #expect(shared.stdout.isEmpty)
        let asked = try CLIRunner.run([
            "explain", "--program", "new-commerce", "--from", "Business Basic", "--to", "Business Standard", "--as-of",
            "2026-01-01", "--format", "json",
        ])
        #expect(
            asked.stdout.hasPrefix(#"{"from":"nce-m365-business-basic","to":"nce-m365-business-standard","#), "\(asked.stderr)")
    }

    @Test("An unknown offer fails with the closest id suggested")
    func unknownOffer() throws {
        let result = try CLIRunner.run(["explain", "--from", "m365-busines-basic", "--to", "o365-e3"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--from: unknown offer 'm365-busines-basic'; did you mean 'm365-business-basic'?"))
        #expect(result.stdout.isEmpty)
    }

    @Test("A bad date, a bad status and a bad holding are all reported in one run")
    func badInputs() throws {
        let result = try CLIRunner.run([
            "explain", "--from", "o365-e1", "--to", "o365-e3", "--as-of", "2022-02-30",
            "--status", "paused", "--holds", "o365-e5@somewhere",
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--as-of: '2022-02-30' is not a valid date"))
        #expect(result.stderr.contains("--status: unknown status 'paused'"))
        #expect(result.stderr.contains("--holds: 'o365-e5@somewhere'"))
    }
}

@Suite("upgradedocs check")
struct CheckCommandTests {
    @Test("The repository's content is clean")
    func seedContentIsClean() throws {
        let result = try CLIRunner.run(["check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("ok: 16 offers"), "\(result.stdout)")
    }

    @Test("Broken content fails with file:line:column diagnostics and a count")
    func brokenContentFails() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: URL(fileURLWithPath: CLIRunner.repository + "/content"), to: directory)
        let paths = directory.appendingPathComponent("paths.yaml")
        let broken = try String(contentsOf: paths, encoding: .utf8)
            .replacingOccurrences(of: "to: [o365-e3, o365-e5]", with: "to: [o365-e3, o365-e9]")
        try broken.write(to: paths, atomically: true, encoding: .utf8)
        let lines = broken.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("o365-e9") }) + 1
        let column = try #require(lines[line - 1].range(of: "o365-e9")).lowerBound.utf16Offset(in: lines[line - 1]) + 1
        let result = try CLIRunner.run(["check", "--content", directory.path])
        #expect(result.status != 0)
        #expect(result.diagnosed("/paths.yaml:\(line):\(column)", "content.unknown-id", naming: "o365-e9"))
        #expect(result.stderr.contains("'o365-e1'"), "with the offer it probably means")
        #expect(result.stderr.contains("1 problem in"))
    }

    @Test("explain answers by alias, and suggests by alias")
    func aliases() throws {
        let answer = try CLIRunner.run([
            "explain", "--program", "legacy", "--from", "business basic", "--to", "E3", "--as-of", "2021-06-01",
            "--format", "json",
        ])
        #expect(answer.status == 0, "\(answer.stderr)")
        #expect(answer.stdout.hasPrefix(#"{"from":"m365-business-basic","to":"o365-e3","#))
        let typo = try CLIRunner.run(["explain", "--program", "legacy", "--from", "Office 365 E3x", "--to", "E5"])
        #expect(typo.status != 0)
        #expect(typo.stderr.contains("did you mean 'o365-e3'?"))
    }

    @Test("An eligible answer after the withdrawal is never a bare ELIGIBLE; before it, it is")
    func cautionInText() throws {
        let after = try CLIRunner.run(["explain", "--from", "m365-business-basic", "--to", "o365-e3", "--as-of", "2026-01-01"])
        #expect(after.stdout.hasPrefix("ELIGIBLE, WITH CAUTION (listed, but confirm it is still offered"), "\(after.stdout)")
        let json = try CLIRunner.run([
            "explain", "--from", "m365-business-basic", "--to", "o365-e3", "--as-of", "2026-01-01", "--format", "json",
        ])
        #expect(json.stdout.contains(#""verdict":"eligible""#), "the verdict itself stays eligible")
        let before = try CLIRunner.run(["explain", "--from", "m365-business-basic", "--to", "o365-e3", "--as-of", "2021-06-01"])
        #expect(before.stdout.hasPrefix("ELIGIBLE: "), "\(before.stdout)")
    }

    @Test("A former name is answered for today's offer, with a note; JSON stays the contract's")
    func formerName() throws {
        let text = try CLIRunner.run([
            "explain", "--program", "legacy", "--from", "office 365 business-premium", "--to", "E5", "--as-of", "2021-06-01",
        ])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("Note: 'Office 365 Business Premium'"), "\(text.stdout)")
        #expect(text.stdout.contains("Microsoft 365 Business Standard → Office 365 Enterprise E5"))
        let json = try CLIRunner.run([
            "explain", "--program", "legacy", "--from", "Office 365 Business Premium", "--to", "E5", "--as-of", "2021-06-01",
            "--format", "json",
        ])
        #expect(json.stdout.hasPrefix(#"{"from":"m365-business-standard","to":"o365-e5","#), "\(json.stdout)")
    }

    @Test("A different product is refused, naming the offer it is taken for, by explain and offers")
    func differentProduct() throws {
        for arguments in [["explain", "--from", "Microsoft 365 E3", "--to", "o365-e5"], ["offers", "m365 e3"]] {
            let result = try CLIRunner.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(CLIRunner.Result.mentions(result.stderr, "o365-e3"), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("offers NAME lists the one offer any of its names names")
    func offersByName() throws {
        let result = try CLIRunner.run(["offers", "--format", "json", "OFFICE 365 PROPLUS"])
        #expect(result.status == 0, "\(result.stderr)")
        let offers = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(offers.map { $0["id"] as? String } == ["m365-apps-enterprise"])
        #expect(offers.first?["formerly"] as? [String] == ["Office 365 ProPlus"])
    }

    @Test("offers lists every offer with its aliases, as the contract's JSON")
    func offersCommand() throws {
        let result = try CLIRunner.run(["offers", "--format", "json"])
        #expect(result.status == 0)
        let offers = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(offers.count == 16)
        let e3 = try #require(offers.first { $0["id"] as? String == "o365-e3" })
        #expect(Set(e3.keys) == ["id", "name", "program", "region", "aliases", "formerly", "services", "equivalent"])
        #expect((e3["aliases"] as? [String])?.contains("E3") == true)
        #expect(e3["region"] is NSNull)
        #expect(e3["equivalent"] is NSNull, "the fixture names none for E3")
        let e1 = try #require(offers.first { $0["id"] as? String == "o365-e1" })
        #expect(e1["equivalent"] as? String == "nce-o365-e1")
    }
}
