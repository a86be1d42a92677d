import UpgradeBase
import UpgradeCore

extension ContentReading {
    /// The programs and regions, the file of each program that has rules of its own, and the file
    /// of each program's migration rules.
    func readPrograms() -> (
        [Program], [Region], ruleFiles: [ProgramID: Located<String>], migrationFiles: [ProgramID: Located<String>]
    ) {
        guard let root = file("programs.yaml", what: "the programs and regions", keys: ["programs", "regions"])
        else { return ([], [], [:], [:]) }
        let programObjects = root.objects(
            "programs", what: "program",
            keys: ["id", "name", "title", "withdrawnFrom", "withdrawalNote", "rules", "migration"])
        var ruleFiles: [ProgramID: Located<String>] = [:], migrationFiles: [ProgramID: Located<String>] = [:]
        func ruleFile(_ object: YAMLObject) -> Located<String>? {
            guard let file = object.string("rules", required: object.what == "migration") else { return nil }
            guard ContentListing.isRuleFile(file.value) else {
                sink.error(
                    .fileName, "a program's rules are in a file of the folder named NAME-rules.yaml, not '\(file.value)'",
                    at: file.location)
                return nil
            }
            return file
        }
        let programIDs: [Located<ProgramID>?] = programObjects.map { $0.id("id") }
        let known = rejectDuplicates(programIDs.compactMap { $0 }, what: "program")
        let programs = zip(programObjects, programIDs).compactMap { object, id -> Program? in
            let name = object.string("name")
            _ = object.string("title", required: false)
            let withdrawn = object.date("withdrawnFrom", required: false)
            let note = object.string("withdrawalNote", required: false)
            let rules = ruleFile(object)
            let migration = object.value("migration").flatMap {
                YAMLObject(
                    $0, file: object.file, what: "migration",
                    keys: ["to", "rules", "microsoftLedFrom", "microsoftLedSource"], sink: sink)
            }
            let route = migration.flatMap { readMigrationRoute($0, from: id?.value, known: known) }
            guard let id else { return nil }
            ruleFiles[id.value] = rules
            if let migration, route != nil { migrationFiles[id.value] = ruleFile(migration) }
            return Program(
                id: id.value, name: name?.value ?? id.value.rawValue, withdrawnFrom: withdrawn?.value,
                withdrawalNote: note?.value, migration: route)
        }
        let regionObjects = root.objects("regions", what: "region", keys: ["id", "name"], required: false)
        let regionIDs: [Located<RegionID>?] = regionObjects.map { $0.id("id") }
        _ = rejectDuplicates(regionIDs.compactMap { $0 }, what: "region")
        let regions = zip(regionObjects, regionIDs).compactMap { object, id -> Region? in
            guard let id else { return nil }
            return Region(id: id.value, name: object.string("name")?.value ?? id.value.rawValue)
        }
        return (programs, regions, ruleFiles, migrationFiles)
    }

    /// Where a program's subscriptions migrate: another program, with the day Microsoft starts
    /// migrating them itself, cited.
    private func readMigrationRoute(_ object: YAMLObject, from program: ProgramID?, known: Set<ProgramID>)
        -> MigrationRoute?
    {
        let to: Located<ProgramID>? = object.id("to")
        let led = object.date("microsoftLedFrom", required: false)
        let ledSource = object.value("microsoftLedSource") == nil ? nil : citation(object, "microsoftLedSource")
        if led != nil, ledSource == nil {
            sink.error(
                .missingKey, "'microsoftLedFrom' needs 'microsoftLedSource': where Microsoft announced it",
                at: object.location(ofKey: "microsoftLedFrom"))
        }
        guard let to else { return nil }
        guard known.contains(to.value) else {
            unknown(to, what: "program", known: known)
            return nil
        }
        if to.value == program {
            sink.error(.inconsistent, "a program's subscriptions migrate to another program", at: to.location)
            return nil
        }
        return MigrationRoute(to: to.value, microsoftLedFrom: led?.value, microsoftLedSource: ledSource?.value)
    }

    func readServices() -> [Service] {
        guard let root = file("services.yaml", what: "the service catalog", keys: ["modelledAsOf", "services"])
        else { return [] }
        _ = root.date("modelledAsOf", required: false)
        let objects = root.objects("services", what: "service", keys: ["id", "name"])
        let ids: [Located<ServiceID>?] = objects.map { $0.id("id") }
        _ = rejectDuplicates(ids.compactMap { $0 }, what: "service")
        // A service with other errors still counts as declared, so offers naming it get no second error.
        return zip(objects, ids).compactMap { object, id in
            guard let id else { return nil }
            return Service(id: id.value, name: object.string("name")?.value ?? id.value.rawValue)
        }
    }

    func readOffers(
        programs: [Program], regions: [Region], services: [Service], matrix: ImportedMatrix?,
        mapping: ImportedMapping? = nil
    ) -> (offers: [Offer], differentProducts: [DifferentProduct]) {
        guard let root = file("offers.yaml", what: "the offers", keys: ["offers", "differentProducts"]) else { return ([], []) }
        let handWritten = root.objects(
            "offers", what: "offer",
            keys: [
                "id", "name", "aliases", "formerly", "program", "region", "variantOf", "extends", "services", "sku", "plans",
                "endOfSale", "convertibleAfterEndOfSale", "maxSeats", "saleSource", "equivalent", "equivalentSource",
                "migrationEnabled",
            ]
        )
        .compactMap { OfferDraft(reading: $0) }
        let drafts = apply(mapping, to: merge(handWritten, with: matrix))
        let known = rejectDuplicates(drafts.map(\.id), what: "offer")
        let products = root.objects(
            "differentProducts", what: "different product", keys: ["name", "aliases", "confusedWith", "differs", "source"],
            required: false
        ).compactMap { DifferentProductDraft(reading: $0) }
        for product in products where !known.contains(product.confusedWith.value) {
            unknown(product.confusedWith, what: "offer", known: known)
        }
        rejectLookAlikes(drafts, products)
        let draftIndex = Dictionary(drafts.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        let programIDs = Set(programs.map(\.id)), regionIDs = Set(regions.map(\.id))
        let serviceIDs = Set(services.map(\.id))
        citations +=
            drafts.flatMap(\.citations) + products.map(\.source) + drafts.compactMap(\.saleSource)
            + drafts.compactMap(\.equivalentSource)
        checkEquivalents(drafts, index: draftIndex, programs: programs)
        for draft in drafts {
            sourceMap.offers[draft.id.value] = draft.id.location
            if let program = draft.program, !programIDs.contains(program.value) {
                unknown(program, what: "program", known: programIDs)
            }
            if let region = draft.region, !regionIDs.contains(region.value) {
                unknown(region, what: "region", known: regionIDs)
            }
            for service in draft.services where !serviceIDs.contains(service.value) {
                unknown(service, what: "service", known: serviceIDs)
            }
            for reference in [draft.variantOf, draft.extends].compactMap({ $0 }) where !known.contains(reference.value) {
                unknown(reference, what: "offer", known: known)
            }
            checkVariant(draft, index: draftIndex)
        }
        var reportedCycles = Set<Set<OfferID>>()
        let offers = drafts.map { draft in
            var visiting: [(offer: OfferID, key: String)] = []
            let services = resolveServices(
                of: draft.id.value, index: draftIndex, visiting: &visiting,
                reported: &reportedCycles)
            // A missing program is already an error; the offer stays declared so paths naming it get no second one.
            return Offer(
                id: draft.id.value, name: draft.name.value, program: draft.program?.value ?? "",
                region: draft.region?.value, variantOf: draft.variantOf?.value, services: services,
                aliases: draft.aliases.map(\.value), formerly: draft.formerly, sale: draft.sale,
                equivalent: draft.equivalent.flatMap { offer in
                    draft.equivalentSource.map {
                        Equivalent(offer: offer.value, source: $0.value, migrationEnabled: draft.migrationEnabled)
                    }
                })
        }
        let differentProducts = products.map { product in
            DifferentProduct(
                name: product.name.value, aliases: product.aliases.map(\.value), confusedWith: product.confusedWith.value,
                differs: product.differs, source: product.source.value)
        }
        return (offers, differentProducts)
    }

    /// Offers are looked up by id, name, alias or former name, in any case and with any spacing or
    /// punctuation (`Catalog.fold`): two of them that fold alike for two different things (offers,
    /// or an offer and a different product) would answer for the wrong one. Each is reported at the
    /// later name, with a note at the first. So is a name that differs only by a letter of another
    /// script that looks the same (Unicode's confusables, UTS #39): an agent could not tell them apart.
    /// Offers of two programs may share a name or alias, the same product sold both ways: a question
    /// then names the program. Ids are unique across programs.
    private func rejectLookAlikes(_ drafts: [OfferDraft], _ products: [DifferentProductDraft]) {
        struct Owner {
            let what: String
            let location: SourceLocation
            /// The program of an offer's name or alias, which another program's offer may share.
            var program: ProgramID? = nil
        }
        var names: [String: [Owner]] = [:]
        // By how a name reads (its skeleton): "Вusiness" with a Cyrillic В is another key, but no reader can tell.
        var readings: [String: (owner: Owner, key: String, name: String)] = [:]
        func claim(_ name: Located<String>, for owner: String, as kind: String, program: ProgramID? = nil) {
            let key = Catalog.fold(name.value)
            let reading = Confusables.reading(of: name.value)
            if let first = readings[reading], first.key != key, first.owner.what != owner {
                let culprit = Confusables.firstLookAlike(in: name.value) ?? Confusables.firstLookAlike(in: first.name)
                sink.error(
                    .duplicate,
                    "the \(kind) '\(name.value)' reads exactly as '\(first.name)', a name of \(first.owner.what)"
                        + (culprit.map { ": its \($0)" } ?? ""), at: name.location,
                    notes: [Diagnostic.Note("used here", at: first.owner.location)])
            } else if readings[reading] == nil {
                readings[reading] = (Owner(what: owner, location: name.location), key, name.value)
            }
            let claimant = Owner(what: owner, location: name.location, program: program)
            let clash = names[key, default: []].first { first in
                first.what != owner && (first.program == nil || program == nil || first.program == program)
            }
            // A name reported as a clash claims nothing: later names are held against the first owners only.
            guard let first = clash else {
                names[key, default: []].append(claimant)
                return
            }
            sink.error(
                .duplicate,
                "the \(kind) '\(name.value)' is already a name of \(first.what), so looking it up would be ambiguous "
                    + "(names are compared without case, spacing or punctuation)", at: name.location,
                notes: [Diagnostic.Note("used here", at: first.location)])
        }
        // Ids first, then names, aliases and former names: a clash is reported at the later kind.
        for draft in drafts {
            claim(Located(draft.id.value.rawValue, at: draft.id.location), for: "'\(draft.id.value)'", as: "offer id")
        }
        for draft in drafts { claim(draft.name, for: "'\(draft.id.value)'", as: "name", program: draft.program?.value) }
        for draft in drafts {
            draft.aliases.forEach { claim($0, for: "'\(draft.id.value)'", as: "alias", program: draft.program?.value) }
        }
        for draft in drafts { draft.formerNames.forEach { claim($0, for: "'\(draft.id.value)'", as: "former name") } }
        for product in products {
            let owner = "the different product '\(product.name.value)'"
            ([product.name] + product.aliases).forEach { claim($0, for: owner, as: "name") }
        }
    }

    /// An equivalent is an offer of another program, named with where the mapping comes from.
    /// An equivalent is an offer of another program: of the one the offer's program migrates to, where it says.
    private func checkEquivalents(_ drafts: [OfferDraft], index: [OfferID: OfferDraft], programs: [Program]) {
        for draft in drafts {
            if let source = draft.equivalentSource, draft.equivalent == nil {
                sink.error(
                    .missingKey, "'equivalentSource' without 'equivalent': name the offer it is the source for",
                    at: source.location)
            }
            guard let equivalent = draft.equivalent else { continue }
            if draft.equivalentSource == nil {
                sink.error(
                    .missingKey,
                    "'\(draft.id.value)' names an equivalent, so it names where the mapping comes from in "
                        + "'equivalentSource'", at: equivalent.location)
            }
            guard let target = index[equivalent.value] else {
                unknown(equivalent, what: "offer", known: index.keys)
                continue
            }
            if target.program?.value == draft.program?.value {
                sink.error(
                    .inconsistent,
                    "'\(equivalent.value)' is in the same program as '\(draft.id.value)'; an equivalent is the offer "
                        + "of another program", at: equivalent.location)
            } else if let route = programs.first(where: { $0.id == draft.program?.value })?.migration,
                let other = target.program?.value, other != route.to
            {
                sink.error(
                    .inconsistent,
                    "'\(equivalent.value)' is an offer of \(other), but '\(draft.id.value)' migrates to \(route.to); "
                        + "an equivalent is an offer of the program a subscription migrates to", at: equivalent.location)
            }
        }
    }

    private func checkVariant(_ draft: OfferDraft, index: [OfferID: OfferDraft]) {
        guard let base = draft.variantOf, let global = index[base.value] else {
            if draft.variantOf == nil, let region = draft.region {
                sink.error(
                    .missingKey,
                    "regional offer '\(draft.id.value)' needs 'variantOf': the global offer it is a "
                        + "\(region.value) variant of", at: region.location)
            }
            return
        }
        if draft.region == nil {
            sink.error(
                .inconsistent, "'\(draft.id.value)' is a variant of '\(base.value)' but names no region", at: base.location)
        }
        if global.variantOf != nil || global.region != nil {
            sink.error(
                .inconsistent, "'variantOf' must name a global offer; '\(base.value)' is itself regional", at: base.location)
        }
        if let program = draft.program?.value, let baseProgram = global.program?.value, program != baseProgram {
            sink.error(
                .inconsistent,
                "'\(draft.id.value)' is in program '\(program)' but its global offer '\(base.value)' "
                    + "is in '\(baseProgram)'", at: base.location)
        }
    }

    /// Own services, plus those of `extends`; a variant with neither inherits its global offer's.
    /// A loop is reported once, named for the key that forms it, at the link that closes it.
    private func resolveServices(
        of id: OfferID, index: [OfferID: OfferDraft], visiting: inout [(offer: OfferID, key: String)],
        reported: inout Set<Set<OfferID>>
    ) -> [ServiceID] {
        guard let draft = index[id] else { return [] }
        if let start = visiting.firstIndex(where: { $0.offer == id }) {
            let loop = Array(visiting[start...])
            if reported.insert(Set(loop.map(\.offer))).inserted, let closing = loop.last, let closer = index[closing.offer] {
                let keys = Set(loop.map(\.key))
                let named = keys.count == 1 ? "'\(keys.first!)'" : "'extends' and 'variantOf'"
                let chain = (loop.map(\.offer) + [id]).map(\.rawValue).joined(separator: " → ")
                let link = closing.key == "extends" ? closer.extends : closer.variantOf
                sink.error(.inconsistent, "\(named) goes round in a circle: \(chain)", at: link?.location ?? closer.id.location)
            }
            return []
        }
        var services = draft.services.map(\.value)
        if let parent = draft.extends {
            visiting.append((id, "extends"))
            services += resolveServices(of: parent.value, index: index, visiting: &visiting, reported: &reported)
            visiting.removeLast()
        } else if services.isEmpty, let base = draft.variantOf {
            visiting.append((id, "variantOf"))
            services = resolveServices(of: base.value, index: index, visiting: &visiting, reported: &reported)
            visiting.removeLast()
        }
        return services
    }
}

/// An offer as written, before references are resolved.
struct OfferDraft {
    let id: Located<OfferID>
    let name: Located<String>
    let program: Located<ProgramID>?
    let region: Located<RegionID>?
    let variantOf: Located<OfferID>?
    let extends: Located<OfferID>?
    let services: [Located<ServiceID>]
    /// Hand-written, then the offer matrix's title where it differs from the name.
    var aliases: [Located<String>]
    /// The former names, read whole; and each one's name where it stands, for the look-alike check.
    let formerly: [FormerName]
    let formerNames: [Located<String>]
    /// The sources the former names cite, where they stand.
    let citations: [Located<String>]
    /// Hand-written, then completed from the offer matrix.
    var sale: Sale
    /// Where the sale facts come from, where they stand.
    let saleSource: Located<String>?
    /// The offer of another program a subscription of this one moves to, and who says so.
    /// Written by hand, or by the partner's NCE mapping, which stands in its place.
    var equivalent: Located<OfferID>?
    var equivalentSource: Located<String>?
    /// Whether Partner Center's migration tools move it to its equivalent; where not, it moves by hand.
    var migrationEnabled: Bool

    /// An offer only the offer matrix declares: its title is its name, and it has no services the model knows.
    init(imported id: Located<OfferID>, name: Located<String>, program: Located<ProgramID>, sale: Sale) {
        (self.id, self.name, self.program, self.sale) = (id, name, program, sale)
        (region, variantOf, extends, saleSource, equivalent, equivalentSource) = (nil, nil, nil, nil, nil, nil)
        (services, aliases, formerly, formerNames, citations) = ([], [], [], [], [])
        migrationEnabled = true
    }

    init?(reading object: YAMLObject) {
        aliases = object.strings("aliases")
        var formerly: [FormerName] = [], formerNames: [Located<String>] = [], citations: [Located<String>] = []
        for item in object.objects("formerly", what: "former name", keys: ["name", "renamed", "source"], required: false) {
            let name = item.string("name"), renamed = item.date("renamed"), source = item.string("source")
            if let source { citations.append(source) }
            guard let name, let renamed, let source else { continue }
            formerly.append(FormerName(name: name.value, renamed: renamed.value, source: source.value))
            formerNames.append(name)
        }
        self.formerly = formerly.sorted { $0.renamed < $1.renamed }
        self.formerNames = formerNames
        self.citations = citations
        let id: Located<OfferID>? = object.id("id")
        let name = object.string("name")
        program = object.id("program")
        region = object.id("region", required: false)
        variantOf = object.id("variantOf", required: false)
        extends = object.id("extends", required: false)
        services = object.ids("services")
        saleSource = object.string("saleSource", required: false)
        equivalent = object.id("equivalent", required: false)
        equivalentSource = object.string("equivalentSource", required: false)
        migrationEnabled = object.bool("migrationEnabled", default: true)
        sale = Self.readSale(object, source: saleSource?.value)
        guard let id, let name else { return nil }
        self.id = id
        self.name = name
    }
}

private struct DifferentProductDraft {
    let name: Located<String>
    let aliases: [Located<String>]
    let confusedWith: Located<OfferID>
    let differs: String
    let source: Located<String>

    init?(reading object: YAMLObject) {
        aliases = object.strings("aliases")
        let name = object.string("name"), confusedWith: Located<OfferID>? = object.id("confusedWith")
        let differs = object.string("differs"), source = object.string("source")
        guard let name, let confusedWith, let differs, let source else { return nil }
        self.name = name
        self.confusedWith = confusedWith
        self.differs = differs.value
        self.source = source
    }
}

extension OfferDraft {
    /// How the offer is sold: its SKU, plans (`TERM/billing`, such as `P1Y/monthly`), end of sale
    /// and seat limit. An offer that names plans or a seat limit must say where they come from.
    static func readSale(_ object: YAMLObject, source: String?) -> Sale {
        let sink = object.sink
        let plans = readPlans(object.strings("plans"), sink: sink)
        let maxSeats = readMaxSeats(object)
        let sku = object.string("sku", required: false)
        let facts = !plans.isEmpty || maxSeats != nil || sku != nil || object.value("endOfSale") != nil
        if facts && source == nil {
            sink.error(
                .missingKey, "an offer with a sku, plans, an end of sale or a seat limit names its 'saleSource'",
                at: object.location)
        }
        return Sale(
            sku: sku?.value,
            plans: Plan.catalogueOrder(plans),
            endOfSale: object.date("endOfSale", required: false)?.value,
            convertibleAfterEndOfSale: object.bool("convertibleAfterEndOfSale", default: false), maxSeats: maxSeats,
            source: source)
    }
}

extension OfferDraft {
    /// Plans written `TERM/billing`, such as `P1Y/monthly`.
    static func readPlans(_ texts: [Located<String>], sink: Diagnostics) -> [Plan] {
        texts.compactMap { text -> Plan? in
            let parts = text.value.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let term = Term(rawValue: String(parts[0])), let billing = Billing(rawValue: String(parts[1]))
            else {
                sink.error(
                    .invalidValue,
                    "'\(text.value)' is not a plan: write TERM/billing, the term one of "
                        + Term.allCases.map(\.rawValue).joined(separator: ", ") + " and the billing one of "
                        + Billing.allCases.map(\.rawValue).joined(separator: ", ") + ", such as P1Y/monthly",
                    at: text.location)
                return nil
            }
            if billing.months > term.months {
                sink.error(
                    .invalidValue, "plan '\(text.value)' bills less often than its term lasts; no offer is sold so",
                    at: text.location)
                return nil
            }
            return Plan(term: term, billing: billing)
        }
    }

    static func readMaxSeats(_ object: YAMLObject) -> Int? {
        object.string("maxSeats", required: false).flatMap { text -> Int? in
            guard let number = Int(text.value), number > 0 else {
                object.sink.error(.invalidValue, "'maxSeats' must be a whole number above 0", at: text.location)
                return nil
            }
            return number
        }
    }
}
