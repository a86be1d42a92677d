extension Catalog {
    /// Finds an offer by id, display name or alias, ignoring case and surrounding space.
    package func lookUpOffer(_ query: String) -> Offer? {
        offersByFoldedName[Self.fold(query)]
    }

    /// The id closest to what was typed, for a "did you mean" hint.
    ///
    /// Past half the query's length, a suggestion is noise rather than help, and two
    /// texts whose lengths differ by more than that cannot be closer: such pairs are
    /// never compared, so the time stays bounded by the catalogue, whatever is typed.
    package func closestOfferID(to query: String) -> OfferID? {
        let key = Self.fold(query)
        let candidates = offers.flatMap { offer in
            ([offer.id.rawValue, offer.name] + offer.aliases).map { (Self.fold($0), offer.id) }
        }
        return closest(to: key, among: candidates, limit: max(3, key.count / 2))
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

/// The item whose key is nearest `word` by edit distance, no further than `limit`; ties go to
/// the smaller item. Two texts whose lengths differ by more than the limit cannot be that close,
/// so they are never compared, and the time stays bounded whatever is typed.
package func closest<Item: Comparable>(to word: String, among candidates: [(key: String, item: Item)], limit: Int) -> Item? {
    // Counting a String's characters walks it: count the word once, not once per candidate.
    let length = word.count
    var best: (item: Item, distance: Int)?
    for (key, item) in candidates where abs(key.count - length) <= limit {
        let distance = editDistance(word, key)
        if distance <= limit, best.map({ (distance, item) < ($0.distance, $0.item) }) ?? true { best = (item, distance) }
    }
    return best?.item
}

/// Levenshtein distance over characters.
package func editDistance(_ a: String, _ b: String) -> Int {
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
