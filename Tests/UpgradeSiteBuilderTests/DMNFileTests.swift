import Foundation
import Testing
import TestSupport
import UpgradeBase
import UpgradeCore
@testable import UpgradeSiteBuilder
import UpgradeSiteContract

/// Each decision table is also a DMN 1.3 file, written as the contract says (DESIGN.md §3,
/// third wave). scripts/check-dmn proves the files with the official schema and pyDMNrules;
/// these tests hold the build to the contract's details.
@Suite("Decision tables as DMN files")
struct DMNFileTests {
    static let files = Result { try SiteFixture.build() }

    @Test("Every decision table page has its .dmn beside it, in the manifest as kind rules, linked from the page")
    func everyTableHasItsFile() throws {
        let files = try Self.files.get()
        let manifest = SiteFixture.file("manifest.json", in: files)
        for table in SiteFixture.content.catalog.tables {
            let path = SitePaths.dmn(table.id)
            #expect(files.contains { $0.path == path && $0.kind == .rules }, "\(path)")
            #expect(manifest.contains(#""path": "\#(path)""#), "\(path) in the manifest")
            for format in PageFormat.allCases {
                let page = SiteFixture.file(SitePaths.table(table.id).file(format), in: files)
                #expect(page.contains("../\(path)") && page.contains("Open in a DMN modeler"), "\(table.id) \(format)")
            }
        }
    }

    @Test("Inputs are conditions in camelCase with required inputData; rules are labelled by id; - for any, null for none")
    func contractDetails() throws {
        let catalog = SiteFixture.content.catalog
        let table = try #require(catalog.tables.first { $0.id.rawValue == "eligibility" })
        let xml = DMNFile.xml(table, logic: catalog.logic, rules: catalog.rule)
        #expect(xml.contains(#"<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/""#))
        #expect(xml.contains(#"hitPolicy="RULE ORDER""#))
        #expect(DMNContract.inputName(.listedPath) == "listedPath")
        #expect(DMNContract.inputName(.withdrawn) == "legacyWithdrawn")
        for input in table.inputs {
            let name = DMNContract.inputName(input.condition)
            #expect(xml.contains("<text>\(name)</text>"))
            #expect(xml.contains(#"<inputData id="input_\#(name)" name="\#(name)""#))
            #expect(xml.contains(##"<requiredInput href="#input_\##(name)"/>"##))
        }
        for row in table.rules { #expect(xml.contains(#"<rule id="rule_\#(row.id)" label="\#(row.id)">"#)) }
        // UPG-1 tests two inputs and leaves three to any; the eligible row gives no reason.
        #expect(
            xml.components(separatedBy: "<text>-</text>").count - 1
                == table.rules.map { table.inputs.count - $0.inputs.count }.reduce(0, +))
        #expect(xml.contains("<text>null</text>"))
        #expect(xml.contains("<text>\"path-not-supported\"</text>"))
        #expect(xml.contains("<dmndi:DMNDiagram") && xml.contains("<annotationEntry>"))
    }

    @Test("A value that would need escaping as a FEEL string is refused at the table's file")
    func unsafeValuesAreRefused() throws {
        let catalog = SiteFixture.content.catalog
        let table = try #require(catalog.tables.first)
        let row = try #require(table.rules.first)
        var outputs = row.outputs
        outputs[table.outputs[0].conclusion] = #"say "no""#
        let broken = DecisionTable(
            id: table.id, title: table.title, summary: table.summary, hitPolicy: table.hitPolicy, inputs: table.inputs,
            outputs: table.outputs,
            rules: [TableRule(id: row.id, inputs: row.inputs, outputs: outputs, annotation: row.annotation)]
                + table.rules.dropFirst())
        let problems = Diagnostics()
        DMNFile.check([broken], logic: catalog.logic(of:), sourceMap: SiteFixture.content.sourceMap, into: problems)
        let found = problems.sorted
        #expect(found.count == 1 && found.first?.code == .invalidValue && found.first?.names(#"say "no""#) == true)
        #expect(found.first?.location.file.hasSuffix(".yaml") == true, "\(String(describing: found.first?.location))")
        let clean = Diagnostics()
        DMNFile.check(catalog.tables, logic: catalog.logic(of:), sourceMap: SiteFixture.content.sourceMap, into: clean)
        #expect(clean.sorted.isEmpty)
    }
}
