import UpgradeBase
import UpgradeCore

/// The text of `offer-matrix.yaml`, as `upgradedocs import offer-matrix` writes it and
/// `ContentReading.readOfferMatrix` reads it: one place knows the file's shape.
package enum ImportedMatrixFile {
    package static let name = ImportedMatrix.file

    package struct Entry {
        let sku: String, id: OfferID?, title: String, maxSeats: Int?
        let countries: [String], plans: [Plan], conversions: [String]

        package init(
            sku: String, id: OfferID?, title: String, maxSeats: Int?, countries: [String], plans: [Plan],
            conversions: [String]
        ) {
            (self.sku, self.id, self.title, self.maxSeats) = (sku, id, title, maxSeats)
            (self.countries, self.plans, self.conversions) = (countries, plans, conversions)
        }
    }

    /// The same entries give the same bytes: no date, no path, only the file's own name.
    package static func text(_ entries: [Entry], program: ProgramID, source: String, from file: String) -> String {
        var lines = [
            "# Written by `upgradedocs import offer-matrix` from \(file).",
            "# Do not edit it by hand: import the partner's next download instead. Each SKU completes",
            "# the offer of offers.yaml with the same `sku` (its aliases, services and sources stay",
            "# there); a SKU no offer has becomes an offer of its own, with the id below. Each conversion",
            "# is an upgrade path, unless paths.yaml already lists it with a source of its own.",
            "program: \(program.rawValue)",
            "source: \(quoted(source))",
            entries.isEmpty ? "skus: []" : "skus:",
        ]
        for entry in entries {
            lines.append("  - sku: \(quoted(entry.sku))")
            if let id = entry.id { lines.append("    id: \(id.rawValue)") }
            lines.append("    title: \(quoted(entry.title))")
            if let seats = entry.maxSeats { lines.append("    maxSeats: \(seats)") }
            if !entry.plans.isEmpty {
                lines.append("    plans: " + list(entry.plans.map { $0.term.rawValue + "/" + $0.billing.rawValue }))
            }
            // One scalar, not a list: a matrix gives some 240 markets a SKU, and a YAML node each would slow every load.
            if !entry.countries.isEmpty { lines.append("    countries: " + quoted(entry.countries.joined(separator: " "))) }
            lines.append("    conversions: " + list(entry.conversions))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    /// A YAML double-quoted scalar: a JSON string, whose escapes YAML reads the same.
    private static func quoted(_ text: String) -> String { JSONValue.quote(text) }
}
