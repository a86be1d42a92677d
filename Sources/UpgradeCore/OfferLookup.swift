extension Catalog {
    /// Finds an offer by id or display name, ignoring case and surrounding space.
    public func lookUpOffer(_ query: String) -> Offer? {
        offersByFoldedName[Self.fold(query)]
    }

    /// The id closest to what was typed, for a "did you mean" hint.
    public func closestOfferID(to query: String) -> OfferID? {
        let key = Self.fold(query)
        let scored = offers.map { offer in
            (offer.id, min(editDistance(key, Self.fold(offer.id.rawValue)),
                           editDistance(key, Self.fold(offer.name))))
        }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        // Past half the query's length, a suggestion is noise rather than help.
        return best.1 <= max(3, key.count / 2) ? best.0 : nil
    }

    /// The first offer, in content order, whose id or name folds to each key.
    static func foldedNames(of offers: [Offer]) -> [String: Offer] {
        var index: [String: Offer] = [:]
        for offer in offers {
            for key in [fold(offer.id.rawValue), fold(offer.name)] where index[key] == nil { index[key] = offer }
        }
        return index
    }

    static func fold(_ text: String) -> String {
        String(text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }
}

/// Levenshtein distance over characters.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
