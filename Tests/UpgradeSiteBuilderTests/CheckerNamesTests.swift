import Foundation
import Testing
import TestSupport
import UpgradeBase
import UpgradeContent
import UpgradeCore
@testable import UpgradeSiteBuilder

/// The checker resolves what an agent types by the model's own table of names (the checker's
/// data carries it) and folds a query as `Catalog.fold` does. Under Node.js it is held against
/// `Catalog.resolve` on every name of the model typed several ways, on near misses and on
/// strings that resolve to nothing.
@Suite("The checker resolves names as explain does")
struct CheckerNamesTests {
    /// What the resolver answers, in the shape `Tests/Checker/names.js` prints.
    static func expected(_ match: NameMatch, _ catalog: Catalog, query: String) -> JSONValue {
        switch match {
        case .ambiguous(let offers):
            // A shared name names each program's offer; read in that program, it resolves to it.
            .object([
                (
                    "shared",
                    .array(
                        offers.map { offer in
                            .object([
                                ("id", .string(offer.id.rawValue)), ("program", .string(offer.program.rawValue)),
                                (
                                    "offer",
                                    catalog.resolve(query, in: offer.program).offer.map { .string($0.id.rawValue) } ?? .null
                                ),
                            ])
                        })
                )
            ])
        case .offer(let offer): .object([("offer", .string(offer.id.rawValue)), ("note", .null)])
        case .formerly(let offer, let former):
            .object([("offer", .string(offer.id.rawValue)), ("note", .string(catalog.note(on: former, of: offer)))])
        case .differentProduct(let product): .object([("refusal", .string(catalog.refusal(of: product)))])
        case .unknown(let suggestion): .object([("suggestion", suggestion.map { .string($0.rawValue) } ?? .null)])
        }
    }

    /// Every name the catalogue knows, each typed several ways, some near misses, and noise.
    static func queries(_ catalog: Catalog) -> [String] {
        let names =
            catalog.offers.flatMap(Catalog.names(of:))
            + catalog.differentProducts.flatMap { [$0.name] + $0.aliases }
        let typed = names.flatMap { name in
            [
                name, name.uppercased(), name.lowercased(), name.replacingOccurrences(of: " ", with: ""),
                name.replacingOccurrences(of: " ", with: " - "), "  \(name).", String(name.dropLast()),
                String(name.dropFirst(2)), name + "x",
            ]
        }
        return typed + ["", "BP", "E7", "ΣΊΣΥΦΟΣ", "σίσυφος", "İstanbul", "ß", "Ⅻ", "x\u{301}", "…", "🚀"]
    }

    static func runNode(_ catalog: Catalog, checker: String = Repository.path("templates/assets/checker.js")) throws -> (
        status: Int32, output: String
    ) {
        let folder = Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = CheckerData.file(catalog: catalog, asOf: SiteFixture.referenceDate)
        try Data(data.bytes).write(to: URL(fileURLWithPath: folder + "/checker-data.js"))
        try JSONValue.array(queries(catalog).map(JSONValue.string)).serialized()
            .write(toFile: folder + "/queries.json", atomically: true, encoding: .utf8)
        let node = Process()
        node.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        node.arguments = [
            "node", Repository.path("Tests/Checker/names.js"), folder + "/checker-data.js", checker, folder + "/queries.json",
        ]
        let output = Pipe()
        node.standardOutput = output
        node.standardError = output
        try node.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        node.waitUntilExit()
        return (node.terminationStatus, text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func wanted(_ catalog: Catalog) -> String {
        JSONValue.array(queries(catalog).map { expected(catalog.resolve($0), catalog, query: $0) }).serialized()
    }

    @Test("Every name, typed any way, and every near miss resolve in the checker as in explain")
    func checkerResolvesAsExplain() throws {
        let catalog = SiteFixture.content.catalog
        let (status, output) = try Self.runNode(catalog)
        #expect(status == 0, "\(output)")
        #expect(output == Self.wanted(catalog))
        #expect(Self.queries(catalog).count > 300)
    }

    @Test("The same holds on random models whose names need escaping")
    func checkerResolvesAsExplainOnRandomModels() throws {
        for seed in [UInt64(5), 17] {
            let catalog = RandomModel.make(seed: seed, size: 3...8, names: RandomModel.hostileNames).0.catalog
            let (status, output) = try Self.runNode(catalog)
            #expect(status == 0 && output == Self.wanted(catalog), "seed \(seed): \(output.prefix(400))")
        }
    }

    @Test("…and the comparison is not vacuous: a checker that folds away spacing only fails it")
    func comparisonCatchesADifference() throws {
        let folder = Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = try String(contentsOfFile: Repository.path("templates/assets/checker.js"), encoding: .utf8)
        let broken = original.replacingOccurrences(of: #"/[^\p{L}\p{N}]/gu"#, with: #"/\s/gu"#)
        #expect(broken != original)
        try broken.write(toFile: folder + "/checker.js", atomically: true, encoding: .utf8)
        let catalog = SiteFixture.content.catalog
        let (status, output) = try Self.runNode(catalog, checker: folder + "/checker.js")
        #expect(status == 0 && output != Self.wanted(catalog))
    }
}
