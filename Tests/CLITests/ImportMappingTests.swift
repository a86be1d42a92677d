import Foundation
import TestSupport
import Testing

/// `import offer-matrix` of the NCE Mapping tab of a legacy offer matrix: each legacy offer the
/// model has gets its new-commerce equivalent from the partner's mapping, in place of the one
/// offers.yaml names, and the migration is decided by it.
@Suite("import offer-matrix reads the legacy matrix's NCE Mapping tab")
struct ImportMappingTests {
    static let header = #""Offer ID","Offer Display Name","Product Sku Id","Migration Enabled""#

    private func setUp(_ rows: [String]) throws -> (content: String, file: String) {
        let content = try Scratch.copy(of: CLIRunner.repository + "/content")
        let file = URL(fileURLWithPath: content).deletingLastPathComponent().path + "/mapping.csv"
        try ([Self.header] + rows).joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        return (content, file)
    }

    private func migration(of offer: String, in content: String) throws -> [String: Any] {
        let result = try CLIRunner.run([
            "explain", "--content", content, "--format", "json", "--migrate", "--from", offer, "--as-of", "2026-12-01",
        ])
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    @Test("A mapped offer migrates to the mapping's equivalent, as the mapping enables it; others are counted")
    func mappingStandsInPlace() throws {
        let (content, file) = try setUp([
            // Microsoft's own example row (facts table of the migration page): an offer this model does not have.
            #""16c9f982-a827-4003-a88e-e75df1927f27","Azure Active Directory Premium P1","CFQ7TTC0LFLS/0002","Yes""#,
            #""a-1","Microsoft 365 Business Basic","CFQ7TTC0LDPB:0001","No""#,
            #""a-2","Office 365 Business Premium","CFQ7TTC0LCHC/0002","yes""#,
            #""a-3","Office 365 Enterprise E3","CFQ7TTC0ZZZZ/0001","Yes""#,
        ])
        #expect(try migration(of: "m365-business-basic", in: content)["to"] as? String == "nce-m365-business-basic")
        let result = try CLIRunner.run(["import", "offer-matrix", file, "--content", content])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Read 4 rows of the NCE Mapping tab"), "\(result.stdout)")
        #expect(
            result.stdout.contains(
                "2 legacy offers mapped: m365-business-basic → nce-m365-business-standard, "
                    + "m365-business-standard → nce-m365-business-premium"), "\(result.stdout)")
        #expect(result.stdout.contains("1 row of legacy offers the model does not have"))
        #expect(result.stdout.contains("1 row of SKUs no new-commerce offer of the model has"))
        let basic = try migration(of: "m365-business-basic", in: content)
        #expect(basic["to"] as? String == "nce-m365-business-standard")
        #expect((basic["reasons"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["migration-not-enabled"])
        let standard = try migration(of: "m365-business-standard", in: content)
        #expect(standard["to"] as? String == "nce-m365-business-premium", "a former name finds today's offer")
        #expect(standard["verdict"] as? String == "eligible")
        let again = try CLIRunner.run(["import", "offer-matrix", file, "--content", content])
        #expect(again.stdout.contains("nothing changed"), "\(again.stdout)")
        let offers = try CLIRunner.run(["offers", "m365-business-basic", "--content", content, "--format", "json"])
        let listed = try JSONSerialization.jsonObject(with: Data(offers.stdout.utf8)) as? [[String: Any]]
        #expect(listed?.first?["equivalent"] as? String == "nce-m365-business-standard", "\(offers.stdout)")
        #expect(try CLIRunner.run(["check", "--content", content]).status == 0)
    }

    @Test("A broken mapping is refused with every problem at its cell, and nothing is written")
    func brokenMapping() throws {
        let (content, file) = try setUp([
            #""a-1","Microsoft 365 Business Basic","CFQ7TTC0LDPB-0001","Yes""#,
            #""a-2","Microsoft 365 Business Standard","CFQ7TTC0LCHC/0002","maybe""#,
            #""a-3","","CFQ7TTC0LCHC/0002","No""#,
            #""a-4","Business Basic","CFQ7TTC0LCHC/0002","Yes""#,
            #""a-5","Microsoft 365 Business Basic","CFQ7TTC0LCHC/0002","No""#,
        ])
        let result = try CLIRunner.run(["import", "offer-matrix", file, "--content", content, "--program", "legacy"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("mapping.csv:2:38: error: not a product and SKU id"), "\(result.stderr)")
        #expect(result.stderr.contains("mapping.csv:3:61: error: MigrationEnabled 'maybe' is not Yes or No"))
        #expect(result.stderr.contains("mapping.csv:4:7: error: the offer's name is empty"))
        #expect(result.stderr.contains("mapping.csv:6:7: error: 'Microsoft 365 Business Basic' is mapped again"))
        #expect(result.stderr.contains("4 problems"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: content + "/nce-mapping.yaml"))
        let missing = try setUp([])
        try #"Offer Display Name,Migration Enabled"#.write(toFile: missing.file, atomically: true, encoding: .utf8)
        let columns = try CLIRunner.run(["import", "offer-matrix", missing.file, "--content", missing.content])
        #expect(columns.stderr.contains("no column ProductSkuId (or ProductId and SkuId)"), "\(columns.stderr)")
    }
}
