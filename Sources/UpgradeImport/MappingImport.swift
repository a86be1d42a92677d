import UpgradeBase
import UpgradeContent
import UpgradeCore

/// Reads the NCE Mapping tab of a partner's legacy offer matrix (CSV) against the model and writes
/// what it says of the model's legacy offers as `content/nce-mapping.yaml`. A row is matched to a
/// legacy offer by any of its names, and to a new-commerce offer by its product and SKU; rows of
/// offers the model does not have are counted, not refused: the tab lists every legacy offer.
package struct MappingImport {
    package let text: String
    package let rows: Int
    /// Each legacy offer mapped, with its equivalent, in the order of the model.
    package let mapped: [(offer: OfferID, equivalent: OfferID)]
    /// Rows naming a legacy offer the model does not have.
    package let otherOffers: Int
    /// Rows naming a product and SKU no new-commerce offer of the model has.
    package let otherSKUs: Int

    /// Whether `bytes` are the NCE Mapping tab rather than a new-commerce offer matrix: its header
    /// names a `MigrationEnabled` column.
    package static func isMapping(_ bytes: [UInt8], path: String) -> Bool {
        let table = CSVTable(bytes: bytes, file: path, sink: Diagnostics())
        return table.rows.first.map(MappingColumns.isMapping) ?? false
    }

    package init(bytes: [UInt8], path: String, name: String, source: String, content: LoadedContent) throws(DiagnosticError) {
        let sink = Diagnostics()
        let table = CSVTable(bytes: bytes, file: path, sink: sink)
        let catalog = content.catalog
        let migrating = catalog.programs.filter { $0.migration != nil }
        guard migrating.count == 1, let program = migrating.first, let route = program.migration else {
            throw DiagnosticError(
                .unknownID,
                "an NCE mapping needs exactly one program that migrates (programs.yaml `migration:`); the model has "
                    + "\(migrating.count)", at: SourceLocation(file: path))
        }
        let bySKU = Dictionary(
            catalog.offers(in: route.to).compactMap { offer in offer.sale.sku.map { ($0, offer.id) } },
            uniquingKeysWith: { first, _ in first })
        var found: [OfferID: (equivalent: OfferID, enabled: Bool, location: SourceLocation)] = [:]
        var rows = 0, otherOffers = 0, otherSKUs = 0
        if let header = table.rows.first, let columns = MappingColumns(header: header, sink: sink) {
            for row in table.rows.dropFirst() where !row.cells.allSatisfy({ $0.text.trimmingWhitespace.isEmpty }) {
                rows += 1
                guard let read = Self.read(row, columns, sink: sink) else { continue }
                guard let offer = Self.offer(named: read.name.text, in: program.id, catalog: catalog) else {
                    otherOffers += 1
                    continue
                }
                guard let equivalent = bySKU[read.sku] else {
                    otherSKUs += 1
                    continue
                }
                if let first = found[offer], first.equivalent != equivalent || first.enabled != read.enabled {
                    sink.error(
                        .cell, "'\(read.name.text)' is mapped again, otherwise", at: read.name.location,
                        notes: [Diagnostic.Note("first mapped here", at: first.location)])
                    continue
                }
                found[offer] = (equivalent, read.enabled, read.name.location)
            }
        }
        try sink.throwIfErrors()
        let ordered = catalog.offers(in: program.id).compactMap { offer in found[offer.id].map { (offer.id, $0) } }
        text = ImportedMappingFile.text(
            ordered.map { ImportedMappingFile.Entry(offer: $0.0, equivalent: $0.1.equivalent, migrationEnabled: $0.1.enabled) },
            source: source, from: name)
        self.rows = rows
        mapped = ordered.map { ($0.0, $0.1.equivalent) }
        self.otherOffers = otherOffers
        self.otherSKUs = otherSKUs
    }

    /// The legacy offer a row's name is a name of, in the program that migrates.
    private static func offer(named name: String, in program: ProgramID, catalog: Catalog) -> OfferID? {
        switch catalog.resolve(name, in: program) {
        case .offer(let offer), .formerly(let offer, _): offer.program == program ? offer.id : nil
        default: nil
        }
    }

    /// A row's offer name, `PRODUCT/SKU` and flag, each problem reported at its cell.
    private static func read(_ row: CSVTable.Row, _ columns: MappingColumns, sink: Diagnostics) -> (
        name: CSVTable.Cell, sku: String, enabled: Bool
    )? {
        guard row.cells.count == columns.width else {
            sink.error(
                .csv,
                "this row has \(row.cells.count) cells and the header \(columns.width); a comma in a cell needs "
                    + "the cell in quotes", at: row.cells.count > columns.width ? row.cells[columns.width].location : row.end)
            return nil
        }
        func cell(_ name: MappingColumns.Name) -> CSVTable.Cell? { columns.index[name].map { row.cells[$0] } }
        let name = cell(.offerName)!
        var sku: String?
        if let both = cell(.productSKU) {
            let parts = both.text.trimmingWhitespace.split(
                omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == ":" })
            if parts.count == 2, parts.allSatisfy(Self.isIdentifier) { sku = parts.joined(separator: "/") }
        } else if let product = cell(.productID)?.text.trimmingWhitespace, let id = cell(.skuID)?.text.trimmingWhitespace,
            Self.isIdentifier(Substring(product)), Self.isIdentifier(Substring(id))
        {
            sku = product + "/" + id
        }
        if sku == nil {
            sink.error(
                .cell, "not a product and SKU id (PRODUCT/SKU, such as CFQ7TTC0LFLS/0002)",
                at: (cell(.productSKU) ?? cell(.productID)!).location)
        }
        let flag = cell(.migrationEnabled)!
        let enabled: Bool? =
            switch flag.text.trimmingWhitespace.lowercased() {
            case "yes", "y", "true", "1": true
            case "no", "n", "false", "0": false
            default: nil
            }
        if enabled == nil {
            sink.error(.cell, "MigrationEnabled '\(flag.text)' is not Yes or No", at: flag.location)
        }
        if name.text.trimmingWhitespace.isEmpty { sink.error(.cell, "the offer's name is empty", at: name.location) }
        guard let sku, let enabled, !name.text.trimmingWhitespace.isEmpty else { return nil }
        return (CSVTable.Cell(text: name.text.trimmingWhitespace, location: name.location), sku, enabled)
    }

    private static func isIdentifier(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 20
            && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
