import Foundation
import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// A prose page from `content/pages`. Its ```` ```upgradedocs KIND ARG ```` fences
/// embed generated tables: `matrix PROGRAM`, `list PROGRAM`, `decision-table ID`,
/// `checklist ROLE`.
package struct ProseView {
    let context: ViewContext
    let page: ProsePage

    package init(context: ViewContext, page: ProsePage) {
        self.context = context
        self.page = page
    }

    static let fenceWord = ProseText.fenceWord

    /// The page of the site a relative `.html` or `.md` link leads to, as a path without
    /// extension; nil for a link elsewhere (another scheme, an anchor, another kind of file).
    static func pageTarget(of url: String, from page: PagePath) -> String? {
        let path = String(url.prefix { $0 != "#" && $0 != "?" })
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains(":") else { return nil }
        let stem: Substring
        if path.hasSuffix(".html") {
            stem = path.dropLast(5)
        } else if path.hasSuffix(".md") {
            stem = path.dropLast(3)
        } else {
            return nil
        }
        var parts = Array(page.components.dropLast())
        for part in stem.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case ".": continue
            case "..": if parts.popLast() == nil { return "../" + stem }
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    package func render(into diagnostics: Diagnostics) -> Page {
        var embeds: [String: [Block]] = [:]
        // A fence that asks for a table names the word, so a page without it needs no parse here.
        let parsed = page.text.mayEmbed || page.text.mayNestDeeply ? MarkdownDocument(parsing: page.body) : nil
        let fences = page.text.mayEmbed ? parsed?.fencedBlocks(named: Self.fenceWord) ?? [] : []
        // Past the limit, cmark's CommonMark renderer takes time that grows with the square of the
        // depth (a 600 KB page of nested emphasis took minutes): the page is refused instead.
        if page.text.mayNestDeeply, let deep = parsed?.nesting(deeperThan: ProseText.nestingLimit) {
            diagnostics.error(
                .invalidValue,
                "the Markdown here nests more than \(ProseText.nestingLimit) levels deep (emphasis within "
                    + "emphasis, links, quotes or lists); no page needs that many: flatten it",
                at: SourceLocation(file: page.file, line: page.bodyLine + deep.line - 1, column: deep.column))
        }
        for fence in fences {
            do {
                embeds[fence.info] = try embed(fence.info)
            } catch {
                diagnostics.error(
                    .embed, error.message,
                    at: SourceLocation(
                        file: page.file, line: page.bodyLine + fence.line - 1, column: fence.column))
            }
        }
        let reviewed = (page.reviewed ?? context.content.settings.reviewed).map { [Fact.reviewed($0)] } ?? []
        return Page(
            path: SitePaths.prose(page.slug), kind: .page, title: page.title, summary: page.description,
            facts: reviewed,
            blocks: [
                .prose(
                    markdown: page.text, source: ProseSource(file: page.file, firstLine: page.bodyLine),
                    embeds: embeds)
            ])
    }

    private func embed(_ info: String) throws(EmbedError) -> [Block] {
        let words = info.split(separator: " ").map(String.init)
        let kind = words.count > 1 ? words[1] : "", argument = words.count > 2 ? words[2] : ""
        let usage =
            "use 'upgradedocs matrix PROGRAM', 'upgradedocs list PROGRAM', "
            + "'upgradedocs decision-table ID' or 'upgradedocs checklist ROLE'"
        switch kind {
        case "matrix", "list":
            guard let program = context.catalog.program(ProgramID(argument)) else {
                throw EmbedError("unknown program '\(argument)' in the fence '\(info)'")
            }
            let view = MatrixView(context: context, program: program)
            guard !view.layout.isSplit else {
                throw EmbedError(
                    "the program '\(argument)' has \(view.offers.count) offers, more than a grid or "
                        + "list on one page shows (\(MatrixSplit.gridLimit)); link to its matrix page instead")
            }
            let cautions = view.cautions
            return kind == "matrix"
                ? [MatrixView.legend(cautions: cautions, migratesTo: view.migratesTo), .table(view.grid())]
                : MatrixView.cautionNotes(cautions) + [.table(view.listForm())]
        case "decision-table":
            guard let table = context.catalog.tables.first(where: { $0.id.rawValue == argument }) else {
                throw EmbedError("unknown decision table '\(argument)' in the fence '\(info)'")
            }
            let view = DecisionTableView(context: context, table: table)
            return [view.legend(), .table(view.markup())]
        case "checklist":
            guard let role = context.catalog.role(RoleID(argument)) else {
                throw EmbedError("unknown role '\(argument)' in the fence '\(info)'")
            }
            return [RoleView(context: context, role: role).checklist()]
        default:
            throw EmbedError("unknown embed '\(kind)' in the fence '\(info)'; \(usage)")
        }
    }
}

/// Why a fence cannot be embedded; it becomes a diagnostic at the fence.
struct EmbedError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
