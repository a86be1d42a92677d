import UpgradeCore
import UpgradeSiteContract

/// The pages the model makes, each with its kind, worked out from the catalogue and the
/// contract's paths, not from the builder: what `verify` expects to find on disk.
struct SitePages {
    /// Page paths without extension, by kind.
    let kinds: [String: PageKind]
    /// Where a split program's part pages live (`matrix/legacy/`).
    let partFolders: [String: ProgramID]

    init(catalog: Catalog, proseSlugs: [String]) {
        var kinds: [String: PageKind] = [
            SitePaths.index.description: .index, SitePaths.print.description: .print,
            SitePaths.checker.description: .checker, SitePaths.offers.description: .offer,
            SitePaths.search.description: .search,
        ]
        if !catalog.interpretations.isEmpty { kinds[SitePaths.interpretations.description] = .page }
        var folders: [String: ProgramID] = [:]
        for offer in catalog.offers { kinds[SitePaths.offer(offer.id).description] = .offer }
        for program in catalog.programs where !catalog.offers(in: program.id).isEmpty {
            kinds[SitePaths.matrix(program.id).description] = .matrix
            if MatrixSplit.splits(offerCount: catalog.offers(in: program.id).count) {
                folders[SitePaths.matrix(program.id).description + "/"] = program.id
            }
        }
        for role in catalog.roles { kinds[SitePaths.role(role.id).description] = .role }
        for table in catalog.tables { kinds[SitePaths.table(table.id).description] = .rules }
        for slug in proseSlugs { kinds[SitePaths.prose(slug).description] = .page }
        self.kinds = kinds
        partFolders = folders
    }

    /// The kind of a page file (`matrix/legacy.html`), or nil for a page the model does not make.
    func kind(of file: String) -> PageKind? {
        let base = String(file.prefix(upTo: file.lastIndex(of: ".") ?? file.endIndex))
        if let kind = kinds[base] { return kind }
        if SitePaths.isPart(file), partFolders.keys.contains(where: { base.hasPrefix($0) }) {
            return .matrix
        }
        return nil
    }

    /// Every page file the model makes, in both formats, parts aside (their number is the build's layout).
    var expectedFiles: [String] {
        kinds.keys.sorted().flatMap { base in PageFormat.allCases.map { base + "." + $0.rawValue } }
    }
}
