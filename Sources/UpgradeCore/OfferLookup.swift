extension Catalog {
    /// Finds an offer by id, display name or alias, ignoring case and surrounding space.
    public func lookUpOffer(_ query: String) -> Offer? {
        offersByFoldedName[Self.fold(query)]
    }

    /// The id closest to what was typed, for a "did you mean" hint.
    ///
    /// Past half the query's length, a suggestion is noise rather than help, and two
    /// texts whose lengths differ by more than that cannot be closer: such pairs are
    /// never compared, so the time stays bounded by the catalogue, whatever is typed.
    public func closestOfferID(to query: String) -> OfferID? {
        let key = Self.fold(query)
        // Counting a String's characters walks it: count the query once, not once per candidate.
        let length = key.count
        let limit = max(3, length / 2)
        var best: (id: OfferID, distance: Int)?
        for offer in offers {
            for candidate in ([offer.id.rawValue, offer.name] + offer.aliases).map(Self.fold)
            where abs(candidate.count - length) <= limit {
                let distance = editDistance(key, candidate)
                if distance <= limit, best.map({ (distance, offer.id) < ($0.distance, $0.id) }) ?? true {
                    best = (offer.id, distance)
                }
            }
        }
        return best?.id
    }

    /// The first offer, in content order, whose id, name or alias folds to each key.
    static func foldedNames(of offers: [Offer]) -> [String: Offer] {
        var index: [String: Offer] = [:]
        for offer in offers {
            for key in ([offer.id.rawValue, offer.name] + offer.aliases).map(fold) where index[key] == nil { index[key] = offer }
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
