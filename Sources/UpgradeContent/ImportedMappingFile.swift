import UpgradeBase
import UpgradeCore

/// The text of `nce-mapping.yaml`, as `upgradedocs import offer-matrix` writes it from the NCE
/// Mapping tab of a partner's legacy offer matrix, and `ContentReading.readMapping` reads it: one
/// place knows the file's shape.
package enum ImportedMappingFile {
    package static let name = ImportedMapping.file

    package struct Entry {
        let offer: OfferID, equivalent: OfferID, migrationEnabled: Bool

        package init(offer: OfferID, equivalent: OfferID, migrationEnabled: Bool) {
            (self.offer, self.equivalent, self.migrationEnabled) = (offer, equivalent, migrationEnabled)
        }
    }

    /// The same entries give the same bytes: no date, no path, only the file's own name.
    package static func text(_ entries: [Entry], source: String, from file: String) -> String {
        var lines = [
            "# Written by `upgradedocs import offer-matrix` from \(file), its NCE Mapping tab.",
            "# Do not edit it by hand: import the partner's next download instead. Each entry gives a",
            "# legacy offer its new-commerce equivalent and whether Partner Center's migration moves it,",
            "# in place of what offers.yaml says.",
            "source: \(JSONValue.quote(source))",
            entries.isEmpty ? "mappings: []" : "mappings:",
        ]
        for entry in entries {
            lines.append("  - offer: \(entry.offer.rawValue)")
            lines.append("    equivalent: \(entry.equivalent.rawValue)")
            lines.append("    migrationEnabled: \(entry.migrationEnabled)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
