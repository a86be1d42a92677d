import UpgradeBase
import UpgradeCore

extension ContentReading {
    func readExamples(offers: [Offer], codes: [ReasonCode]) -> [Example] {
        guard let root = file("examples.yaml", what: "the worked examples", keys: ["examples"], optional: true)
        else { return [] }
        let objects = root.objects(
            "examples", what: "example",
            keys: ["id", "title", "from", "to", "status", "holds", "asOf", "expect", "reasons"])
        let ids: [Located<ExampleID>?] = objects.map { $0.id("id") }
        _ = rejectDuplicates(ids.compactMap { $0 }, what: "example")
        let index = Dictionary(offers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return zip(objects, ids).compactMap { object, id -> Example? in
            let title = object.string("title")
            let from = offer(object, "from", index: index), to = offer(object, "to", index: index)
            let status = self.status(object)
            let holdings = object.strings("holds").compactMap { holding($0, index: index) }
            let asOf = object.date("asOf")
            let verdict = self.verdict(object)
            let reasons = object.strings("reasons").compactMap { code -> ReasonCode? in
                guard let reason = codes.first(where: { $0.rawValue == code.value }) else {
                    // When rules.yaml could not be read, the code may well be in it.
                    guard !unreadable.contains("rules.yaml") else { return nil }
                    let hint = suggestion(for: code.value, among: codes.map(\.rawValue))
                    sink.error(.unknownID, "unknown reason code '\(code.value)'\(hint)", at: code.location)
                    return nil
                }
                return reason
            }
            if verdict == .eligible, !reasons.isEmpty {
                sink.error(.inconsistent, "an eligible example cannot list reasons", at: object.location(of: "reasons"))
            }
            guard let id, let title, let from, let to, let status, let asOf, let verdict else { return nil }
            sourceMap.examples[id.value] = id.location
            let request = Request(from: from, to: to, status: status, holdings: holdings, asOf: asOf.value)
            return Example(
                id: id.value, title: title.value, request: request, expectedVerdict: verdict,
                expectedReasons: reasons)
        }
    }

    private func offer(_ object: YAMLObject, _ key: String, index: [OfferID: Offer]) -> Offer? {
        guard let id: Located<OfferID> = object.id(key) else { return nil }
        guard let offer = index[id.value] else {
            unknown(id, what: "offer", known: index.keys)
            return nil
        }
        return offer
    }

    private func status(_ object: YAMLObject) -> SubscriptionStatus? {
        guard let text = object.string("status", required: false) else { return .active }
        guard let status = SubscriptionStatus(rawValue: text.value) else {
            let names = SubscriptionStatus.allCases.map(\.rawValue)
            sink.error(
                .unknownID,
                "unknown status '\(text.value)'\(suggestion(for: text.value, among: names)); "
                    + "use one of \(names.joined(separator: ", "))", at: text.location)
            return nil
        }
        return status
    }

    private func verdict(_ object: YAMLObject) -> Verdict? {
        guard let text = object.string("expect") else { return nil }
        guard let verdict = Verdict(rawValue: text.value) else {
            sink.error(.invalidValue, "'expect' must be eligible or blocked, not '\(text.value)'", at: text.location)
            return nil
        }
        return verdict
    }

    private func holding(_ text: Located<String>, index: [OfferID: Offer]) -> Holding? {
        guard let spec = HoldingSpec(parsing: text.value) else {
            sink.error(
                .unknownID,
                "'\(text.value)' is not a holding: write an offer id, optionally followed by "
                    + "@partner or @other", at: text.location)
            return nil
        }
        guard let offer = index[OfferID(spec.offer)] else {
            unknown(Located(OfferID(spec.offer), at: text.location), what: "offer", known: index.keys)
            return nil
        }
        return Holding(offer: offer, channel: spec.channel)
    }
}
