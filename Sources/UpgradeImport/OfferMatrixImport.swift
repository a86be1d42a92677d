import UpgradeBase
import UpgradeContent
import UpgradeCore

/// Reads a partner's new-commerce offer matrix (CSV) against the model and writes what it says
/// as `content/offer-matrix.yaml`. The hand-written model is never edited: the loader completes
/// each offer of `offers.yaml` that has a matrix SKU, and declares the SKUs no offer has. So
/// aliases, services, sources and notes stay where they were written, and the same file always
/// gives the same bytes.
package struct OfferMatrixImport {
    /// The file's text, and what it holds.
    package let text: String
    package let skus: Int
    /// The offers of `offers.yaml` the matrix completes, by id.
    package let completed: [OfferID]
    /// The offers only the matrix declares, by id.
    package let declared: [OfferID]
    package let conversions: Int
    /// Conversions `paths.yaml` already lists: it keeps its own citation for them.
    package let alreadyListed: Int

    /// `name` is the file name the matrix is cited by; `content` the model as loaded now.
    package init(
        bytes: [UInt8], path: String, name: String, program: ProgramID, source: String, content: LoadedContent
    ) throws(DiagnosticError) {
        let sink = Diagnostics()
        let table = CSVTable(bytes: bytes, file: path, sink: sink)
        let skus = MatrixSKU.gather(from: table, file: path, sink: sink)
        let catalog = content.catalog
        guard catalog.program(program) != nil else {
            throw DiagnosticError(
                .unknownID,
                "the model has no program '\(program)'; programs.yaml declares "
                    + catalog.programs.map { "'\($0.id)'" }.joined(separator: ", "), at: SourceLocation(file: path))
        }
        let matrixFile = ImportedMatrixFile.name
        let isImported = { (id: OfferID) in content.sourceMap.offers[id]?.file.hasSuffix("/" + matrixFile) ?? false }
        let offers = catalog.offers(in: program)
        // A SKU an offer of offers.yaml names; the ids the last import gave the others, to keep them.
        let handWritten = Dictionary(
            offers.filter { !isImported($0.id) }.compactMap { offer in offer.sale.sku.map { ($0, offer) } },
            uniquingKeysWith: { first, _ in first })
        let previous = Dictionary(
            offers.filter { isImported($0.id) }.compactMap { offer in offer.sale.sku.map { ($0, offer.id) } },
            uniquingKeysWith: { first, _ in first })
        let inFile = Set(skus.map(\.sku))
        var conversions = 0, alreadyListed = 0
        for sku in skus {
            for conversion in sku.conversions {
                if conversion.sku == sku.sku {
                    sink.error(.cell, "\(sku.sku) lists itself in ProductSkuConversion", at: conversion.cell.location)
                } else if !inFile.contains(conversion.sku) && handWritten[conversion.sku] == nil {
                    sink.error(
                        .unknownSKU,
                        "\(sku.sku) converts to \(conversion.sku), which is neither a row of this file nor the sku of an "
                            + "offer in offers.yaml", at: conversion.cell.location)
                } else {
                    conversions += 1
                    if let from = handWritten[sku.sku], let to = handWritten[conversion.sku],
                        let path = catalog.path(from: from.id, to: to.id),
                        let location = content.sourceMap.paths[PathKey(from: path.from, to: path.to)],
                        !location.file.hasSuffix("/" + matrixFile)
                    {
                        alreadyListed += 1
                    }
                }
            }
        }
        let ids = Self.assignIDs(skus, handWritten: handWritten, previous: previous, catalog: catalog)
        Self.rejectNameClashes(skus, offers: offers, sink: sink)
        try sink.throwIfErrors()
        let entries = skus.sorted { $0.sku < $1.sku }.map { sku in
            ImportedMatrixFile.Entry(
                sku: sku.sku, id: ids[sku.sku], title: sku.title.text, maxSeats: sku.maxSeats,
                countries: sku.countries, plans: Plan.catalogueOrder(sku.plans),
                conversions: sku.conversions.map(\.sku).sorted())
        }
        text = ImportedMatrixFile.text(entries, program: program, source: source, from: name)
        self.skus = skus.count
        completed = skus.compactMap { handWritten[$0.sku]?.id }.sorted()
        declared = skus.compactMap { ids[$0.sku] }.sorted()
        self.conversions = conversions
        self.alreadyListed = alreadyListed
    }

    /// An id for each SKU no offer of offers.yaml has: the last import's, else one made of its title.
    private static func assignIDs(
        _ skus: [MatrixSKU], handWritten: [String: Offer], previous: [String: OfferID], catalog: Catalog
    ) -> [String: OfferID] {
        var taken = Set(catalog.offers.map(\.id)).subtracting(previous.values)
        var ids: [String: OfferID] = [:]
        for sku in skus where handWritten[sku.sku] == nil {
            if let id = previous[sku.sku] {
                ids[sku.sku] = id
                taken.insert(id)
            }
        }
        for sku in skus where handWritten[sku.sku] == nil && ids[sku.sku] == nil {
            let slug = Self.slug(sku.title.text)
            var id = OfferID(slug.isEmpty ? Self.slug(sku.sku) : slug)
            if taken.contains(id) { id = OfferID(id.rawValue + "-" + Self.slug(sku.sku)) }
            ids[sku.sku] = id
            taken.insert(id)
        }
        return ids
    }

    /// Lowercase ASCII letters and digits, words joined by hyphens: `Office 365 E5 (no Teams)` is `office-365-e5-no-teams`.
    static func slug(_ text: String) -> String {
        var words: [String] = [], word = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return String(words.joined(separator: "-").prefix(80))
    }

    /// A title that another offer of the program already answers to would make questions ambiguous.
    private static func rejectNameClashes(
        _ skus: [MatrixSKU], offers: [Offer], sink: Diagnostics
    ) {
        var owners: [String: (what: String, sku: String?)] = [:]
        for offer in offers {
            for name in [offer.name] + offer.aliases + offer.formerly.map(\.name) {
                owners[Catalog.fold(name)] = ("'\(offer.id)'", offer.sale.sku)
            }
        }
        for sku in skus {
            let key = Catalog.fold(sku.title.text)
            if let owner = owners[key], owner.sku != sku.sku {
                sink.error(
                    .cell,
                    "the title '\(sku.title.text)' of \(sku.sku) is already a name of \(owner.what), so a question "
                        + "naming it would be ambiguous", at: sku.title.location)
            } else {
                owners[key] = ("\(sku.sku)", sku.sku)
            }
        }
    }
}
