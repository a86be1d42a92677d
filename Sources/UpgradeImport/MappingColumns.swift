import UpgradeBase

/// The columns of the NCE Mapping tab of a legacy offer matrix the import reads, found by their
/// header names as the offer matrix's are (without case, spaces or underscores). The tab names each
/// legacy offer, the new-commerce product and SKU it maps to, and whether the migration tools can
/// move it; the import reads those and nothing else.
struct MappingColumns {
    enum Name: CaseIterable {
        case offerName, productSKU, productID, skuID, migrationEnabled

        /// The header names that mean the column, in the order the tab's editions have used them.
        var headers: [String] {
            switch self {
            case .offerName: ["OfferDisplayName", "OfferName", "LegacyOfferName", "LegacyOfferDisplayName"]
            case .productSKU: ["ProductSkuId", "NceProductSkuId", "NewCommerceProductSkuId", "ModernProductSkuId"]
            case .productID: ["ProductId", "NceProductId"]
            case .skuID: ["SkuId", "NceSkuId"]
            case .migrationEnabled: ["MigrationEnabled"]
            }
        }
    }

    /// Where each column read is, by name.
    let index: [Name: Int]
    let width: Int

    /// Whether a header is the NCE Mapping tab's rather than a new-commerce offer matrix's.
    static func isMapping(_ header: CSVTable.Row) -> Bool {
        header.cells.contains { CSVTable.headerKey($0.text) == CSVTable.headerKey("MigrationEnabled") }
    }

    init?(header: CSVTable.Row, sink: Diagnostics) {
        var index: [Name: Int] = [:]
        var failed = false
        for (position, cell) in header.cells.enumerated() {
            guard
                let name = Name.allCases.first(where: {
                    $0.headers.map(CSVTable.headerKey).contains(CSVTable.headerKey(cell.text))
                })
            else {
                continue
            }
            if let first = index[name] {
                sink.error(
                    .column, "column '\(cell.text)' is named twice, so the import cannot tell which to read",
                    at: cell.location, notes: [Diagnostic.Note("first named here", at: header.cells[first].location)])
                failed = true
            } else {
                index[name] = position
            }
        }
        let start = header.cells.first?.location ?? header.end
        let sku = index[.productSKU] != nil || (index[.productID] != nil && index[.skuID] != nil)
        for (present, wanted) in [
            (index[.offerName] != nil, Name.offerName.headers[0]), (sku, "ProductSkuId (or ProductId and SkuId)"),
            (index[.migrationEnabled] != nil, Name.migrationEnabled.headers[0]),
        ] where !present {
            sink.error(
                .column,
                "no column \(wanted); the header names " + header.cells.map { "'\($0.text)'" }.joined(separator: ", "),
                at: start)
            failed = true
        }
        if failed { return nil }
        self.index = index
        width = header.cells.count
    }
}
