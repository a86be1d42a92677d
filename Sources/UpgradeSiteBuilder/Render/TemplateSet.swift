import UpgradeBase
import UpgradeSiteContract
import Foundation
import Mustache
import UpgradeContent

/// The Mustache templates of `templates/`: `layout` wraps every HTML page, and
/// each page kind has its own template for the body. Users edit them without
/// touching Swift; every file is parsed up front, and each error names its file and line.
package struct TemplateSet: Sendable {
    static let required = ["layout", "facts", "outline"] + PageKind.allCases.map(\.rawValue)

    private let library: MustacheLibrary
    private let memo: TemplateMemo
    /// Files under `assets/`, copied into the site as they are.
    let assets: [(path: String, data: Data)]
    /// The ids the layout gives its own elements, which no heading of a page may take.
    let layoutIDs: Set<String>
    /// Each template's text, by name: two sets with the same texts and assets render alike.
    private let texts: [String: String]
    /// `digest(of:)` for every kind, worked out once: each template's tags are read once, not
    /// once for every kind whose pages go through it.
    private let digests: [PageKind: String]

    private init(
        library: MustacheLibrary, assets: [(path: String, data: Data)], layoutIDs: Set<String>,
        texts: [String: String]
    ) {
        self.library = library
        memo = TemplateMemo(library: library)
        self.assets = assets
        self.layoutIDs = layoutIDs
        self.texts = texts
        let partials = texts.mapValues { TemplateCheck.tags(in: $0).filter { $0.kind == .partial }.map(\.name) }
        digests = Dictionary(
            uniqueKeysWithValues: PageKind.allCases.map { ($0, Self.digest(of: $0, texts: texts, partials: partials)) })
    }

    /// The templates of `directory`, each missing one (or the whole folder) taken from those the
    /// binary carries (`DefaultTemplates`), as Hugo looks a layout up in the site before the theme.
    package static func load(from directory: String) throws(DiagnosticError) -> TemplateSet {
        let problems = Diagnostics()
        var templates: [String: MustacheTemplate] = [:]
        var sources: [String: TemplateCheck.Source] = [:]
        let guardLinks = LinkedOutside(root: directory)
        for name in required {
            let path = directory + "/" + name + ".mustache"
            if FileManager.default.fileExists(atPath: path), guardLinks.leadsOutside(path) {
                problems.error(.linkedOutside, LinkedOutside.message, at: SourceLocation(file: path))
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) ?? builtIn(name + ".mustache") else {
                problems.error(
                    .templateMissing, "missing template '\(name)': every page kind needs one", at: SourceLocation(file: path))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.error(.unreadable, "the template is not UTF-8 text; save it as UTF-8", at: SourceLocation(file: path))
                continue
            }
            sources[name] = TemplateCheck.Source(path: path, text: text)
            do {
                templates[name] = try MustacheTemplate(string: SiteEscaping.pragma + text)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma stands on a line of its own, before the template's first.
                problems.error(
                    .templateSyntax, Self.explain(error.error),
                    at: SourceLocation(
                        file: path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber))
            } catch {
                problems.error(.templateSyntax, "template error: \(error)", at: SourceLocation(file: path))
            }
        }
        if !problems.hasErrors {
            TemplateCheck.check(
                sources, vocabulary: { $0 == "layout" ? PageRenderer.layoutNames : PageRenderer.pageNames },
                into: problems)
        }
        let assets = Self.assets(in: directory + "/assets", guardLinks: guardLinks, problems: problems)
        try problems.throwIfErrors()
        return TemplateSet(
            library: MustacheLibrary(templates: templates), assets: assets,
            layoutIDs: Self.ids(in: sources["layout"]?.text ?? ""), texts: sources.mapValues(\.text))
    }

    /// What an HTML page of `kind` is rendered through: the layout, the kind's own template,
    /// and every partial either includes, however deep, with their texts. A page needs
    /// rendering again when this changes, and not when another kind's template does.
    func digest(of kind: PageKind) -> String {
        digests[kind] ?? ""
    }

    private static func digest(of kind: PageKind, texts: [String: String], partials: [String: [String]]) -> String {
        var used: Set<String> = []
        var waiting = ["layout", kind.rawValue]
        while let name = waiting.popLast() {
            guard used.insert(name).inserted, texts[name] != nil else { continue }
            waiting += partials[name] ?? []
        }
        var fingerprint = Fingerprint()
        for name in used.sorted() {
            fingerprint.add(name)
            fingerprint.add(texts[name] ?? "")
        }
        return fingerprint.hex
    }

    func isSame(as other: TemplateSet) -> Bool {
        texts == other.texts && assets.map(\.path) == other.assets.map(\.path) && assets.map(\.data) == other.assets.map(\.data)
    }

    /// The page-kind template inside the layout. Values in `context` that hold
    /// HTML are inserted with `{{{…}}}`; everything else is escaped by Mustache.
    func render(kind: PageKind, page pageContext: TemplateObject, layout layoutContext: TemplateObject) -> String {
        var context = layoutContext
        context["content"] = .string(memo.render(pageContext, template: kind.rawValue))
        return memo.render(context, template: "layout")
    }

    /// The same page through Mustache alone, as `render` must give it.
    func renderDirectly(kind: PageKind, page pageContext: TemplateObject, layout layoutContext: TemplateObject) -> String {
        var context = layoutContext.mustache
        context["content"] = library.render(pageContext.mustache, withTemplate: kind.rawValue) ?? ""
        return library.render(context, withTemplate: "layout") ?? ""
    }

    /// The literal `id="…"` values of a template.
    static func ids(in text: String) -> Set<String> {
        var ids = Set<String>()
        var rest = Substring(text)
        while let start = rest.range(of: "id=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let id = rest[..<end]
            if !id.contains("{") { ids.insert(String(id)) }
            rest = rest[end...].dropFirst()
        }
        return ids
    }

    /// swift-mustache's parser errors, in words a template author can act on.
    static func explain(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "template error: \(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with another name than it was opened with"
        case .unfinishedName: return "a tag is not closed: '{{' has no matching '}}'"
        case .expectedSectionEnd: return "a section opened with {{#name}} or {{^name}} is never closed with {{/name}}"
        case .invalidSetDelimiter: return "the delimiters set with {{=…=}} are not valid"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "an inheritance section ({{<…}} or {{$…}}) is malformed: \(error)"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable:
            return "a configuration tag ({{% … }}) is not understood: \(error)"
        @unknown default:
            return "template error: \(error)"
        }
    }

    /// A file the binary carries, by its path under `templates/`.
    static func builtIn(_ path: String) -> Data? {
        DefaultTemplates.files.first { $0.path == path }.map { Data($0.text.utf8) }
    }

    /// The assets of `folder`, over the ones the binary carries: a file of the folder replaces the
    /// built-in one at its path.
    private static func assets(in folder: String, guardLinks: LinkedOutside, problems: Diagnostics) -> [(
        path: String, data: Data
    )] {
        var found = DefaultTemplates.files.filter { $0.path.hasPrefix("assets/") }
            .map { (path: $0.path, data: Data($0.text.utf8)) }
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return found }
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            let full = folder + "/" + relative
            if guardLinks.leadsOutside(full) {
                problems.error(.linkedOutside, LinkedOutside.message, at: SourceLocation(file: full))
                continue
            }
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: full)
            else { continue }
            found.removeAll { $0.path == "assets/" + relative }
            found.append(("assets/" + relative, data))
        }
        return found.sorted { $0.path < $1.path }
    }
}

/// The site's one HTML escaper, given to Mustache: a template's `{{name}}` is escaped exactly as
/// the memo's spliced strings and every other part of the site are, by scalar, so a combining mark
/// after a quote cannot hide the quote from the escaper and end an attribute in a browser.
struct SiteEscaping: MustacheContentType {
    static let name = "UPGRADEDOCS_HTML"
    /// A line put before every template's text; as a standalone tag it renders as nothing, and
    /// leaves the template's first line standalone or not as it was.
    static let pragma: String = {
        MustacheContentTypes.register(SiteEscaping(), named: name)
        return "{{% CONTENT_TYPE: \(name)}}\n"
    }()

    func escapeText(_ text: String) -> String { HTML.escapeAttribute(text) }
}
