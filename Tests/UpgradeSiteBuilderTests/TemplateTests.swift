import Foundation
import Testing
import UpgradeBase
import UpgradeContent
@testable import UpgradeSiteBuilder
import UpgradeSiteContract
import TestSupport

/// Templates are read before use: a name no page gives, a missing partial, a
/// partial that includes itself, or a file that is not UTF-8 is an error at
/// the template's file, line and column, never an empty heading.
@Suite("Strict templates")
struct TemplateTests {
    /// The problems of a copy of the repository's templates with one file replaced.
    static func problems(replacing file: String, with text: String? = nil, bytes: [UInt8]? = nil) throws -> [Diagnostic] {
        let folder = try Scratch.copy(of: Repository.path("templates"))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        if let text { try text.write(toFile: folder + "/" + file, atomically: true, encoding: .utf8) }
        if let bytes { try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + file)) }
        do {
            _ = try TemplateSet.load(from: folder)
            return []
        } catch {
            return error.diagnostics.map { diagnostic in
                Diagnostic(
                    diagnostic.severity, diagnostic.code, diagnostic.message,
                    at: SourceLocation(
                        file: String(diagnostic.location.file.split(separator: "/").last!), line: diagnostic.location.line,
                        column: diagnostic.location.column))
            }
        }
    }

    @Test("A misspelt variable is an error at its tag, with the name it probably meant")
    func misspeltVariable() throws {
        let problems = try Self.problems(replacing: "role.mustache", with: "<h1>{{titel}}</h1>\n{{{body}}}\n")
        #expect(problems.map { "\($0.location) \($0.code)" } == ["role.mustache:1:5 template.missing-variable"])
        #expect(problems.first?.message.hasSuffix("did you mean 'title'?") == true)
    }

    @Test("A missing partial is an error at its tag")
    func missingPartial() throws {
        let problems = try Self.problems(replacing: "page.mustache", with: "<h1>{{title}}</h1>\n  {{> factz}}\n")
        #expect(problems.map { "\($0.location) \($0.code)" } == ["page.mustache:2:3 template.missing"])
        #expect(problems.count == 1)
    }

    @Test("A partial that includes itself is an error, not a crash")
    func selfIncludingPartial() throws {
        let problems = try Self.problems(replacing: "facts.mustache", with: "{{#facts}}{{label}}{{/facts}}{{> facts}}")
        #expect(problems.map { "\($0.location) \($0.code)" } == ["facts.mustache:1:30 template.partial-cycle"])
    }

    @Test("A template that is not UTF-8 says so, rather than that it is missing")
    func notUTF8() throws {
        let problems = try Self.problems(replacing: "index.mustache", bytes: [0x3C, 0x68, 0x31, 0x3E, 0xFF, 0xFE])
        #expect(problems.map { "\($0.location) \($0.code)" } == ["index.mustache:1:1 content.unreadable"])
    }

    @Test("A link in templates/assets to a file elsewhere on the machine is refused, not published")
    func assetLinkOutsideIsRefused() throws {
        let folder = try Scratch.copy(of: Repository.path("templates"))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/assets/passwd", withDestinationPath: "/etc/passwd")
        let error = #expect(throws: DiagnosticError.self) { try TemplateSet.load(from: folder) }
        #expect(error?.diagnostics.map(\.location.file) == [folder + "/assets/passwd"])
        #expect(error?.diagnostics.first?.message.hasPrefix("this is a link to a file outside the folder") == true)
    }

    @Test("Every name the pages give the templates is in the vocabulary the check allows")
    func vocabularyCoversTheContexts() throws {
        let content = SiteFixture.content
        let context = ViewContext(content: content, asOf: SiteFixture.referenceDate)
        let navigation = Navigation(context: context)
        func names(_ value: Any) -> Set<String> {
            if let dictionary = value as? [String: Any] {
                return Set(dictionary.keys).union(dictionary.values.flatMap(names))
            }
            if let array = value as? [Any] { return Set(array.flatMap(names)) }
            return []
        }
        for page in SiteBuilder.pages(context, into: Diagnostics()) {
            let (pageContext, layout) = PageRenderer.contexts(
                page, templates: SiteFixture.templates, context: context,
                navigation: navigation)
            #expect(names(pageContext.mustache).isSubset(of: PageRenderer.pageNames), "\(page.path)")
            #expect(names(layout.mustache).union(["content"]).isSubset(of: PageRenderer.layoutNames), "\(page.path)")
        }
    }

    @Test("A prose heading never takes an id the layout uses")
    func headingIDsAvoidTheLayout() throws {
        #expect(SiteFixture.templates.layoutIDs.contains("main"))
        let renderer = HTMLRenderer(page: SitePaths.prose("p"), unsafeHTML: false, reservedIDs: ["main"])
        let html = renderer.render([
            .prose(
                markdown: ProseText("# Main\n\n## Main\n"), source: ProseSource(file: "p.md", firstLine: 1),
                embeds: [:])
        ])
        #expect(html.contains(#"<h1 id="main-1">"#))
        #expect(html.contains(#"<h2 id="main-2">"#))
        #expect(!html.contains(#"id="main""#))
    }
}
