import Mustache
import Testing
import UpgradeContent
@testable import UpgradeSiteBuilder
import UpgradeSiteContract
import TestSupport

@Suite("Everything from content is escaped")
struct EscapingTests {
    static let hostile = "<script>x</script> | A"

    static func hostileBuild() throws -> [GeneratedFile] {
        let folder = try SiteFixture.contentCopy(editing: "offers.yaml") {
            $0.replacingOccurrences(
                of: "name: Microsoft 365 Apps for business\n",
                with: "name: \"\(hostile)\"\n")
        }
        return try SiteFixture.build(try ContentLoader.load(from: folder))
    }

    @Test("An offer named <script>x</script> | A renders inert in every HTML page")
    func htmlIsInert() throws {
        let files = try Self.hostileBuild()
        let matrix = SiteFixture.file("matrix/legacy.html", in: files)
        #expect(matrix.contains("&lt;script&gt;x&lt;/script&gt; | A"))
        for file in files where file.path.hasSuffix(".html") {
            #expect(!file.text.contains("<script>"), "\(file.path)")
        }
    }

    @Test("The Markdown grid and list keep their columns: the pipe is escaped, and so is the tag")
    func markdownTablesStayIntact() throws {
        let markdown = SiteFixture.file("matrix/legacy.md", in: try Self.hostileBuild())
        #expect(markdown.contains("\\<script\\>x\\</script\\> \\| A"))
        #expect(!markdown.contains("<script>"))
        for table in ["| From ╲ To |", "| From | Possible upgrades |"] {
            let lines = markdown.split(separator: "\n").map(String.init)
            let start = try #require(lines.firstIndex { $0.hasPrefix(table) })
            let rows = lines[start...].prefix { $0.hasPrefix("|") }
            let columns = Set(rows.map(Self.unescapedPipes))
            #expect(columns.count == 1, "every row of \(table) has the same number of cells")
        }
    }

    static func unescapedPipes(_ line: String) -> Int {
        var count = 0, escaped = false
        for character in line {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }

    @Test("Markdown escaping guards every syntax character and line starts")
    func markdownEscape() {
        #expect(MarkdownRenderer.escape("a|b*c_d[e]f<g>") == "a\\|b\\*c\\_d\\[e\\]f\\<g\\>")
        #expect(MarkdownRenderer.guardBlockStart("- any") == "\\- any")
        #expect(MarkdownRenderer.guardBlockStart("1. first") == "1\\. first")
        #expect(MarkdownRenderer.guardBlockStart("plain") == "plain")
    }

    @Test("A template's own {{name}} escapes as the site does: a quote that a combining mark follows is still a quote")
    func mustacheEscapesAsTheSite() {
        let hostile = "Apps\"\u{301} onmouseover=alert(1) x=\"<b>"
        let template = try! MustacheTemplate(string: SiteEscaping.pragma + "<meta content=\"{{name}}\">")
        let page = template.render(["name": hostile])
        #expect(page == "<meta content=\"" + HTML.escapeAttribute(hostile) + "\">")
        #expect(page.unicodeScalars.filter { $0 == "\"" }.count == 2)
        // Mustache's own escaping, by character, is what this replaces: it lets that quote through.
        let plain = try! MustacheTemplate(string: "<meta content=\"{{name}}\">").render(["name": hostile])
        #expect(plain.unicodeScalars.filter { $0 == "\"" }.count > 2)
    }

    @Test("HTML escaping covers text and attributes")
    func htmlEscape() {
        #expect(HTML.escape("<a href=\"x\">&</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
        #expect(HTML.escapeAttribute("it's") == "it&#39;s")
    }

    /// Swift sees `"` and a combining mark after it as one character that is not `"`; a browser
    /// sees a quote, which would end the attribute and let the rest become attributes of its own.
    @Test("A quote, angle or ampersand is escaped even when a combining mark follows it")
    func combiningMarksDoNotHideSyntax() throws {
        let mark = "\u{301}", quote = "\""
        let name = "Basic" + quote + mark + " onmouseover=" + quote + "alert(1)" + mark + "<" + mark + "b>"
        let escaped = "Basic&quot;" + mark + " onmouseover=&quot;alert(1)" + mark + "&lt;" + mark + "b&gt;"
        #expect(HTML.escapeAttribute(name) == escaped)
        #expect(TemplateMemo.escape(name) == escaped)
        #expect(MarkdownRenderer.escape("*" + mark + "a*" + mark) == "\\*" + mark + "a\\*" + mark)
        // By scalar: a string search by character would not find the quote the mark joins.
        let yamlName = String(String.UnicodeScalarView(name.unicodeScalars.flatMap { $0 == "\"" ? ["\\", $0] : [$0] }))
        let yaml = "name: " + quote + yamlName + quote + "\n"
        let folder = try SiteFixture.contentCopy(editing: "offers.yaml") {
            $0.replacingOccurrences(of: "name: Microsoft 365 Apps for business\n", with: yaml)
        }
        let files = try SiteFixture.build(try ContentLoader.load(from: folder))
        #expect(files.contains { $0.text.contains("onmouseover=&quot;alert") })
        for file in files where file.path.hasSuffix(".html") {
            #expect(!file.text.contains(quote + mark + " onmouseover"), "\(file.path)")
        }
    }
}
