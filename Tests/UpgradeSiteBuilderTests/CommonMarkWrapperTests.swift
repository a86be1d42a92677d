import Testing
@testable import UpgradeSiteBuilder
import UpgradeSiteContract
import TestSupport

@Suite("The cmark wrapper")
struct CommonMarkWrapperTests {
    @Test("The spec holds its 652 examples")
    func corpusSize() {
        #expect(SpecExample.all.count == 652)
    }

    @Test("Parsing and rendering through the node tree gives cmark's own bytes, safe and unsafe")
    func treeRoundTripMatchesReference() {
        var mismatches: [Int] = []
        for example in SpecExample.all {
            for unsafe in [false, true] {
                let ours = MarkdownDocument(parsing: example.markdown, unsafeHTML: unsafe).renderHTML()
                if ours != MarkdownDocument.referenceHTML(example.markdown, unsafeHTML: unsafe) {
                    mismatches.append(example.number)
                }
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test("libcmark in unsafe mode agrees with the spec's expected HTML")
    func referenceMatchesSpec() {
        let failing = SpecExample.all.filter { MarkdownDocument.referenceHTML($0.markdown, unsafeHTML: true) != $0.html }
        #expect(failing.map(\.number) == [], "examples that libcmark renders differently from the spec")
    }
}
