import Foundation
import TestSupport
import Testing

/// `import offer-matrix` reads a partner's download into `content/offer-matrix.yaml`: each test
/// imports a matrix into a copy of the fixture's content and asks the rule core what it now says.
@Suite("import offer-matrix reads the partner's offer matrix into the model")
struct ImportCommandTests {
    static let header =
        #""ProductTitle","ProductId","SkuId","SkuTitle","MinLicenses","MaxLicenses","ProductSkuConversion","Description","AllowedCountries" "#
    static let source = "Get a SKU by ID, a test matrix"

    /// A copy of the fixture's content and a matrix file beside it.
    private func setUp(_ matrix: String) throws -> (content: String, file: String) {
        let content = try Scratch.copy(of: CLIRunner.repository + "/content")
        let file = URL(fileURLWithPath: content).deletingLastPathComponent().path + "/matrix.csv"
        try matrix.write(toFile: file, atomically: true, encoding: .utf8)
        return (content, file)
    }

    private func importing(_ file: String, into content: String, _ extra: [String] = []) throws -> CLIRunner.Result {
        try CLIRunner.run(["import", "offer-matrix", file, "--content", content, "--source", Self.source] + extra)
    }

    private func explain(_ arguments: [String], in content: String) throws -> (verdict: String, reasons: [String]) {
        let result = try CLIRunner.run(["explain", "--content", content, "--format", "json"] + arguments)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        let reasons = (json["reasons"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        return (json["verdict"] as? String ?? "none: \(result.stderr)", reasons)
    }

    @Test("A ProductSkuConversion target becomes an upgrade path, and a SKU no offer has becomes an offer")
    func conversionsBecomePaths() throws {
        let (content, file) = try setUp(
            [
                Self.header,
                #""Microsoft 365 Business Standard","CFQ7TTC0LDPB","0001","Microsoft 365 Business Standard","1","300","CFQ7TTC0LF8S/0001","","""#,
                #""Office 365 E5","CFQ7TTC0LF8S","0001","Office 365 E5 without Audio Conferencing","1","","","","AD;GB""#,
            ].joined(separator: "\n"))
        let before = try explain(["--from", "nce-m365-business-standard", "--to", "nce-o365-e3"], in: content)
        let result = try importing(file, into: content)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains("1 new offer only the matrix has (office-365-e5-without-audio-conferencing)"),
            "\(result.stdout)")
        let after = try explain(
            ["--from", "nce-m365-business-standard", "--to", "Office 365 E5 without Audio Conferencing"], in: content)
        #expect(after.verdict == "eligible", "\(after)")
        let backwards = try explain(
            ["--from", "office-365-e5-without-audio-conferencing", "--to", "nce-m365-business-standard"], in: content)
        #expect(backwards.reasons == ["path-not-supported"], "no conversion listed the other way: \(backwards)")
        #expect(try explain(["--from", "nce-m365-business-standard", "--to", "nce-o365-e3"], in: content) == before)
        let check = try CLIRunner.run(["check", "--content", content])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test("Importing the same matrix again changes nothing")
    func reimportIsIdempotent() throws {
        let (content, file) = try setUp(
            [
                Self.header,
                #""Microsoft 365 Business Basic","CFQ7TTC0LH18","0001","Microsoft 365 Business Basic","1","300","CFQ7TTC0LDPB:0001, CFQ7TTC0LX01/0001","","""#,
                #""Test","CFQ7TTC0LX01","0001","Test Offer One","1","","","","""#,
            ].joined(separator: "\r\n"))
        #expect(try importing(file, into: content).status == 0)
        let written = try Data(contentsOf: URL(fileURLWithPath: content + "/offer-matrix.yaml"))
        let again = try importing(file, into: content)
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing changed"), "\(again.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: content + "/offer-matrix.yaml")) == written)
    }

    @Test("A seat limit and plans from the matrix reach the rule core; hand-written names and aliases stay")
    func saleFactsReachTheRules() throws {
        let header = #"ProductId,SkuId,SkuTitle,MaxLicenses,ProductSkuConversion,TermDuration,BillingPlan"#
        let (content, file) = try setUp(
            [
                "\u{FEFF}" + header,
                #"CFQ7TTC0LDPB,0001,"Microsoft 365 Business Standard (NCE)",,CFQ7TTC0LCHC/0002,P1Y,Monthly"#,
                #"CFQ7TTC0LDPB,0001,"Microsoft 365 Business Standard (NCE)",,CFQ7TTC0LCHC/0002,P1M,Monthly"#,
                #"CFQ7TTC0LCHC,0002,"Microsoft 365 Business Premium",250,,P1Y,Monthly"#,
                #"CFQ7TTC0LCHC,0002,"Microsoft 365 Business Premium",250,,P1Y,Annual"#,
            ].joined(separator: "\n"))
        let offersBefore = try String(contentsOfFile: content + "/offers.yaml", encoding: .utf8)
        let result = try importing(file, into: content)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: content + "/offers.yaml", encoding: .utf8) == offersBefore)
        let pair = ["--from", "nce-m365-business-standard", "--to", "nce-m365-business-premium"]
        #expect(try explain(pair + ["--seats", "260", "--of", "260"], in: content).reasons == ["target-seat-limit"])
        #expect(try explain(pair + ["--to-term", "P3Y", "--to-billing", "annual"], in: content).reasons == ["term-not-offered"])
        #expect(try explain(pair, in: content).verdict == "eligible")
        let offers = try CLIRunner.run(["offers", "--content", content, "--format", "json"])
        #expect(offers.stdout.contains(#""Microsoft 365 Business Standard (NCE)""#), "the matrix's title is an alias")
        #expect(offers.stdout.contains(#""name": "Microsoft 365 Business Standard""#), "the hand-written name stays")
    }

    @Test("A broken matrix is refused whole, with every problem at its line and column")
    func brokenMatrixIsRefused() throws {
        let (content, file) = try setUp(
            [
                Self.header,
                #""Basic","CFQ7TTC0LH18","00-1","Microsoft 365 Business Basic","1","lots","CFQ7TTC0LDPB/0001","","""#,
                #""Standard","CFQ7TTC0LDPB","0001","Microsoft 365 Business Standard","1","","CFQ7TTC0LZZZ/0001","","G1""#,
                #""Short","CFQ7TTC0LX01","0001""#,
                #""Open","CFQ7TTC0LX02","0001","An "open" quote","1","","","","""#,
            ].joined(separator: "\n"))
        let result = try importing(file, into: content)
        #expect(result.status != 0)
        #expect(result.diagnosed("matrix.csv:2:24", "import.cell", naming: "00-1"), "\(result.stderr)")
        #expect(result.diagnosed("matrix.csv:2:66", "import.cell", naming: "lots"), "\(result.stderr)")
        #expect(result.diagnosed("matrix.csv:3:75", "import.unknown-sku", naming: "CFQ7TTC0LZZZ/0001"), "\(result.stderr)")
        #expect(result.diagnosed("matrix.csv:3:98", "import.cell", naming: "G1"), "\(result.stderr)")
        #expect(result.diagnosed("matrix.csv:4:30", "import.csv"), "\(result.stderr)")
        #expect(result.diagnosed("matrix.csv:5:35", "import.csv"), "\(result.stderr)")
        #expect(result.stderr.contains("6 problems in"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: content + "/offer-matrix.yaml"), "nothing was written")
    }

    @Test("A matrix without a column the import needs names it, and what the header has")
    func missingColumn() throws {
        let (content, file) = try setUp("ProductId,SkuId,Title\nCFQ7TTC0LH18,0001,Basic\n")
        let result = try importing(file, into: content)
        #expect(result.status != 0)
        #expect(result.diagnosed("matrix.csv:1:1", "import.column", naming: "SkuTitle"), "\(result.stderr)")
        #expect(result.diagnosed("matrix.csv:1:1", "import.column", naming: "ProductSkuConversion"), "\(result.stderr)")
    }

    @Test("An import the model cannot load leaves the last import as it was")
    func failedLoadKeepsTheOldFile() throws {
        let (content, file) = try setUp(
            [Self.header, #""B","CFQ7TTC0LH18","0001","Microsoft 365 Business Basic","1","","","","""#].joined(
                separator: "\n"))
        #expect(try importing(file, into: content).status == 0)
        let written = try Data(contentsOf: URL(fileURLWithPath: content + "/offer-matrix.yaml"))
        try [Self.header, #""B","CFQ7TTC0LH18","0001","Microsoft 365 Business Basic","1","20","","","""#].joined(
            separator: "\n"
        ).write(toFile: file, atomically: true, encoding: .utf8)
        // The fixture's site.yaml lists no "Get an offer matrix": the default citation names no source.
        let result = try CLIRunner.run(["import", "offer-matrix", file, "--content", content])
        #expect(result.status != 0)
        #expect(result.diagnosed("offer-matrix.yaml:", "content.unknown-id"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: content + "/offer-matrix.yaml")) == written)
    }

    @Test("A file that is not UTF-8 (a spreadsheet's own code page) is refused at its first bad byte")
    func notUTF8() throws {
        let (content, file) = try setUp("")
        var bytes = Array((Self.header + "\n\"B\",\"CFQ7TTC0LH18\",\"0001\",\"Caf").utf8)
        bytes += [0xE9] + Array("\",\"1\",\"\",\"\",\"\",\"\"\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let result = try importing(file, into: content)
        #expect(result.status != 0)
        #expect(result.diagnosed("matrix.csv:2:31", "import.csv"), "\(result.stderr)")
        #expect(result.stderr.contains("1 problem in"), "one problem, not a second about the empty file: \(result.stderr)")
    }

    @Test("A spreadsheet is refused with what to do instead")
    func spreadsheetIsRefused() throws {
        let result = try CLIRunner.run(["import", "offer-matrix", "matrix.xlsx"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("save the offer matrix sheet as \"CSV UTF-8\""), "\(result.stderr)")
    }
}
