import UpgradeBase
import UpgradeCore

/// Where each thing of the model is declared, so later stages can point their
/// findings back into `content/`. The loader writes it; nothing reads it while loading.
public struct SourceMap: Sendable {
    public var offers: [OfferID: SourceLocation] = [:]
    public var rules: [RuleID: SourceLocation] = [:]
    public var roles: [RoleID: SourceLocation] = [:]
    public var examples: [ExampleID: SourceLocation] = [:]
    public var interpretations: [InterpretationID: SourceLocation] = [:]
    public var tables: [TableID: SourceLocation] = [:]
    public var tableRows: [TableRowKey: SourceLocation] = [:]
    public var paths: [PathKey: SourceLocation] = [:]

    public init() {}
}

/// A row of one decision table.
public struct TableRowKey: Hashable, Sendable {
    public let table: TableID
    public let row: TableRowID

    public init(table: TableID, row: TableRowID) {
        self.table = table
        self.row = row
    }
}

/// A listed upgrade path.
public struct PathKey: Hashable, Sendable {
    public let from: OfferID
    public let to: OfferID

    public init(from: OfferID, to: OfferID) {
        self.from = from
        self.to = to
    }
}
