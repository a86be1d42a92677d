import UpgradeCore
import UpgradeSiteContract

/// A role guide's checks: every rule, in rule order, each with its title, its id and its
/// remedy, in both formats.
struct RoleVerification {
    let rules: [Rule]
    let file: String
    /// The section that lists them: the source page's checks, or one program's.
    var headingID = "checks"
    var heading = "Checks, in order"

    /// The checks of each program a role has a part in, in that program's rule order.
    static func programs(of role: Role, in catalog: Catalog, file: String) -> [RoleVerification] {
        role.programs.map { part in
            RoleVerification(
                rules: catalog.logic(for: part.program).rules, file: file,
                headingID: "program-\(part.program.rawValue)",
                heading: "In \(catalog.program(part.program)?.name ?? part.program.rawValue)")
        } + migration(of: role, in: catalog, file: file)
    }

    /// The migration's checks, where the role says whether it may migrate.
    static func migration(of role: Role, in catalog: Catalog, file: String) -> [RoleVerification] {
        guard role.migration != nil,
            let found = catalog.programs.lazy.compactMap({ catalog.migration(from: $0.id) }).first
        else { return [] }
        let name = catalog.program(found.route.to)?.name ?? found.route.to.rawValue
        return [RoleVerification(rules: found.logic.rules, file: file, headingID: "migration", heading: "Migrating to \(name)")]
    }

    /// Each check as a reader sees it.
    var expected: [String] { rules.map { "\($0.title) (\($0.id)) If not: \($0.remedy)" } }

    func verify(html page: HTMLElement, _ report: inout Tally) {
        guard let found = page.descendants(named: "h2", where: { $0.attributes["id"] == headingID }).first,
            let list = page.list(after: found, named: ["ol"])
        else {
            report.fail(.rolePage, "no list of checks (after the heading '\(heading)')", file: file, line: 1)
            return
        }
        let items = list.elements.filter { $0.name == "li" }
        judge(items.map { Perceived($0).seen }, lines: items.map(\.line), line: list.line, &report)
        for item in items {
            for hidden in Perceived(item).concealed {
                report.fail(.rolePage, "a check holds \(hidden.what)", file: file, line: hidden.line)
            }
        }
    }

    func verify(markdown text: String, _ report: inout Tally) {
        let lines = MarkdownTableReader.lines(text).map(String.init)
        guard let start = lines.firstIndex(of: "## " + heading) else {
            report.fail(.rolePage, "no section '\(heading)'", file: file, line: 1)
            return
        }
        var items: [(String, Int)] = []
        var index = start + 1
        while index < lines.count, !lines[index].hasPrefix("## "), !lines[index].hasPrefix("<a id=") {
            let line = lines[index]
            if let dot = line.firstIndex(of: "."), line[..<dot].allSatisfy(\.isNumber), !line[..<dot].isEmpty {
                items.append((MarkdownInline.plain(String(line[line.index(after: dot)...])), index + 1))
            }
            index += 1
        }
        judge(items.map(\.0), lines: items.map(\.1), line: start + 1, &report)
    }

    private func judge(_ shown: [String], lines: [Int], line: Int, _ report: inout Tally) {
        report.coverage.rows += shown.count
        for (index, check) in expected.enumerated() where !shown.contains(check) {
            report.fail(
                .rolePage, "check \(index + 1) is missing or reworded; the content's rule \(rules[index].id) reads '\(check)'",
                file: file, line: line)
        }
        for (text, at) in zip(shown, lines) where !expected.contains(text) {
            report.fail(.rolePage, "a check the rules do not have: '\(text)'", file: file, line: at)
        }
        let order = shown.filter(expected.contains)
        if order != expected.filter(order.contains) {
            report.fail(.rolePage, "the checks are out of rule order", file: file, line: line)
        }
        if Set(order).count != order.count { report.fail(.rolePage, "a check appears twice", file: file, line: line) }
    }
}
