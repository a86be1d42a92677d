import UpgradeBase
import UpgradeCore

/// The NCE Mapping tab of a partner's legacy offer matrix, as `upgradedocs import offer-matrix`
/// wrote it into `nce-mapping.yaml`: for each legacy offer the model has, its new-commerce
/// equivalent and whether the migration tools move it. It stands in place of the equivalent
/// `offers.yaml` names, since the partner's mapping is Microsoft's own.
struct ImportedMapping {
    struct Entry {
        let offer: Located<OfferID>
        let equivalent: Located<OfferID>
        let migrationEnabled: Bool
    }

    static let file = "nce-mapping.yaml"

    /// The citation of every mapping.
    let source: Located<String>
    let entries: [Entry]
}

extension ContentReading {
    func readMapping() -> ImportedMapping? {
        guard
            let root = file(
                ImportedMapping.file, what: "the imported NCE mapping", keys: ["source", "mappings"], optional: true)
        else { return nil }
        let source = citation(root)
        var seen: [OfferID: SourceLocation] = [:]
        let entries = root.objects("mappings", what: "mapping", keys: ["offer", "equivalent", "migrationEnabled"])
            .compactMap { object -> ImportedMapping.Entry? in
                let offer: Located<OfferID>? = object.id("offer"), equivalent: Located<OfferID>? = object.id("equivalent")
                if object.value("migrationEnabled") == nil {
                    sink.error(.missingKey, "mapping is missing the required key 'migrationEnabled'", at: object.location)
                }
                let enabled = object.bool("migrationEnabled", default: true)
                guard let offer, let equivalent else { return nil }
                if let first = seen[offer.value] {
                    sink.error(
                        .duplicate, "'\(offer.value)' is mapped twice", at: offer.location,
                        notes: [Diagnostic.Note("first mapped here", at: first)])
                    return nil
                }
                seen[offer.value] = offer.location
                return ImportedMapping.Entry(offer: offer, equivalent: equivalent, migrationEnabled: enabled)
            }
        guard let source else { return nil }
        return ImportedMapping(source: source, entries: entries)
    }

    /// The drafts with the mapping's equivalents in place of those written by hand.
    func apply(_ mapping: ImportedMapping?, to drafts: [OfferDraft]) -> [OfferDraft] {
        guard let mapping else { return drafts }
        var drafts = drafts
        let index = Dictionary(drafts.enumerated().map { ($1.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in mapping.entries {
            guard let at = index[entry.offer.value] else {
                unknown(entry.offer, what: "offer", known: index.keys)
                continue
            }
            drafts[at].equivalent = entry.equivalent
            drafts[at].equivalentSource = mapping.source
            drafts[at].migrationEnabled = entry.migrationEnabled
        }
        return drafts
    }
}
