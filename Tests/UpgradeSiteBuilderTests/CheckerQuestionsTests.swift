import Foundation
import Testing
import TestSupport
import UpgradeBase
import UpgradeContent
import UpgradeCore
@testable import UpgradeSiteBuilder

/// The checker reads its question from the address; `explain` from its options. Under Node.js the
/// checker's parser is held against `Question`, which `explain` asks through, on questions an
/// attacker would write: ids and names that are `Object.prototype` members, decomposed Unicode,
/// days that do not exist, and a link naming twenty thousand other subscriptions.
@Suite("The checker asks exactly what explain asks")
struct CheckerQuestionsTests {
    /// Runs `Tests/Checker/questions.js` on `questions`; each answer as a JSON object.
    static func runNode(_ catalog: Catalog, _ questions: [Question], params: [[String: String]]? = nil) throws -> [[String: Any]]
    {
        let folder = Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = CheckerData.file(catalog: catalog, asOf: SiteFixture.referenceDate)
        try Data(data.bytes).write(to: URL(fileURLWithPath: folder + "/checker-data.js"))
        let asked = JSONValue.array(
            questions.enumerated().map { index, question in
                .object([
                    ("from", .string(question.from)), ("to", .string(question.to)), ("status", .string(question.status)),
                    ("holds", .array(question.holdings.map(JSONValue.string))), ("asOf", .string(question.asOf)),
                    (
                        "params",
                        .object((params?[index] ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })
                    ),
                ])
            })
        try asked.serialized().write(toFile: folder + "/questions.json", atomically: true, encoding: .utf8)
        let node = Process()
        node.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        node.arguments = [
            "node", Repository.path("Tests/Checker/questions.js"), folder + "/checker-data.js",
            Repository.path("templates/assets/checker.js"), folder + "/questions.json",
        ]
        let output = Pipe()
        node.standardOutput = output
        node.standardError = output
        try node.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        node.waitUntilExit()
        let text = String(decoding: bytes, as: UTF8.self)
        try #require(node.terminationStatus == 0, "\(text.prefix(2_000))")
        return try #require(JSONSerialization.jsonObject(with: bytes) as? [[String: Any]], "\(text.prefix(500))")
    }

    /// What explain makes of the question, in the shape questions.js prints.
    static func expected(_ question: Question, _ catalog: Catalog) -> String {
        guard let request = question.request(in: catalog).request else { return "refused" }
        let holds = request.holdings.map { "\($0.offer.id)@\($0.channel.rawValue)" }.joined(separator: ",")
        let core = RuleCore(catalog: catalog)
        // A question that migrates is answered by its plan: the verdict and every step's reasons.
        let (verdict, reasons) =
            request.migration == nil
            ? (core.decide(request).verdict, core.decide(request).reasons)
            : (core.plan(request).verdict, core.plan(request).reasons)
        return "\(request.from.id) \(request.to.id) \(request.status.rawValue) \(request.asOf) [\(holds)] "
            + "\(verdict.rawValue) \(reasons.map(\.code.rawValue))"
    }

    static func found(_ answer: [String: Any]) -> String {
        guard let request = answer["request"] as? [String: Any] else { return "refused" }
        let holds = (request["holds"] as? [String] ?? []).joined(separator: ",")
        return "\(request["from"] ?? "") \(request["to"] ?? "") \(request["status"] ?? "") \(request["asOf"] ?? "") "
            + "[\(holds)] \(answer["verdict"] ?? "") \(answer["reasons"] as? [String] ?? [])"
    }

    /// Holds the checker's reading of every question against explain's; returns the answers.
    @discardableResult
    static func expectSame(_ catalog: Catalog, _ questions: [Question]) throws -> [[String: Any]] {
        let answers = try runNode(catalog, questions)
        try #require(answers.count == questions.count)
        for (question, answer) in zip(questions, answers) {
            #expect(found(answer) == expected(question, catalog), "\(question)")
        }
        return answers
    }

    /// Every `Object.prototype` member in every part of a question, and beside real offers.
    static func prototypeQuestions(_ catalog: Catalog) -> [Question] {
        let real = catalog.offers.map(\.id.rawValue)
        return RandomModel.prototypeMembers.flatMap { member in
            [
                Question(from: member, to: member, asOf: "2021-06-01"),
                Question(from: real[0], to: member, asOf: "2021-06-01"),
                Question(from: member, to: real[1], status: member, asOf: "2021-06-01"),
                Question(from: real[0], to: real[1], holdings: [member, member + "@other"], asOf: "2021-06-01"),
                Question(from: real[0], to: real[1], holdings: [real[1] + "@" + member], asOf: member),
            ]
        }
    }

    @Test("Ids, names and queries that are Object.prototype members decide as in explain")
    func prototypeMemberNamesDecideAsExplain() throws {
        let (content, asOf) = RandomModel.make(
            seed: 41, size: 8...8, names: RandomModel.prototypeMembers, ids: RandomModel.prototypeMembers)
        let catalog = content.catalog
        #expect(catalog.offers.contains { $0.id == "constructor" } && catalog.services.contains { $0.id == "hasOwnProperty" })
        try Self.expectSame(catalog, Self.prototypeQuestions(catalog))
        try Self.expectSame(SiteFixture.content.catalog, Self.prototypeQuestions(SiteFixture.content.catalog))

        let requests = CheckerEquivalenceTests.randomRequests(catalog, count: 2_000, seed: 41)
        let (status, output) = try CheckerEquivalenceTests.runNode(content, asOf: asOf, requests: requests)
        #expect(status == 0 && output.contains("\(requests.count) requests, 0 mismatches"), "\(output)")
        let names = try CheckerNamesTests.runNode(catalog)
        #expect(names.status == 0 && names.output == CheckerNamesTests.wanted(catalog), "\(names.output.prefix(400))")
    }

    @Test("A name typed in decomposed Unicode (NFD) or another case form finds its offer in both")
    func decomposedNamesResolveAlike() throws {
        let (content, _) = RandomModel.make(seed: 5, size: 3...3, names: ["Ünïcødé Straße", "Café Ωmega", "Plain"])
        let catalog = content.catalog
        let typed = ["U\u{308}ni\u{308}cødé Strasse", "ÜNÏCØDÉ STRASSE", "Cafe\u{301} ωmega", "CAFE\u{301} ΩMEGA"]
        for name in typed {
            #expect(catalog.resolve(name).offer != nil, "explain does not find \(name)")
        }
        let ids = catalog.offers.map(\.id.rawValue)
        try Self.expectSame(catalog, typed.map { Question(from: $0, to: ids[2], asOf: "2022-01-01") })
    }

    @Test("Days explain refuses, the year 0 among them, are refused by the checker")
    func impossibleDaysAreRefused() throws {
        let catalog = SiteFixture.content.catalog
        let days = [
            "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "2022-02-29", "2024-02-29", "2022-13-01",
            "2022-1-01", "٢٠٢٢-٠١-٠١", "2022-01-01\n", " 2022-01-01", "2022-01-01T00:00",
        ]
        let ids = catalog.offers.map(\.id.rawValue)
        let answers = try Self.expectSame(catalog, days.map { Question(from: ids[0], to: ids[1], asOf: $0) })
        #expect(answers.filter { $0["request"] != nil }.count == 3)
    }

    @Test("A question naming more other subscriptions than the bound is refused by both, in the same words")
    func tooManyHoldingsAreRefusedAlike() throws {
        let catalog = SiteFixture.content.catalog
        let ids = catalog.offers.map(\.id.rawValue)
        let many = (0..<20_000).map { ids[$0 % ids.count] + ($0 % 2 == 0 ? "@other" : "") }
        let questions = [
            Question(from: ids[0], to: ids[1], holdings: Array(many.prefix(Request.mostHoldings)), asOf: "2022-01-01"),
            Question(from: ids[0], to: ids[1], holdings: Array(many.prefix(Request.mostHoldings + 1)), asOf: "2022-01-01"),
            Question(from: ids[0], to: ids[1], holdings: many, asOf: "2022-01-01"),
        ]
        let answers = try Self.expectSame(catalog, questions)
        let problems = answers.map { $0["problems"] as? [String] ?? [] }
        #expect(problems[0].isEmpty)
        #expect(problems[2] == ["Other subscriptions: " + Request.tooManyHoldings(20_000) + "."])
        #expect(questions[2].request(in: catalog).problems.map(\.message) == [Request.tooManyHoldings(20_000)])
    }

    /// The address parameters a new-commerce question adds, as the checker names them, and the
    /// same question for `Question`.
    static func asked(_ from: String, _ to: String, _ params: [String: String]) -> (Question, [String: String]) {
        var terms = Question.Terms()
        terms.trial = params["trial"] == "1"
        terms.autoRenew = params["autoRenew"]
        terms.term = params["term"]
        terms.billing = params["billing"]
        terms.toTerm = params["toTerm"]
        terms.toBilling = params["toBilling"]
        terms.when = params["when"]
        terms.seats = params["seats"]
        terms.of = params["of"]
        terms.ends = params["ends"]
        terms.destStatus = params["destStatus"]
        terms.destTerm = params["destTerm"]
        terms.destEnds = params["destEnds"]
        terms.destInWindow = params["destInWindow"] == "1"
        var migration = Question.MigrationParts()
        migration.started = params["started"]
        migration.newTerm = params["newTerm"] == "1"
        migration.promotion = params["promotion"] == "1"
        migration.segment = params["segment"]
        migration.addOns = params["addOns"]
        migration.inProgress = params["inProgress"] == "1"
        return (
            Question(
                from: from, to: to, asOf: "2026-12-01", program: params["program"], terms: terms,
                migrate: params["migrate"] == "1", migration: migration),
            params
        )
    }

    @Test("Hostile new-commerce fields are refused by both, and valid ones decide alike")
    func newCommerceFields() throws {
        let catalog = SiteFixture.content.catalog
        let basic = "nce-m365-business-basic", standard = "nce-m365-business-standard"
        let cases: [(Question, [String: String])] = [
            Self.asked(basic, standard, ["seats": "30", "of": "20"]),
            Self.asked(basic, standard, ["term": "P9Y"]),
            Self.asked(basic, standard, ["toBilling": "weekly"]),
            Self.asked(basic, standard, ["ends": "0000-01-01"]),
            Self.asked(basic, standard, ["ends": "2026-11-30"]),
            Self.asked(basic, standard, ["destEnds": "2026-02-30"]),
            Self.asked(basic, standard, ["seats": "-1", "of": "20"]),
            Self.asked(basic, standard, ["seats": "1e3", "of": "2000"]),
            Self.asked(basic, standard, ["seats": "5"]),
            Self.asked(basic, standard, ["of": "5"]),
            Self.asked(basic, standard, ["seats": "2000000", "of": "2000000"]),
            Self.asked(basic, standard, ["autoRenew": "maybe"]),
            Self.asked(basic, standard, ["when": "tomorrow"]),
            Self.asked(basic, standard, ["destStatus": "paused"]),
            Self.asked("m365-business-basic", "o365-e3", ["term": "P1M"]),
            Self.asked("m365-business-basic", "o365-e3", ["trial": "1"]),
            Self.asked("Business Basic", "Business Standard", [:]),
            Self.asked("Business Basic", "Business Standard", ["program": "nce"]),
            // Valid: each decides the same in both.
            Self.asked("Business Basic", "Business Standard", ["program": "new-commerce", "seats": "5", "of": "20"]),
            Self.asked("Business Basic", "Business Standard", ["program": "LEGACY"]),
            Self.asked(basic, standard, ["term": "p1m", "toTerm": "P1Y", "billing": "MONTHLY", "when": "renewal"]),
            Self.asked(basic, standard, ["autoRenew": "off", "when": "renewal", "destTerm": "P1M", "destInWindow": "1"]),
            Self.asked(basic, basic, ["trial": "1", "seats": "25", "of": "25", "ends": "2026-12-31"]),
            Self.asked(standard, "nce-m365-business-premium", ["seats": "301", "of": "400", "destStatus": "expired"]),
        ]
        let answers = try Self.runNode(catalog, cases.map(\.0), params: cases.map(\.1))
        var refused = 0
        for ((question, params), answer) in zip(cases, answers) {
            let wanted = Self.expected(question, catalog)
            #expect(Self.found(answer) == wanted, "\(params): the checker says \(answer)")
            if wanted == "refused" { refused += 1 }
        }
        #expect(refused == 18, "the first eighteen are bad input")
    }

    @Test("Hostile migration fields are refused by both, and valid migrations and plans decide alike")
    func migrationFields() throws {
        let catalog = SiteFixture.content.catalog
        let basic = "m365-business-basic", nce = "nce-m365-business-standard"
        let cases: [(Question, [String: String])] = [
            Self.asked(basic, nce, ["started": "2026-02-30"]),
            Self.asked(basic, nce, ["started": "2027-01-01"]),
            Self.asked(basic, nce, ["segment": "military"]),
            Self.asked(basic, nce, ["addOns": "some"]),
            Self.asked(basic, nce, ["destStatus": "active"]),
            Self.asked(basic, nce, ["destInWindow": "1"]),
            Self.asked(basic, nce, ["of": "5"]),
            Self.asked(basic, "o365-e3", ["promotion": "1"]),
            Self.asked(basic, "o365-e3", ["started": "2026-01-01"]),
            Self.asked(basic, nce, ["migrate": "1"]),
            Self.asked("nce-m365-business-basic", "", ["migrate": "1"]),
            Self.asked(nce, "nce-m365-business-premium", ["inProgress": "1"]),
            // Valid: each decides the same in both.
            Self.asked(basic, nce, [:]),
            Self.asked(basic, nce, ["seats": "400", "of": "20", "toTerm": "P3Y", "toBilling": "annual", "when": "renewal"]),
            Self.asked(basic, "nce-m365-business-premium", ["seats": "301"]),
            Self.asked(basic, "", ["migrate": "1", "started": "2026-11-15", "addOns": "RECENT", "segment": "Education"]),
            Self.asked("m365-apps-business", nce, ["promotion": "1", "inProgress": "1", "trial": "1"]),
            Self.asked("m365-business-premium", "", ["migrate": "1", "ends": "2026-12-02", "newTerm": "1"]),
            Self.asked("o365-e1", "nce-o365-e3", ["ends": "2026-12-02", "billing": "annual", "toTerm": "P1M"]),
        ]
        let answers = try Self.runNode(catalog, cases.map(\.0), params: cases.map(\.1))
        var refused = 0
        for ((question, params), answer) in zip(cases, answers) {
            let wanted = Self.expected(question, catalog)
            #expect(Self.found(answer) == wanted, "\(params): the checker says \(answer)")
            if wanted == "refused" { refused += 1 }
        }
        #expect(refused == 12, "the first twelve are bad input")
    }
}
