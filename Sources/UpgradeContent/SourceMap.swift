import UpgradeBase
import UpgradeCore

/// Where each thing of the model is declared, so later stages can point their
/// findings back into `content/`. The loader writes it; nothing reads it while loading.
package struct SourceMap: Sendable {
    package var offers: [OfferID: SourceLocation] = [:]
    package var rules: [RuleID: SourceLocation] = [:]
    package var roles: [RoleID: SourceLocation] = [:]
    package var examples: [ExampleID: SourceLocation] = [:]
    package var interpretations: [InterpretationID: SourceLocation] = [:]
    package var tables: [TableID: SourceLocation] = [:]
    package var tableRows: [TableRowKey: SourceLocation] = [:]
    package var paths: [PathKey: SourceLocation] = [:]

    package init() {}
}

/// A row of one decision table.
package struct TableRowKey: Hashable, Sendable {
    package let table: TableID
    package let row: TableRowID

    package init(table: TableID, row: TableRowID) {
        self.table = table
        self.row = row
    }
}

/// A listed upgrade path.
package struct PathKey: Hashable, Sendable {
    package let from: OfferID
    package let to: OfferID

    package init(from: OfferID, to: OfferID) {
        self.from = from
        self.to = to
    }
}
