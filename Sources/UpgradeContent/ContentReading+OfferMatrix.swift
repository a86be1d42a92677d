import UpgradeBase
import UpgradeCore

/// A partner's offer matrix as `upgradedocs import offer-matrix` wrote it into `offer-matrix.yaml`:
/// one entry per SKU, with what the matrix says of it. The hand-written offers keep their ids,
/// aliases, services and sources; the matrix adds its title, plans, seat limit, markets and
/// conversions to the offer with the same SKU, and declares the SKUs no offer names.
struct ImportedMatrix {
    struct Entry {
        let sku: Located<String>
        /// The id the import gave an offer only the matrix declares; absent for an offer of `offers.yaml`.
        let id: Located<OfferID>?
        let title: Located<String>
        let maxSeats: Int?
        let countries: [String]
        let plans: [Plan]
        /// The SKUs this one converts to (the matrix's `ProductSkuConversion`).
        let conversions: [Located<String>]
    }

    static let file = "offer-matrix.yaml"

    let program: Located<ProgramID>
    /// The citation of every fact the matrix gives.
    let source: Located<String>
    let entries: [Entry]
}

extension ContentReading {
    func readOfferMatrix(programs: [Program]) -> ImportedMatrix? {
        guard
            let root = file(
                ImportedMatrix.file, what: "the imported offer matrix", keys: ["program", "source", "skus"],
                optional: true)
        else { return nil }
        let program: Located<ProgramID>? = root.id("program")
        let source = citation(root)
        if let program, !programs.contains(where: { $0.id == program.value }) {
            unknown(program, what: "program", known: programs.map(\.id))
        }
        let objects = root.objects(
            "skus", what: "SKU", keys: ["sku", "id", "title", "maxSeats", "countries", "plans", "conversions"])
        var seen: [String: SourceLocation] = [:]
        let entries = objects.compactMap { object -> ImportedMatrix.Entry? in
            let sku = object.string("sku"), title = object.string("title")
            let id: Located<OfferID>? = object.id("id", required: false)
            let plans = OfferDraft.readPlans(object.strings("plans"), sink: sink)
            let maxSeats = OfferDraft.readMaxSeats(object)
            guard let sku, let title else { return nil }
            if let first = seen[sku.value] {
                sink.error(
                    .duplicate, "SKU '\(sku.value)' is listed twice", at: sku.location,
                    notes: [Diagnostic.Note("first listed here", at: first)])
                return nil
            }
            seen[sku.value] = sku.location
            return ImportedMatrix.Entry(
                sku: sku, id: id, title: title, maxSeats: maxSeats, countries: countries(object),
                plans: Plan.catalogueOrder(plans), conversions: object.strings("conversions"))
        }
        guard let program, let source else { return nil }
        return ImportedMatrix(program: program, source: source, entries: entries)
    }

    /// `countries: "AD AE GB"`: country codes, two capital letters each, separated by spaces.
    private func countries(_ object: YAMLObject) -> [String] {
        guard let text = object.string("countries", required: false) else { return [] }
        let codes = text.value.split(separator: " ").map(String.init)
        if let bad = codes.first(where: { $0.count != 2 || !$0.allSatisfy { ("A"..."Z").contains($0) } }) {
            sink.error(
                .invalidValue, "'\(bad)' is not a country code: two capital letters, such as GB, separated by spaces",
                at: text.location)
        }
        return codes
    }

    /// The hand-written offers, each completed by its SKU's entry, then the offers only the matrix declares.
    func merge(_ drafts: [OfferDraft], with matrix: ImportedMatrix?) -> [OfferDraft] {
        var drafts = drafts
        var bySKU: [String: Int] = [:]
        for (index, draft) in drafts.enumerated() {
            guard let sku = draft.sale.sku, let program = draft.program?.value else { continue }
            let key = program.rawValue + " " + sku
            if let first = bySKU[key] {
                sink.error(
                    .duplicate, "'\(draft.id.value)' has the SKU '\(sku)' of '\(drafts[first].id.value)'",
                    at: draft.saleSource?.location ?? draft.id.location,
                    notes: [Diagnostic.Note("declared here", at: drafts[first].id.location)])
            } else {
                bySKU[key] = index
            }
        }
        guard let matrix else { return drafts }
        let source = matrix.source.value
        for entry in matrix.entries {
            if let index = bySKU[matrix.program.value.rawValue + " " + entry.sku.value] {
                let sale = drafts[index].sale
                if Catalog.fold(entry.title.value) != Catalog.fold(drafts[index].name.value),
                    !drafts[index].aliases.contains(where: { Catalog.fold($0.value) == Catalog.fold(entry.title.value) })
                {
                    drafts[index].aliases.append(entry.title)
                }
                drafts[index].sale = Sale(
                    sku: sale.sku, plans: entry.plans.isEmpty ? sale.plans : entry.plans, endOfSale: sale.endOfSale,
                    convertibleAfterEndOfSale: sale.convertibleAfterEndOfSale, maxSeats: entry.maxSeats ?? sale.maxSeats,
                    source: sale.source, countries: entry.countries, importedFrom: source)
                continue
            }
            guard let id = entry.id else {
                sink.error(
                    .missingKey,
                    "no offer of offers.yaml has the SKU '\(entry.sku.value)', so its entry needs the 'id' of the offer "
                        + "it declares; import the offer matrix again", at: entry.sku.location)
                continue
            }
            let sale = Sale(
                sku: entry.sku.value, plans: entry.plans, maxSeats: entry.maxSeats, source: source,
                countries: entry.countries, importedFrom: source)
            drafts.append(OfferDraft(imported: id, name: entry.title, program: matrix.program, sale: sale))
        }
        return drafts
    }

    /// The matrix's conversions as paths, each cited to the matrix; a pair `paths.yaml` lists keeps its own source.
    func importedPaths(_ matrix: ImportedMatrix?, offers: [Offer], listed: inout [PathKey: SourceLocation]) -> [UpgradePath] {
        guard let matrix else { return [] }
        var bySKU: [String: Offer] = [:]
        for offer in offers where offer.program == matrix.program.value {
            if let sku = offer.sale.sku { bySKU[sku] = offer }
        }
        var paths: [UpgradePath] = []
        for entry in matrix.entries {
            guard let from = bySKU[entry.sku.value] else { continue }
            for conversion in entry.conversions {
                guard let to = bySKU[conversion.value] else {
                    let hint = suggestion(for: conversion.value, among: bySKU.keys.sorted())
                    sink.error(.unknownID, "no offer has the SKU '\(conversion.value)'\(hint)", at: conversion.location)
                    continue
                }
                guard from.id != to.id else {
                    sink.error(.inconsistent, "'\(entry.sku.value)' converts to itself", at: conversion.location)
                    continue
                }
                let key = PathKey(from: from.id, to: to.id)
                guard listed[key] == nil else { continue }
                listed[key] = conversion.location
                paths.append(UpgradePath(from: from.id, to: to.id, footnote: nil, statedBy: nil, source: matrix.source.value))
            }
        }
        return paths
    }
}
