import UpgradeContent
import UpgradeCore

/// A prose page from `content/pages`. Its ```` ```upgradedocs KIND ARG ```` fences
/// embed generated tables: `matrix PROGRAM`, `list PROGRAM`, `decision-table ID`,
/// `checklist ROLE`.
struct ProseView {
    let context: ViewContext
    let page: ProsePage

    static let fenceWord = "upgradedocs"

    func render(problems: inout [Diagnostic]) -> Page {
        var embeds: [String: [Block]] = [:]
        // A fence that asks for a table names the word, so a page without it needs no parse here.
        let fences = page.body.contains(Self.fenceWord)
            ? MarkdownDocument(parsing: page.body).fencedBlocks(named: Self.fenceWord) : []
        for fence in fences {
            switch embed(fence.info) {
            case .success(let blocks): embeds[fence.info] = blocks
            case .failure(let message):
                problems.append(Diagnostic(.error, message.text, at: SourceLocation(
                    file: page.file, line: page.bodyLine + fence.line - 1, column: fence.column)))
            }
        }
        return Page(path: ViewContext.prose(page.slug), kind: .page, title: page.title, summary: page.description,
                    blocks: [.prose(markdown: page.body, source: ProseSource(file: page.file, firstLine: page.bodyLine),
                                    embeds: embeds)])
    }


    private func embed(_ info: String) -> Result<[Block], EmbedErrorMessage> {
        let words = info.split(separator: " ").map(String.init)
        let kind = words.count > 1 ? words[1] : "", argument = words.count > 2 ? words[2] : ""
        let usage = "use 'upgradedocs matrix PROGRAM', 'upgradedocs list PROGRAM', "
            + "'upgradedocs decision-table ID' or 'upgradedocs checklist ROLE'"
        switch kind {
        case "matrix", "list":
            guard let program = context.catalog.program(ProgramID(argument)) else {
                return .failure(.init("unknown program '\(argument)' in the fence '\(info)'"))
            }
            let view = MatrixView(context: context, program: program)
            guard !view.layout.isSplit else {
                return .failure(.init("the program '\(argument)' has \(view.offers.count) offers, more than a grid or "
                                      + "list on one page shows (\(MatrixLayout.gridLimit)); link to its matrix page instead"))
            }
            return .success(kind == "matrix" ? [MatrixView.legend, .table(view.grid())] : [.table(view.listForm())])
        case "decision-table":
            guard let table = context.catalog.tables.first(where: { $0.id == argument }) else {
                return .failure(.init("unknown decision table '\(argument)' in the fence '\(info)'"))
            }
            let view = DecisionTableView(context: context, table: table)
            return .success([view.legend(), .table(view.markup())])
        case "checklist":
            guard let role = context.catalog.role(RoleID(argument)) else {
                return .failure(.init("unknown role '\(argument)' in the fence '\(info)'"))
            }
            return .success([RoleView(context: context, role: role).checklist()])
        default:
            return .failure(.init("unknown embed '\(kind)' in the fence '\(info)'; \(usage)"))
        }
    }
}

struct EmbedErrorMessage: Error {
    let text: String
    init(_ text: String) { self.text = text }
}
