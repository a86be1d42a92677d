import UpgradeBase
import UpgradeSiteContract

/// The header every HTML page carries, in the order an agent needs it: the checker, the
/// offers, each program's matrix, the role guides (a menu, since a site has several),
/// the decision tables, the guides (each by name while there are few, the home page's
/// list beyond), and the printable tables.
struct Navigation: Sendable, Equatable {
    struct Item: Sendable, Equatable {
        let label: String
        /// Nil for a menu.
        let path: PagePath?
        let anchor: String?
        let items: [Item]

        static func page(_ label: String, _ path: PagePath, anchor: String? = nil) -> Item {
            Item(label: label, path: path, anchor: anchor, items: [])
        }

        static func menu(_ label: String, _ items: [Item]) -> Item {
            Item(label: label, path: nil, anchor: nil, items: items)
        }
    }

    /// The most prose pages the header names one by one.
    static let namedGuides = 6

    let items: [Item]
    /// Each program's matrix, by id: the parent of its part pages.
    private let matrices: [String: Item]
    /// The pages the header links to: any other page's header depends only on how deep it is.
    private let targets: Set<PagePath>
    /// The layout's header context, by depth and, for a page the header links to, the page.
    private let made = Locked<[String: SharedContext]>([:])

    static func == (lhs: Navigation, rhs: Navigation) -> Bool {
        lhs.items == rhs.items && lhs.matrices == rhs.matrices
    }

    init(context: ViewContext) {
        let catalog = context.catalog
        matrices = Dictionary(
            context.programs.map {
                ($0.id.rawValue, .page("\($0.name.capitalizedFirst) matrix", SitePaths.matrix($0.id)))
            }, uniquingKeysWith: { first, _ in first })
        var items: [Item] = [.page("Check an upgrade", SitePaths.checker), .page("Offers", SitePaths.offers)]
        items += context.programs.map { .page("\($0.name.capitalizedFirst) matrix", SitePaths.matrix($0.id)) }
        if !catalog.roles.isEmpty {
            items.append(.menu("Role guides", catalog.roles.map { .page($0.name, SitePaths.role($0.id)) }))
        }
        items += catalog.tables.map { .page($0.title, SitePaths.table($0.id)) }
        let guides = context.content.pages
        if guides.count <= Self.namedGuides {
            items += guides.map { .page($0.title, SitePaths.prose($0.slug)) }
        } else {
            items.append(.page("Guides", SitePaths.index, anchor: IndexView.readingAnchor))
        }
        items.append(.page("Print", SitePaths.print))
        self.items = items
        targets = Set(items.flatMap { [$0] + $0.items }.compactMap(\.path))
    }

    /// The pages above `page`, from the home page down: its breadcrumbs. None for the home page.
    func crumbs(for page: PagePath) -> [Item] {
        guard page != SitePaths.index else { return [] }
        let home = Item.page("Home", SitePaths.index)
        let parts = page.components
        switch parts.first {
        case "offers" where page != SitePaths.offers: return [home, .page("Offers", SitePaths.offers)]
        case "roles": return [home, .page("Role guides", SitePaths.index, anchor: IndexView.rolesAnchor)]
        case "rules": return [home, .page("Decision tables", SitePaths.index, anchor: IndexView.tablesAnchor)]
        case "pages": return [home, .page("Guides", SitePaths.index, anchor: IndexView.readingAnchor)]
        case "matrix" where parts.count == 3: return [home] + (matrices[parts[1]].map { [$0] } ?? [])
        default: return [home]
        }
    }

    /// Every label and path, in order, menus' included: what a page's inputs take from the header.
    var parts: [String] {
        func parts(_ item: Item) -> [String] {
            [item.label, item.path?.description ?? "-", item.anchor ?? "-", "\(item.items.count)"] + item.items.flatMap(parts)
        }
        return items.flatMap(parts)
    }

    /// What the layout is given for the header of the page at `page`.
    func context(for page: PagePath) -> SharedContext {
        let key = targets.contains(page) ? page.description : page.root
        if let found = made.withLock({ $0[key] }) { return found }
        let context = SharedContext(uncachedContext(for: page))
        made.withLock { $0[key] = context }
        return context
    }

    private func uncachedContext(for page: PagePath) -> TemplateValue {
        func context(_ item: Item) -> TemplateValue {
            let children = item.items.map(context)
            let current = item.path == page && item.anchor == nil
            return .object(
                TemplateObject([
                    "label": .string(item.label),
                    "href": .string(item.path.map { page.link(to: $0, anchor: item.anchor, format: .html) } ?? ""),
                    "current": .flag(current || item.items.contains { $0.path == page }),
                    "hasItems": .flag(!children.isEmpty), "items": .list(children),
                ]))
        }
        return .list(items.map(context))
    }
}
