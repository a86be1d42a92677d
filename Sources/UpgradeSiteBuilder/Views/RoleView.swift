import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeSiteContract

/// One role's guide: the same catalog, seen from what this role may do.
struct RoleView {
    let context: ViewContext
    let role: Role

    func page() -> Page {
        var blocks: [Block] = [
            .paragraph(
                [.strong([.text("Permissions")]), .text(": " + role.summary + " Source: ")] + context.cite(role.source)
                    + [.text(".")])
        ]
        blocks += [.heading(level: 2, [.text("What you can do")], id: "can"), markdownList(role.can)]
        if !role.cannot.isEmpty {
            blocks += [
                .heading(level: 2, [.text("What you cannot do")], id: "cannot"),
                markdownList(role.cannot),
            ]
        }
        blocks += [
            .heading(level: 2, [.text("Checks, in order")], id: "checks"),
            .paragraph(
                [.text("Run every check, even after one fails: the customer needs every reason at once. ")]
                    + (context.catalog.logic.rules.first.flatMap { context.catalog.table(citing: $0.id) }.map { table in
                        [
                            .text("The same checks as a decision table: "),
                            .link([.text(table.title)], to: SitePaths.table(table.id), anchor: nil), .text(". "),
                        ]
                    } ?? [])
                    + [
                        .text("To run them all for one customer, "),
                        .htmlLink([.text("check an upgrade")], to: SitePaths.checker),
                        .text("."),
                    ]),
            checklist(),
        ]
        blocks += submitSection()
        for part in role.programs { blocks += programSection(part) }
        blocks += migrationSection()
        if !role.guidance.isEmpty {
            blocks += [
                .heading(level: 2, [.text("Guidance")], id: "guidance"),
                .paragraph([.text("This site's own advice for the role, not a statement of the source page.")]),
                .prose(markdown: ProseText(role.guidance), source: source("guidance"), embeds: [:]),
            ]
        }
        let notes = context.interpretationNotes(affecting: [.role(role.id)])
        if !notes.isEmpty {
            blocks.append(.heading(level: 2, [.text("Interpretations that affect you")], id: "interpretations"))
            blocks += notes
        }
        return Page(
            path: SitePaths.role(role.id), kind: .role, title: "\(role.name): upgrading a subscription",
            summary: role.canUpgrade
                ? "With the \(role.name) role, you can check an upgrade and submit it."
                : "With the \(role.name) role, you can check an upgrade, but someone else submits it.",
            facts: [
                Fact("Submits upgrades", [.text(role.canUpgrade ? "Yes" : "No")]),
                Fact("Hands over to", handOverLinks()),
            ]
                + role.programs.map { part in
                    Fact("Submits upgrades in \(programName(part.program))", [.text(part.canUpgrade ? "Yes" : "No")])
                }
                + (migration.map { found in
                    [Fact("Migrates to \(programName(found.route.to))", [.text(found.part.canMigrate ? "Yes" : "No")])]
                } ?? []) + [context.asOfFact],
            blocks: blocks)
    }

    /// A program whose own pages name the roles otherwise: may this role submit there, and that
    /// program's checks, in its rule order.
    private func programSection(_ part: RoleInProgram) -> [Block] {
        let name = programName(part.program)
        var blocks: [Block] = [
            .heading(level: 2, [.text("In \(name)")], id: "program-\(part.program.rawValue)"),
            .paragraph(
                [
                    .text(
                        (part.canUpgrade
                            ? "This role may submit \(name) upgrades"
                            : "This role is not among those that may submit \(name) upgrades") + " (source: ")
                ] + context.cite(part.source) + [.text("). Run these checks, every one, in order:")]),
            checklist(context.catalog.logic(for: part.program).rules),
        ]
        if !part.canUpgrade {
            blocks.append(
                .note(
                    .important, title: nil,
                    [
                        .paragraph(
                            [.text("In \(name), hand the upgrade over to ")] + links(part.handOverTo)
                                + [.text(" once the checks pass.")])
                    ]))
        }
        return blocks
    }

    private func programName(_ id: ProgramID) -> String { context.catalog.program(id)?.name ?? id.rawValue }

    /// The role's part in the migration, with the route and rules of the program that migrates.
    private var migration: (part: RoleInMigration, route: MigrationRoute, rules: [Rule])? {
        guard let part = role.migration,
            let program = context.catalog.programs.first(where: { context.catalog.migration(from: $0.id) != nil }),
            let found = context.catalog.migration(from: program.id)
        else { return nil }
        return (part, found.route, found.logic.rules)
    }

    /// Whether this role may migrate a subscription (MIG-6), and the migration's checks in rule order.
    private func migrationSection() -> [Block] {
        guard let (part, route, rules) = migration else { return [] }
        let name = programName(route.to)
        var blocks: [Block] = [
            .heading(level: 2, [.text("Migrating to \(name)")], id: "migration"),
            .paragraph(
                [
                    .text(
                        (part.canMigrate
                            ? "This role may migrate a subscription to \(name)"
                            : "This role is not among those that may migrate a subscription to \(name)") + " (source: ")
                ] + context.cite(part.source) + [.text("). Run these checks, every one, in order:")]),
            checklist(rules),
        ]
        if !part.canMigrate {
            blocks.append(
                .note(
                    .important, title: nil,
                    [
                        .paragraph(
                            [.text("Hand the migration over to ")] + links(part.handOverTo) + [.text(" once the checks pass.")])
                    ]
                ))
        }
        return blocks
    }

    /// The eligibility rules in the order an agent runs them, each with what to do when it fails.
    func checklist(_ rules: [Rule]? = nil) -> Block {
        .list(
            ordered: true,
            items: (rules ?? context.catalog.logic.rules).map { rule in
                [
                    .strong([.text(rule.title)]), .text(" ("),
                    context.ruleLink(rule.id),
                    .text(") If not: " + rule.remedy),
                ]
            })
    }

    private func submitSection() -> [Block] {
        var blocks: [Block] = [.heading(level: 2, [.text("Submitting the upgrade")], id: "submit")]
        if role.canUpgrade {
            blocks.append(
                .paragraph(
                    [.text("When every check passes, in Partner Center (source: ")]
                        + context.cite(context.catalog.portalStepsSource) + [.text("):")]))
            blocks.append(
                .prose(
                    markdown: ProseText(
                        context.catalog.portalSteps.enumerated()
                            .map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")),
                    source: source("portalSteps"), embeds: [:]))
            if !role.handOverTo.isEmpty {
                blocks.append(
                    .paragraph(
                        [.text("For what you cannot do yourself, hand over to ")]
                            + handOverLinks() + [.text(".")]))
            }
        } else {
            blocks.append(
                .note(
                    .important, title: nil,
                    [
                        .paragraph(
                            [.text("You cannot submit the upgrade. Once the checks pass, hand it over to ")]
                                + handOverLinks() + [.text(".")])
                    ]))
        }
        return blocks
    }

    private func handOverLinks() -> [Inline] {
        guard !role.handOverTo.isEmpty else { return [.text("nobody: you can do every step")] }
        return links(role.handOverTo)
    }

    private func links(_ roles: [RoleID]) -> [Inline] {
        var inlines: [Inline] = []
        for (index, id) in roles.enumerated() {
            if index > 0 { inlines.append(.text(index == roles.count - 1 ? " or " : ", ")) }
            inlines.append(
                .link(
                    [.text(context.catalog.role(id)?.name ?? id.rawValue)], to: SitePaths.role(id),
                    anchor: nil))
        }
        return inlines
    }

    private func source(_ key: String) -> ProseSource {
        let location = context.content.sourceMap.roles[role.id]
        return ProseSource(file: location?.file ?? "roles.yaml", firstLine: location?.line ?? 1)
    }

    /// Lists whose items are Markdown from content (they may hold `code` or **bold**).
    private func markdownList(_ items: [String]) -> Block {
        .prose(markdown: ProseText(items.map { "- " + $0 }.joined(separator: "\n")), source: source("list"), embeds: [:])
    }
}
