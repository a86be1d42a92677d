import Foundation
import Testing
import UpgradeBase
@testable import UpgradeVerify

/// Markup that keeps a statement in the parsed tree while a browser hides, restyles or replaces
/// it: `verify` must not read as "ok" what a reader never sees. Each edit changes the reference
/// site's grid page and rehashes the manifest, as a careful tamperer would.
@Suite("verify reads a page as a browser shows it")
struct HiddenMarkupTests {
    static let page = "matrix/legacy.html"
    static let row = #"<tr><th scope="row" data-offer="m365-business-basic">"#

    /// The grid page with the row of m365-business-basic wrapped in `open` … `close`.
    static func wrappingRow(_ open: String, _ close: String) throws -> VerifyRun {
        try VerifyTests.verify(editing: page) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasPrefix(row) ? open + line + close : String(line)
            }.joined(separator: "\n")
        }
    }

    static func inserting(_ markup: String, after anchor: String) throws -> VerifyRun {
        try VerifyTests.verify(editing: page) { $0.replacingOccurrences(of: anchor, with: anchor + markup) }
    }

    static func expectCaught(_ run: VerifyRun, _ code: DiagnosticCode, _ words: String..., why: String) {
        #expect(
            !run.problems.filter { $0.code == code && $0.location.file.hasSuffix("/" + page) && $0.mentions(words) }.isEmpty,
            "\(why): \(run.problems)")
    }

    @Test("A matrix row inside <template>, <noscript>, <noframes> or a closed <dialog> fails verify")
    func rowsBrowsersDoNotShowFail() throws {
        Self.expectCaught(try Self.wrappingRow("<template>", "</template>"), .element, "template", why: "template")
        Self.expectCaught(try Self.wrappingRow("<noscript>", "</noscript>"), .element, "noscript", why: "noscript")
        Self.expectCaught(try Self.wrappingRow("<noframes>", "</noframes>"), .element, "noframes", why: "noframes")
        Self.expectCaught(try Self.wrappingRow("<dialog>", "</dialog>"), .element, "dialog", why: "dialog")
    }

    @Test("A hidden row, or one hidden by a style rule in the page or on the row, fails verify")
    func hiddenRowsFail() throws {
        let hidden = try VerifyTests.verify(editing: Self.page) {
            $0.replacingOccurrences(of: Self.row, with: Self.row.replacingOccurrences(of: "<tr>", with: "<tr hidden>"))
        }
        Self.expectCaught(hidden, .element, "hidden", why: "hidden")
        let styled = try VerifyTests.verify(editing: Self.page) {
            $0.replacingOccurrences(
                of: Self.row, with: Self.row.replacingOccurrences(of: "<tr>", with: #"<tr style="display:none">"#))
        }
        Self.expectCaught(styled, .attribute, "style", why: "style attribute")
        let sheet = try Self.inserting("<style>.upgrade-matrix tr:nth-child(3) { display: none }</style>", after: "<head>")
        Self.expectCaught(sheet, .element, "display", why: "style element")
    }

    @Test("A ✓ in <font color>, a <meta> refresh, a <base href> and a page-wide <iframe> fail verify")
    func replacedContentFails() throws {
        let font = try VerifyTests.verify(editing: Self.page) {
            $0.replacingOccurrences(
                of: #"<span class="symbol" aria-hidden="true">✓⚠</span>"#,
                with: ##"<font color="#fff"><span class="symbol" aria-hidden="true">✓⚠</span></font>"##)
        }
        Self.expectCaught(font, .element, "font", why: "font")
        let refresh = try Self.inserting(#"<meta http-equiv="refresh" content="0; url=../fake.html">"#, after: "<head>")
        Self.expectCaught(refresh, .attribute, "http-equiv", why: "refresh")
        Self.expectCaught(
            try Self.inserting(#"<base href="https://example.com/">"#, after: "<head>"), .element, "base", why: "base")
        let frame = try Self.inserting(
            #"<iframe src="../fake.html" width="100%" height="100%"></iframe>"#, after: #"<body class="kind-matrix">"#)
        Self.expectCaught(frame, .element, "iframe", why: "iframe")
        let object = try Self.inserting(
            #"<object data="../fake.html"></object><embed src="../fake.html">"#, after: #"<body class="kind-matrix">"#)
        Self.expectCaught(object, .element, "object", why: "object")
        Self.expectCaught(object, .element, "embed", why: "embed")
    }

    @Test("The site's own <noscript> note and the checker's hidden form pass")
    func ownMarkupPasses() throws {
        let run = try VerifyTests.verify()
        #expect(run.problems.isEmpty, "\(run.problems)")
    }
}
