import UpgradeBase
import UpgradeCore

extension ContentReading {
    func readPrograms() -> ([Program], [Region]) {
        guard let root = file("programs.yaml", what: "the programs and regions", keys: ["programs", "regions"])
        else { return ([], []) }
        let programObjects = root.objects(
            "programs", what: "program",
            keys: ["id", "name", "title", "withdrawnFrom", "withdrawalNote"])
        let programIDs: [Located<ProgramID>?] = programObjects.map { $0.id("id") }
        _ = rejectDuplicates(programIDs.compactMap { $0 }, what: "program")
        let programs = zip(programObjects, programIDs).compactMap { object, id -> Program? in
            let name = object.string("name")
            _ = object.string("title", required: false)
            let withdrawn = object.date("withdrawnFrom", required: false)
            let note = object.string("withdrawalNote", required: false)
            guard let id else { return nil }
            return Program(
                id: id.value, name: name?.value ?? id.value.rawValue, withdrawnFrom: withdrawn?.value,
                withdrawalNote: note?.value)
        }
        let regionObjects = root.objects("regions", what: "region", keys: ["id", "name"], required: false)
        let regionIDs: [Located<RegionID>?] = regionObjects.map { $0.id("id") }
        _ = rejectDuplicates(regionIDs.compactMap { $0 }, what: "region")
        let regions = zip(regionObjects, regionIDs).compactMap { object, id -> Region? in
            guard let id else { return nil }
            return Region(id: id.value, name: object.string("name")?.value ?? id.value.rawValue)
        }
        return (programs, regions)
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

    func readOffers(programs: [Program], regions: [Region], services: [Service]) -> [Offer] {
        guard let root = file("offers.yaml", what: "the offers", keys: ["offers"]) else { return [] }
        let drafts = root.objects(
            "offers", what: "offer",
            keys: ["id", "name", "aliases", "program", "region", "variantOf", "extends", "services"]
        )
        .compactMap { OfferDraft(reading: $0) }
        let known = rejectDuplicates(drafts.map(\.id), what: "offer")
        rejectDuplicateNames(drafts)
        rejectLookAlikes(drafts)
        let draftIndex = Dictionary(drafts.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        let programIDs = Set(programs.map(\.id)), regionIDs = Set(regions.map(\.id))
        let serviceIDs = Set(services.map(\.id))
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
        return drafts.map { draft in
            var visiting: [(offer: OfferID, key: String)] = []
            let services = resolveServices(
                of: draft.id.value, index: draftIndex, visiting: &visiting,
                reported: &reportedCycles)
            // A missing program is already an error; the offer stays declared so paths naming it get no second one.
            return Offer(
                id: draft.id.value, name: draft.name.value, program: draft.program?.value ?? "",
                region: draft.region?.value, variantOf: draft.variantOf?.value, services: services,
                aliases: draft.aliases.map(\.value))
        }
    }

    /// Offers are looked up by id, name or alias, in any case: an id that differs from another only
    /// by case, a name that is another offer's id, or an alias that is any other offer's id, name or
    /// alias would answer for the wrong offer.
    private func rejectLookAlikes(_ drafts: [OfferDraft]) {
        func fold(_ text: String) -> String {
            text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var names: [String: (offer: OfferID, location: SourceLocation)] = [:]
        for draft in drafts {
            for name in [Located(draft.id.value.rawValue, at: draft.id.location), draft.name] {
                if names[fold(name.value)] == nil { names[fold(name.value)] = (draft.id.value, name.location) }
            }
        }
        var aliases: [String: (offer: OfferID, location: SourceLocation)] = [:]
        for draft in drafts {
            for alias in draft.aliases {
                let key = fold(alias.value)
                if let other = names[key] ?? aliases[key], other.offer != draft.id.value {
                    sink.error(
                        .duplicate,
                        "the alias '\(alias.value)' is already a name of '\(other.offer)', so looking it up would be "
                            + "ambiguous", at: alias.location, notes: [Diagnostic.Note("used here", at: other.location)])
                } else if aliases[key] == nil {
                    aliases[key] = (draft.id.value, alias.location)
                }
            }
        }
        var ids: [String: Located<OfferID>] = [:]
        for draft in drafts {
            let key = fold(draft.id.value.rawValue)
            if let first = ids[key] {
                if first.value != draft.id.value {
                    sink.error(
                        .duplicate,
                        "the offer id '\(draft.id.value)' differs from '\(first.value)' only by case; offers are "
                            + "looked up without regard to case", at: draft.id.location,
                        notes: [Diagnostic.Note("'\(first.value)' is declared here", at: first.location)])
                }
            } else {
                ids[key] = draft.id
            }
        }
        for draft in drafts {
            if let other = ids[fold(draft.name.value)], other.value != draft.id.value {
                sink.error(
                    .duplicate, "the name '\(draft.name.value)' is the id of another offer, so looking it up would be ambiguous",
                    at: draft.name.location, notes: [Diagnostic.Note("'\(other.value)' is declared here", at: other.location)])
            }
        }
    }

    private func rejectDuplicateNames(_ drafts: [OfferDraft]) {
        var seen: [String: SourceLocation] = [:]
        for draft in drafts {
            let key = draft.name.value.lowercased()
            if let first = seen[key] {
                sink.error(
                    .duplicate,
                    "duplicate offer name '\(draft.name.value)'; it is first used at \(first), "
                        + "and names must be unique to look offers up by name", at: draft.name.location)
            } else {
                seen[key] = draft.name.location
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
private struct OfferDraft {
    let id: Located<OfferID>
    let name: Located<String>
    let program: Located<ProgramID>?
    let region: Located<RegionID>?
    let variantOf: Located<OfferID>?
    let extends: Located<OfferID>?
    let services: [Located<ServiceID>]
    let aliases: [Located<String>]

    init?(reading object: YAMLObject) {
        aliases = object.strings("aliases")
        let id: Located<OfferID>? = object.id("id")
        let name = object.string("name")
        program = object.id("program")
        region = object.id("region", required: false)
        variantOf = object.id("variantOf", required: false)
        extends = object.id("extends", required: false)
        services = object.ids("services")
        guard let id, let name else { return nil }
        self.id = id
        self.name = name
    }
}
