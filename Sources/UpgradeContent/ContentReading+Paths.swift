import UpgradeBase
import UpgradeCore

extension ContentReading {
    func readPaths(offers: [Offer], matrix: ImportedMatrix?) -> ([Footnote], [UpgradePath]) {
        guard let root = file("paths.yaml", what: "the upgrade paths", keys: ["footnotes", "paths"])
        else { return ([], []) }
        let footnoteObjects = root.objects("footnotes", what: "footnote", keys: ["id", "mark", "text"], required: false)
        let footnoteIDs: [Located<FootnoteID>?] = footnoteObjects.map { $0.id("id") }
        let knownFootnotes = rejectDuplicates(footnoteIDs.compactMap { $0 }, what: "footnote")
        let footnotes = zip(footnoteObjects, footnoteIDs).compactMap { object, id -> Footnote? in
            let mark = object.string("mark"), text = object.string("text")
            guard let id, let mark, let text else { return nil }
            return Footnote(id: id.value, mark: mark.value, text: text.value)
        }
        let offerIndex = Dictionary(offers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var paths: [UpgradePath] = []
        var listed: [PathKey: SourceLocation] = [:]
        defer { sourceMap.paths = listed }
        for group in root.objects("paths", what: "path group", keys: ["from", "to", "statedBy", "source"]) {
            let from: Located<OfferID>? = group.id("from")
            // Every path names where it is documented; a path without a source is not published.
            let documented = citation(group)
            let statedBy: Located<FootnoteID>? = group.id("statedBy", required: false)
            if let statedBy, !knownFootnotes.contains(statedBy.value) {
                unknown(statedBy, what: "footnote", known: knownFootnotes)
            }
            let source = from.flatMap { checkOffer($0, index: offerIndex) }
            for target in readTargets(group, knownFootnotes: knownFootnotes) {
                guard let from, let source, let documented, let to = checkOffer(target.offer, index: offerIndex) else {
                    continue
                }
                guard validate(from: source, to: to, at: target.offer.location) else { continue }
                let key = PathKey(from: from.value, to: target.offer.value)
                if let first = listed[key] {
                    sink.error(
                        .duplicate, "the path from '\(from.value)' to '\(target.offer.value)' is listed twice",
                        at: target.offer.location, notes: [Diagnostic.Note("first listed here", at: first)])
                    continue
                }
                listed[key] = target.offer.location
                paths.append(
                    UpgradePath(
                        from: from.value, to: target.offer.value,
                        footnote: target.footnote, statedBy: statedBy?.value, source: documented.value))
            }
        }
        paths += importedPaths(matrix, offers: offers, listed: &listed)
        return (footnotes, paths)
    }

    private func checkOffer(_ id: Located<OfferID>, index: [OfferID: Offer]) -> Offer? {
        guard let offer = index[id.value] else {
            unknown(id, what: "offer", known: index.keys)
            return nil
        }
        return offer
    }

    private func validate(from source: Offer, to target: Offer, at location: SourceLocation) -> Bool {
        if source.id == target.id {
            sink.error(.inconsistent, "a path from '\(source.id)' to itself is not an upgrade", at: location)
            return false
        }
        if source.program != target.program {
            sink.error(
                .inconsistent,
                "a path cannot cross programs: '\(source.id)' is \(source.program), "
                    + "'\(target.id)' is \(target.program)", at: location)
            return false
        }
        return true
    }

    /// `to` items are an offer id, or `{offer: ID, footnote: ID}`.
    private func readTargets(_ group: YAMLObject, knownFootnotes: Set<FootnoteID>)
        -> [(offer: Located<OfferID>, footnote: FootnoteID?)]
    {
        group.items("to").compactMap { item in
            if item.scalar != nil {
                let text = item.scalar!.string.trimmingWhitespace
                let location = SourceLocation(file: group.file, node: item)
                guard YAMLObject.isValidID(text) else {
                    sink.error(.invalidID, "'\(text)' is not a valid offer id", at: location)
                    return nil
                }
                return (Located(OfferID(text), at: location), nil)
            }
            guard
                let object = YAMLObject(
                    item, file: group.file, what: "path target",
                    keys: ["offer", "footnote"], sink: sink),
                let offer: Located<OfferID> = object.id("offer")
            else { return nil }
            let footnote: Located<FootnoteID>? = object.id("footnote", required: false)
            if let footnote, !knownFootnotes.contains(footnote.value) {
                unknown(footnote, what: "footnote", known: knownFootnotes)
            }
            return (offer, footnote?.value)
        }
    }
}
