import UpgradeBase

/// The columns of a new-commerce offer matrix the import reads, found by their header names.
/// Partner Center's download ("Get an offer matrix") has these and more; the others are not read.
/// Headers are matched without case, spaces or underscores, so `Sku Title` is `SkuTitle`.
struct OfferMatrixColumns {
    enum Name: String, CaseIterable {
        case productID = "ProductId"
        case skuID = "SkuId"
        case skuTitle = "SkuTitle"
        case conversion = "ProductSkuConversion"
        case maxLicenses = "MaxLicenses"
        case allowedCountries = "AllowedCountries"
        // Not in the documented shape: the price list's columns, one row per term and billing plan.
        case termDuration = "TermDuration"
        case billingPlan = "BillingPlan"

        static let required: [Name] = [.productID, .skuID, .skuTitle, .conversion]
    }

    /// Where each column read is, by name.
    let index: [Name: Int]
    /// How many cells a row has.
    let width: Int

    init?(header: CSVTable.Row, sink: Diagnostics) {
        var index: [Name: Int] = [:]
        var failed = false
        for (position, cell) in header.cells.enumerated() {
            guard let name = Name.allCases.first(where: { CSVTable.headerKey($0.rawValue) == CSVTable.headerKey(cell.text) })
            else { continue }
            if let first = index[name] {
                sink.error(
                    .column, "column \(name.rawValue) is named twice, so the import cannot tell which to read",
                    at: cell.location,
                    notes: [Diagnostic.Note("first named here", at: header.cells[first].location)])
                failed = true
            } else {
                index[name] = position
            }
        }
        let start = header.cells.first?.location ?? header.end
        for name in Name.required where index[name] == nil {
            sink.error(
                .column,
                "no column \(name.rawValue); the header names "
                    + header.cells.map { "'\($0.text)'" }.joined(separator: ", ")
                    + ", and the import needs " + Name.required.map(\.rawValue).joined(separator: ", "),
                at: start)
            failed = true
        }
        let plans: [Name] = [.termDuration, .billingPlan]
        if let given = plans.first(where: { index[$0] != nil }), let missing = plans.first(where: { index[$0] == nil }) {
            sink.error(
                .column,
                "column \(given.rawValue) without \(missing.rawValue): a plan is a term and a billing frequency, so "
                    + "the import reads both or neither", at: header.cells[index[given]!].location)
            failed = true
        }
        if failed { return nil }
        self.index = index
        width = header.cells.count
    }
}
