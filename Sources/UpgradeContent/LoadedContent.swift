import UpgradeCore

/// A validated catalog, the site settings, and where each thing was declared,
/// so later stages can point their findings back into `content/`.
public struct LoadedContent: Sendable {
    public let catalog: Catalog
    public let settings: SiteSettings
    /// The prose pages of `content/pages`, in file-name order.
    public let pages: [ProsePage]
    public let sourceMap: SourceMap
    /// Warnings found while loading; errors stop the load instead.
    public let warnings: [Diagnostic]

    /// For tools and tests that make a model in code rather than read one.
    public init(catalog: Catalog, settings: SiteSettings, pages: [ProsePage] = [], sourceMap: SourceMap = SourceMap(),
                warnings: [Diagnostic] = []) {
        self.catalog = catalog
        self.settings = settings
        self.pages = pages
        self.sourceMap = sourceMap
        self.warnings = warnings
    }
}

/// Where each id of the model is declared.
public struct SourceMap: Sendable {
    public var offers: [OfferID: SourceLocation] = [:]
    public var rules: [RuleID: SourceLocation] = [:]
    public var roles: [RoleID: SourceLocation] = [:]
    public var examples: [ExampleID: SourceLocation] = [:]
    public var interpretations: [InterpretationID: SourceLocation] = [:]
    /// Keyed by table id.
    public var tables: [String: SourceLocation] = [:]
    /// Keyed by "table-id/row-id".
    public var tableRows: [String: SourceLocation] = [:]
    /// Keyed by "from>to".
    public var paths: [String: SourceLocation] = [:]

    public init() {}
}
