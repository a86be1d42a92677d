import UpgradeBase
import UpgradeContent
import UpgradeCore

/// One SKU of an offer matrix, gathered from its rows: the price-list shape repeats a SKU once per plan.
struct MatrixSKU {
    /// `PRODUCT/SKU`, such as `CFQ7TTC0LH18/0001`.
    let sku: String
    let title: CSVTable.Cell
    var maxSeats: Int?
    /// In the order the file first gives them, each once.
    var countries: [String]
    var plans: Set<Plan>
    /// The SKUs it converts to, each with the cell that names it.
    let conversions: [(sku: String, cell: CSVTable.Cell)]

    /// Each SKU of `table`, in the order of first rows; every problem is reported to `sink`.
    static func gather(from table: CSVTable, file: String, sink: Diagnostics) -> [MatrixSKU] {
        guard let header = table.rows.first else {
            // A file that could not be read at all has said so already.
            if !sink.hasErrors { sink.error(.column, "the file has no header row; it is empty", at: SourceLocation(file: file)) }
            return []
        }
        guard let columns = OfferMatrixColumns(header: header, sink: sink) else { return [] }
        var skus: [MatrixSKU] = [], positions: [String: Int] = [:]
        for row in table.rows.dropFirst() {
            guard var read = RowReader(row: row, columns: columns, sink: sink).sku() else { continue }
            guard let position = positions[read.sku] else {
                positions[read.sku] = skus.count
                skus.append(read)
                continue
            }
            let first = skus[position]
            var agrees = true
            func differs(_ what: String, _ cell: CSVTable.Cell, _ earlier: String, _ later: String) {
                sink.error(
                    .cell, "\(read.sku) has \(what) \(later) here but \(earlier) on an earlier row; a SKU's rows must agree",
                    at: cell.location, notes: [Diagnostic.Note("the earlier row", at: first.title.location)])
                agrees = false
            }
            if first.title.text != read.title.text {
                differs("the title", read.title, "'\(first.title.text)'", "'\(read.title.text)'")
            }
            if Set(first.conversions.map(\.sku)) != Set(read.conversions.map(\.sku)) {
                let list = { (skus: [String]) in skus.isEmpty ? "none" : skus.sorted().joined(separator: ", ") }
                differs(
                    "the conversions", read.conversions.first?.cell ?? read.title,
                    list(first.conversions.map(\.sku)), list(read.conversions.map(\.sku)))
            }
            if first.maxSeats != read.maxSeats {
                let text = { (seats: Int?) in seats.map { "at most \($0) seats" } ?? "no seat limit" }
                differs("", read.title, text(first.maxSeats), text(read.maxSeats))
            }
            guard agrees else { continue }
            read.plans.formUnion(first.plans)
            skus[position].plans.formUnion(read.plans)
            let known = Set(skus[position].countries)
            skus[position].countries += read.countries.filter { !known.contains($0) }
        }
        return skus
    }
}

/// Reads one row's cells, reporting each that is not a value the model can take.
private struct RowReader {
    let row: CSVTable.Row
    let columns: OfferMatrixColumns
    let sink: Diagnostics

    func cell(_ name: OfferMatrixColumns.Name) -> CSVTable.Cell? {
        columns.index[name].map { row.cells[$0] }
    }

    func sku() -> MatrixSKU? {
        guard row.cells.count == columns.width else {
            let at = row.cells.count > columns.width ? row.cells[columns.width].location : row.end
            sink.error(
                .csv,
                "this row has \(row.cells.count) cells and the header \(columns.width); a comma in a cell needs "
                    + "the cell in quotes", at: at)
            return nil
        }
        let product = identifier(cell(.productID)!, what: "product id", example: "CFQ7TTC0LH18", longest: 20)
        let sku = identifier(cell(.skuID)!, what: "SKU id", example: "0001", longest: 8)
        let title = cell(.skuTitle)!
        if title.text.trimmingWhitespace.isEmpty {
            sink.error(.cell, "the SkuTitle is empty; it is the offer's official name", at: title.location)
        } else if let control = title.text.unicodeScalars.first(where: {
            $0.isDisplayControl || $0 == "\u{2028}" || $0 == "\u{2029}"
        }) {
            let hex = String(control.value, radix: 16, uppercase: true)
            sink.error(
                .cell, "the SkuTitle holds the control character U+\(hex), which a page would not show", at: title.location)
        }
        let maxSeats = cell(.maxLicenses).flatMap(seats)
        let countries = cell(.allowedCountries).map(countries) ?? []
        let plans = plan().map { [$0] } ?? []
        let conversions = conversions(cell(.conversion)!)
        // A row with a bad cell still counts as its SKU, so conversions to it are not reported as unknown.
        guard let product, let sku else { return nil }
        return MatrixSKU(
            sku: product + "/" + sku, title: CSVTable.Cell(text: title.text.trimmingWhitespace, location: title.location),
            maxSeats: maxSeats, countries: countries.uniqued(), plans: Set(plans), conversions: conversions)
    }

    private func identifier(_ cell: CSVTable.Cell, what: String, example: String, longest: Int) -> String? {
        let text = cell.text.trimmingWhitespace
        guard !text.isEmpty, text.count <= longest, text.unicodeScalars.allSatisfy(\.isUpperAlphanumeric) else {
            sink.error(
                .cell, "'\(text)' is not a \(what): capital letters and digits, such as \(example)", at: cell.location)
            return nil
        }
        return text
    }

    private func seats(_ cell: CSVTable.Cell) -> Int? {
        let text = cell.text.trimmingWhitespace
        guard !text.isEmpty else { return nil }
        guard let number = Int(text), number > 0 else {
            sink.error(.cell, "MaxLicenses '\(text)' is not a whole number above 0", at: cell.location)
            return nil
        }
        return number
    }

    /// Two capital letters each, separated by `;` (or `,`): read byte by byte, since a real matrix
    /// lists some 240 markets on every row.
    private func countries(_ cell: CSVTable.Cell) -> [String] {
        var codes: [String] = []
        for piece in cell.text.utf8.split(whereSeparator: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }) {
            let code = piece.drop { $0 == UInt8(ascii: " ") }.reversed().drop { $0 == UInt8(ascii: " ") }.reversed()
            guard !code.isEmpty else { continue }
            guard code.count == 2, code.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else {
                let text = String(decoding: code, as: UTF8.self)
                sink.error(
                    .cell, "'\(text)' in AllowedCountries is not a country code (two capital letters, such as GB)",
                    at: cell.location)
                continue
            }
            codes.append(String(decoding: code, as: UTF8.self))
        }
        return codes
    }

    private func plan() -> Plan? {
        guard let termCell = cell(.termDuration), let billingCell = cell(.billingPlan) else { return nil }
        let termText = termCell.text.trimmingWhitespace, billingText = billingCell.text.trimmingWhitespace
        if termText.isEmpty && billingText.isEmpty { return nil }
        let term = Term(rawValue: termText.uppercased())
        let billing = Billing(rawValue: billingText.lowercased())
        if term == nil {
            sink.error(
                .cell,
                "TermDuration '\(termText)' is not a term the model knows: "
                    + Term.allCases.map(\.rawValue).joined(separator: ", "), at: termCell.location)
        }
        if billing == nil {
            sink.error(
                .cell,
                "BillingPlan '\(billingText)' is not a billing frequency the model knows: "
                    + Billing.allCases.map { $0.rawValue.capitalized }.joined(separator: ", "), at: billingCell.location)
        }
        guard let term, let billing else { return nil }
        guard billing.months <= term.months else {
            sink.error(
                .cell, "a \(term.rawValue) term billed \(billingText) would bill less often than the term lasts",
                at: billingCell.location)
            return nil
        }
        return Plan(term: term, billing: billing)
    }

    /// `PRODUCT/SKU` ids separated by commas; the API's `PRODUCT:SKU` is read the same.
    private func conversions(_ cell: CSVTable.Cell) -> [(sku: String, cell: CSVTable.Cell)] {
        var seen = Set<String>()
        return cell.text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmingWhitespace }.filter {
            !$0.isEmpty
        }.compactMap { text -> (sku: String, cell: CSVTable.Cell)? in
            let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == ":" })
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
                parts.allSatisfy({ $0.unicodeScalars.allSatisfy(\.isUpperAlphanumeric) })
            else {
                sink.error(
                    .cell, "'\(text)' in ProductSkuConversion is not a SKU id (PRODUCT/SKU, such as CFQ7TTC0LDPB/0001)",
                    at: cell.location)
                return nil
            }
            let sku = String(parts[0]) + "/" + String(parts[1])
            return seen.insert(sku).inserted ? (sku, cell) : nil
        }
    }
}

extension Unicode.Scalar {
    fileprivate var isUpperAlphanumeric: Bool { ("A"..."Z").contains(self) || ("0"..."9").contains(self) }
}
