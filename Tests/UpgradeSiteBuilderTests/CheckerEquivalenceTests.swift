import Foundation
import Testing
import UpgradeBase
import UpgradeCheck
import UpgradeContent
import UpgradeCore
@testable import UpgradeSiteBuilder
import UpgradeSiteContract
import TestSupport

/// The checker decides in the browser: `checker.js` works out a request's facts
/// and interprets the model's rules, advice and messages from the checker's
/// data. Under Node.js and in headless Chromium, it is held against `RuleCore.decide`
/// (and `RuleCore.plan`, for a question that migrates)
/// on every request the test vectors reach and on ten thousand random ones, every field
/// and every message, character for character; and a model with a rule added and a message
/// reworded gets the same answers with no change to the script.
@Suite("The checker is the rule core, in the browser")
struct CheckerEquivalenceTests {
    /// The request as the cases file carries it, and the rule core's answer.
    static func json(_ request: Request, _ decision: Decision) -> JSONValue {
        .object(fields(request) + [("expected", expected(decision))])
    }

    /// A request that migrates, with the rule core's plan: its verdict and each step's decision.
    static func json(_ request: Request, _ plan: MovePlan) -> JSONValue {
        .object(
            fields(request) + [
                (
                    "expected",
                    .object([
                        ("verdict", .string(plan.verdict.rawValue)),
                        (
                            "steps",
                            .array(
                                plan.steps.map { step in
                                    .object([("kind", .string(step.kind.rawValue)), ("decision", expected(step.decision))])
                                })
                        ),
                    ])
                )
            ])
    }

    /// The case for the rule core's answer to `request`: a plan where it migrates.
    static func json(_ request: Request, core: RuleCore) -> JSONValue {
        request.migration == nil ? json(request, core.decide(request)) : json(request, core.plan(request))
    }

    private static func fields(_ request: Request) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [
            ("commitment", RequestJSON.json(request.commitment)),
            ("from", .string(request.from.id.rawValue)), ("to", .string(request.to.id.rawValue)),
            ("status", .string(request.status.rawValue)), ("asOf", .string(request.asOf.description)),
            (
                "holds",
                .array(
                    request.holdings.map {
                        .object([("offer", .string($0.offer.id.rawValue)), ("channel", .string($0.channel.rawValue))])
                    })
            ),
        ]
        if let terms = request.migration {
            fields.append(
                (
                    "migration",
                    .object([
                        ("started", terms.started.map { .string($0.description) } ?? .null),
                        ("newTerm", .bool(terms.newTerm)), ("promotion", .bool(terms.promotion)),
                        ("segment", .string(terms.segment.rawValue)), ("addOns", .string(terms.addOns.rawValue)),
                        ("inProgress", .bool(terms.inProgress)),
                    ])
                ))
        }
        return fields
    }

    private static func expected(_ decision: Decision) -> JSONValue {
        let request = decision.request
        return .object([
            ("from", .string(request.from.id.rawValue)), ("to", .string(request.to.id.rawValue)),
            ("status", .string(request.status.rawValue)), ("asOf", .string(request.asOf.description)),
            ("verdict", .string(decision.verdict.rawValue)),
            (
                "reasons",
                .array(
                    decision.reasons.map {
                        .object([
                            ("code", .string($0.code.rawValue)), ("rule", .string($0.rule.rawValue)),
                            ("message", .string($0.message)), ("remedy", .string($0.remedy)),
                        ])
                    })
            ),
            (
                "advisories",
                .array(
                    decision.advisories.map {
                        .object([("code", .string($0.code.rawValue)), ("message", .string($0.message))])
                    })
            ),
        ])
    }

    /// Random requests over a catalogue: any pair, listed or not, every status, up to four other
    /// subscriptions through either channel, and days on both sides of every withdrawal date.
    static func randomRequests(_ catalog: Catalog, count: Int, seed: UInt64) -> [Request] {
        var random = SeededGenerator(seed: seed)
        var days = [CalendarDate(year: 2019, month: 1, day: 1)!, CalendarDate(year: 2027, month: 12, day: 31)!]
        for program in catalog.programs {
            guard let withdrawn = program.withdrawnFrom else { continue }
            days += [
                withdrawn, CalendarDate(year: withdrawn.year, month: withdrawn.month, day: max(1, withdrawn.day - 1))!,
                CalendarDate(year: withdrawn.year - 1, month: 12, day: 31)!,
            ]
        }
        return (0..<count).map { _ in
            let holdings = (0..<Int.random(in: 0...4, using: &random)).map { _ in
                Holding(
                    offer: catalog.offers.randomElement(using: &random)!,
                    channel: Channel.allCases.randomElement(using: &random)!)
            }
            let day =
                Bool.random(using: &random)
                ? days.randomElement(using: &random)!
                : CalendarDate(
                    year: Int.random(in: 2019...2027, using: &random), month: Int.random(in: 1...12, using: &random),
                    day: Int.random(in: 1...28, using: &random))!
            let from = catalog.offers.randomElement(using: &random)!
            if let route = catalog.program(from.program)?.migration, Int.random(in: 0..<3, using: &random) == 0 {
                return randomMigration(from: from, to: route.to, in: catalog, asOf: day, using: &random)
            }
            return Request(
                from: from, to: catalog.offers.randomElement(using: &random)!,
                status: SubscriptionStatus.allCases.randomElement(using: &random)!, holdings: holdings, asOf: day,
                commitment: catalog.logic(for: from.program).readsCommitment
                    ? randomCommitment(asOf: day, using: &random) : nil)
        }
    }

    /// Any commitment a question can state: a trial or not, either auto-renew, any terms and billing,
    /// either timing, all seats or some (up to past a seat limit), any term end from the as-of day on,
    /// and, often, an existing subscription in any state.
    static func randomCommitment(asOf: CalendarDate, using random: inout SeededGenerator) -> Commitment {
        func pick<T: CaseIterable>(_ type: T.Type) -> T { T.allCases.randomElement(using: &random)! }
        func later() -> CalendarDate { asOf.adding(months: Int.random(in: 0...40, using: &random)) }
        let held = Int.random(in: 1...600, using: &random)
        let seats = Bool.random(using: &random) ? Seats(moved: Int.random(in: 1...held, using: &random), held: held) : nil
        let destination =
            Int.random(in: 0..<5, using: &random) < 2
            ? Destination(
                status: pick(SubscriptionStatus.self), term: pick(Term.self), ends: later(),
                inCancellationWindow: .random(using: &random))
            : nil
        return Commitment(
            asOf: asOf, trial: Int.random(in: 0..<5, using: &random) == 0, autoRenew: .random(using: &random),
            term: pick(Term.self), billing: pick(Billing.self), toTerm: pick(Term.self), toBilling: pick(Billing.self),
            timing: pick(Timing.self), seats: seats, ends: Bool.random(using: &random) ? later() : nil,
            destination: destination)
    }

    /// A question that migrates `from`: alone (to its equivalent, or itself where it has none) or on to
    /// any offer of the program it migrates to, with any terms, plan, seats and timing.
    static func randomMigration(
        from: Offer, to program: ProgramID, in catalog: Catalog, asOf: CalendarDate, using random: inout SeededGenerator
    ) -> Request {
        func pick<T: CaseIterable>(_ type: T.Type) -> T { T.allCases.randomElement(using: &random)! }
        let targets = catalog.offers(in: program)
        let alone = from.equivalent.flatMap { catalog.offer($0.offer) } ?? from
        let to = Bool.random(using: &random) ? alone : targets.randomElement(using: &random) ?? alone
        let held = Int.random(in: 1...600, using: &random)
        let seats = Bool.random(using: &random) ? Seats(moved: Int.random(in: 1...700, using: &random), held: held) : nil
        let ends = [0, 1, 2, 5, 30, 400].randomElement(using: &random)!
        let commitment = Commitment(
            asOf: asOf, trial: Int.random(in: 0..<5, using: &random) == 0, term: pick(Term.self), billing: pick(Billing.self),
            toTerm: pick(Term.self), toBilling: pick(Billing.self), timing: pick(Timing.self), seats: seats,
            ends: (0..<ends).reduce(asOf) { day, _ in day.nextDay ?? day })
        let started: CalendarDate? =
            Bool.random(using: &random) ? asOf.adding(months: -Int.random(in: 0...2, using: &random)) : nil
        let terms = MigrationTerms(
            started: started.map { day in
                (0..<Int.random(in: 0...2, using: &random)).reduce(day) { earlier, _ in earlier.previousDay ?? earlier }
            },
            newTerm: .random(using: &random), promotion: Int.random(in: 0..<4, using: &random) == 0,
            segment: Int.random(in: 0..<4, using: &random) == 0 ? pick(Segment.self) : .commercial,
            addOns: pick(AddOns.self), inProgress: Int.random(in: 0..<6, using: &random) == 0)
        return Request(
            from: from, to: to, status: SubscriptionStatus.allCases.randomElement(using: &random)!, asOf: asOf,
            commitment: commitment, migration: terms)
    }

    /// Runs the checker's code under Node.js on `requests`; returns its output.
    static func runNode(
        _ content: LoadedContent, asOf: CalendarDate, requests: [Request],
        checker: String = Repository.path("templates/assets/checker.js")
    ) throws -> (status: Int32, output: String) {
        let folder = Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = CheckerData.file(catalog: content.catalog, asOf: asOf)
        try Data(data.bytes).write(to: URL(fileURLWithPath: folder + "/checker-data.js"))
        let core = RuleCore(catalog: content.catalog)
        let cases = JSONValue.array(requests.map { json($0, core: core) })
        try cases.serialized().write(toFile: folder + "/cases.json", atomically: true, encoding: .utf8)
        let node = Process()
        node.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        node.arguments = [
            "node", Repository.path("Tests/Checker/equivalence.js"), folder + "/checker-data.js",
            checker, folder + "/cases.json",
        ]
        let output = Pipe()
        node.standardOutput = output
        node.standardError = output
        try node.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        node.waitUntilExit()
        return (node.terminationStatus, text)
    }

    /// Runs the checker's code in headless Chromium, the browser the site is checked in, on `requests`:
    /// a page loads the checker's data, its script, the shared comparison and the cases, and writes the
    /// comparison's lines into `#result`, which `--dump-dom` prints.
    static func runChromium(
        _ content: LoadedContent, asOf: CalendarDate, requests: [Request],
        checker: String = Repository.path("templates/assets/checker.js")
    ) throws -> (status: Int32, output: String) {
        let folder = Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = CheckerData.file(catalog: content.catalog, asOf: asOf)
        try Data(data.bytes).write(to: URL(fileURLWithPath: folder + "/checker-data.js"))
        let core = RuleCore(catalog: content.catalog)
        let cases = JSONValue.array(requests.map { json($0, core: core) })
        try ("var CASES = " + cases.serialized() + ";\n").write(toFile: folder + "/cases.js", atomically: true, encoding: .utf8)
        let page = """
            <!doctype html><meta charset="utf-8"><title>checker equivalence</title><pre id="result">not run</pre>
            <script src="checker-data.js"></script>
            <script src="\(URL(fileURLWithPath: checker).absoluteString)"></script>
            <script src="\(URL(fileURLWithPath: Repository.path("Tests/Checker/compare.js")).absoluteString)"></script>
            <script src="cases.js"></script>
            <script>
            var out = document.getElementById("result");
            try { out.textContent = compareWithRuleCore(UpgradeChecker, UPGRADEDOCS_DATA, CASES).text; }
            catch (error) { out.textContent = "error: " + error; }
            </script>
            """
        try page.write(toFile: folder + "/equivalence.html", atomically: true, encoding: .utf8)
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        browser.arguments = [
            "chromium-headless-shell", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + folder + "/profile",
            "--allow-file-access-from-files", "--virtual-time-budget=60000", "--dump-dom",
            URL(fileURLWithPath: folder + "/equivalence.html").absoluteString,
        ]
        let output = Pipe()
        browser.standardOutput = output
        browser.standardError = FileHandle.nullDevice
        try browser.run()
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        browser.waitUntilExit()
        guard let start = dom.range(of: "<pre id=\"result\">"),
            let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else {
            return (browser.terminationStatus == 0 ? 1 : browser.terminationStatus, "no #result in the page: " + dom.prefix(300))
        }
        let text = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return (text.hasSuffix(" 0 mismatches") ? 0 : 1, text)
    }

    @Test("In Chromium too: every test vector and 10,000 random requests get the rule core's exact answer")
    func checkerEqualsRuleCoreInChromium() throws {
        let content = SiteFixture.content, asOf = SiteFixture.referenceDate
        let vectors = Counterexamples(catalog: content.catalog, asOf: asOf).reached.map(\.request)
        let requests = vectors + Self.randomRequests(content.catalog, count: 10_000, seed: 2027)
        #expect(requests.contains { $0.from.program != requests[0].from.program }, "both programs are asked")
        let (status, output) = try Self.runChromium(content, asOf: asOf, requests: requests)
        #expect(status == 0, "\(output)")
        #expect(output.hasSuffix("\(requests.count) requests, 0 mismatches"), "\(output)")
    }

    /// Random questions that migrate, from every offer of a program that migrates: alone or on to
    /// any offer of the program it migrates to.
    static func randomMigrations(_ catalog: Catalog, count: Int, seed: UInt64) -> [Request] {
        var random = SeededGenerator(seed: seed)
        let sources = catalog.offers.filter { catalog.program($0.program)?.migration != nil }
        return (0..<count).map { _ in
            let from = sources.randomElement(using: &random)!
            let day = CalendarDate(
                year: Int.random(in: 2023...2027, using: &random), month: Int.random(in: 1...12, using: &random),
                day: Int.random(in: 1...28, using: &random))!
            return randomMigration(
                from: from, to: catalog.program(from.program)!.migration!.to, in: catalog, asOf: day, using: &random)
        }
    }

    @Test("Every migration vector and 10,000 random migrations and plans get the rule core's plan, in Node and Chromium")
    func migrationsEqualRuleCore() throws {
        let content = SiteFixture.content, asOf = SiteFixture.referenceDate
        let vectors = Counterexamples(catalog: content.catalog, asOf: asOf).reached.map(\.request).filter {
            $0.migration != nil
        }
        let requests = vectors + Self.randomMigrations(content.catalog, count: 10_000, seed: 2028)
        #expect(vectors.count > 50, "the migration vectors are asked")
        let (status, output) = try Self.runNode(content, asOf: asOf, requests: requests)
        #expect(status == 0, "\(output)")
        #expect(output.hasSuffix("\(requests.count) requests, 0 mismatches\n"), "\(output)")
        let (inBrowser, browserOutput) = try Self.runChromium(content, asOf: asOf, requests: requests)
        #expect(inBrowser == 0, "\(browserOutput)")
        #expect(browserOutput.hasSuffix("\(requests.count) requests, 0 mismatches"), "\(browserOutput)")
    }

    @Test("…and the browser's run is not vacuous: a checker that drops a reason's remedy fails it there")
    func chromiumRunCatchesABrokenChecker() throws {
        let content = SiteFixture.content, asOf = SiteFixture.referenceDate
        let requests = Counterexamples(catalog: content.catalog, asOf: asOf).reached.map(\.request)
        let script = try String(contentsOfFile: Repository.path("templates/assets/checker.js"), encoding: .utf8)
        let broken = Scratch.folder() + "/checker.js"
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: broken).deletingLastPathComponent().path) }
        try script.replacingOccurrences(of: "remedy: ", with: "remedyCut: ").write(
            toFile: broken, atomically: true, encoding: .utf8)
        #expect(script.contains("remedy: "), "the edit below changes the script")
        let (status, output) = try Self.runChromium(content, asOf: asOf, requests: requests, checker: broken)
        #expect(status != 0)
        #expect(output.contains("MISMATCH"), "\(output)")
    }

    @Test("Every request the test vectors reach, and 10,000 random ones, get the rule core's exact answer")
    func checkerEqualsRuleCore() throws {
        let content = SiteFixture.content, asOf = SiteFixture.referenceDate
        let vectors = Counterexamples(catalog: content.catalog, asOf: asOf).reached.map(\.request)
        let requests = vectors + Self.randomRequests(content.catalog, count: 10_000, seed: 2026)
        let core = RuleCore(catalog: content.catalog)
        #expect(requests.filter { $0.migration != nil }.count > 1_000, "migrations are asked")
        #expect(requests.contains { $0.migration != nil && core.plan($0).steps.count == 2 }, "and plans of two steps")
        let (status, output) = try Self.runNode(content, asOf: asOf, requests: requests)
        #expect(status == 0, "\(output)")
        #expect(output.contains("\(requests.count) requests, 0 mismatches"), "\(output)")
        #expect(vectors.count > 50)
    }

    @Test("The same holds on random models: names that need escaping, variants, any withdrawal date")
    func checkerEqualsRuleCoreOnRandomModels() throws {
        for seed in [UInt64(3), 11, 29] {
            let (content, asOf) = RandomModel.make(seed: seed, size: 3...8)
            let requests = Self.randomRequests(content.catalog, count: 1_000, seed: seed)
            let (status, output) = try Self.runNode(content, asOf: asOf, requests: requests)
            #expect(status == 0, "seed \(seed): \(output)")
        }
    }

    @Test("…and the comparison is not vacuous: a checker that joins a list of names differently fails it")
    func comparisonCatchesADifference() throws {
        let folder = Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = try String(contentsOfFile: Repository.path("templates/assets/checker.js"), encoding: .utf8)
        let broken = original.replacingOccurrences(of: #"join(", ") + " and " + names"#, with: #"join(", ") + ", " + names"#)
        #expect(broken != original)
        try broken.write(toFile: folder + "/checker.js", atomically: true, encoding: .utf8)
        let content = SiteFixture.content
        let requests = Self.randomRequests(content.catalog, count: 500, seed: 7)
        let (status, output) = try Self.runNode(
            content, asOf: SiteFixture.referenceDate, requests: requests,
            checker: folder + "/checker.js")
        #expect(status == 1, "\(output)")
        #expect(output.contains("MISMATCH"))
    }

    @Test("A rule added and a message reworded in the model reach the checker with no change to its script")
    func checkerFollowsTheModel() throws {
        let folder = try SiteFixture.contentCopy(editing: "rules.yaml") { rules in
            let reworded = rules.replacingOccurrences(
                of: "The subscription is {{status}}; only an active subscription can be upgraded.",
                with: "Only an active subscription moves; this one is {{status}}.")
            return reworded.replacingOccurrences(
                of: "\nadvisories:",
                with: """

                      - id: UPG-9
                        code: withdrawn-target-program
                        when: {legacy-withdrawn: "yes", target-adds-services: "yes"}
                        title: No services are added to a withdrawn program.
                        remedy: Offer the matching new commerce offer instead.
                        source: Add licenses or more services, a test of the checker
                        message: >-
                          {{from.program.name}} stopped adding services on {{from.program.withdrawnFrom}};
                          {{to.name}} would add {{addedServices}}.

                    advisories:
                    """)
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = SiteFixture.load(folder)
        #expect(content.catalog.logic.rules.map(\.code.rawValue).last == "withdrawn-target-program")
        let requests = Self.randomRequests(content.catalog, count: 2_000, seed: 99)
        let decisions = requests.map(RuleCore(catalog: content.catalog).decide)
        let messages = decisions.flatMap(\.reasons).map(\.message)
        #expect(messages.contains { $0.hasPrefix("Only an active subscription moves; this one is ") })
        #expect(messages.contains { $0.hasPrefix("legacy stopped adding services on 2022-03-01; ") })
        let (status, output) = try Self.runNode(content, asOf: SiteFixture.referenceDate, requests: requests)
        #expect(status == 0, "\(output)")
        #expect(output.contains("\(requests.count) requests, 0 mismatches"), "\(output)")
    }
}
