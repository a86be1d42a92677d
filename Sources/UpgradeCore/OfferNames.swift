/// A name an offer went by before Microsoft renamed it ("Office 365 Business Premium" is today's
/// Microsoft 365 Business Standard). Customers and old tickets still use it.
package struct FormerName: Hashable, Sendable {
    package let name: String
    /// The day the offer took its present name.
    package let renamed: CalendarDate
    /// Where the rename is stated: the start of a source's title in site.yaml, or a citation.
    package let source: String

    package init(name: String, renamed: CalendarDate, source: String) {
        self.name = name
        self.renamed = renamed
        self.source = source
    }
}

/// A product people confuse with an offer of the model but which is not on the source page
/// ("Microsoft 365 E3" is not Office 365 Enterprise E3). Its names never resolve to an offer.
package struct DifferentProduct: Hashable, Sendable {
    package let name: String
    package let aliases: [String]
    /// The offer people take it for.
    package let confusedWith: OfferID
    /// What sets it apart, in a few words: "adds Windows Enterprise and …".
    package let differs: String
    package let source: String

    package init(name: String, aliases: [String] = [], confusedWith: OfferID, differs: String, source: String) {
        self.name = name
        self.aliases = aliases
        self.confusedWith = confusedWith
        self.differs = differs
        self.source = source
    }
}

/// What a name typed by a person stands for.
package enum NameMatch: Equatable, Sendable {
    /// An offer, by its id, official name or alias.
    case offer(Offer)
    /// An offer, by the name it had before it was renamed.
    case formerly(Offer, FormerName)
    /// A product the model records as different from the offer people confuse it with.
    case differentProduct(DifferentProduct)
    /// Nothing; with the id nearest what was typed, when one is near enough to suggest.
    case unknown(suggestion: OfferID?)
    /// Offers of different programs that share the name; the question must name the program.
    case ambiguous([Offer])

    /// The offer the name resolves to; nil for a different product, an unknown or a shared name.
    package var offer: Offer? {
        switch self {
        case .offer(let offer), .formerly(let offer, _): offer
        case .differentProduct, .unknown, .ambiguous: nil
        }
    }
}

/// One key of the name table: what a folded name stands for.
package indirect enum NamedThing: Hashable, Sendable {
    case offer(OfferID)
    case formerly(OfferID, FormerName)
    case differentProduct(DifferentProduct)
    /// A name offers of several programs share: each program's meaning, by program.
    case shared([ProgramID: NamedThing])

    /// The offer the name stands for.
    var offerID: OfferID? {
        switch self {
        case .offer(let id), .formerly(let id, _): id
        case .differentProduct, .shared: nil
        }
    }
}

extension Catalog {
    /// The one resolver of names, for `explain`, `offers`, the checker and search: an exact id,
    /// official name, alias or former name, in any case and with any spacing or punctuation,
    /// resolves to its offer; a different product's name resolves to that product; nothing else
    /// resolves.
    /// A name several programs share resolves in `program`; without one it is ambiguous.
    package func resolve(_ query: String, in program: ProgramID? = nil) -> NameMatch {
        resolve(names[Self.fold(query)], query: query, in: program)
    }

    private func resolve(_ thing: NamedThing?, query: String, in program: ProgramID?) -> NameMatch {
        switch thing {
        case .offer(let id): offer(id).map(NameMatch.offer) ?? .unknown(suggestion: nil)
        case .formerly(let id, let former): offer(id).map { .formerly($0, former) } ?? .unknown(suggestion: nil)
        case .differentProduct(let product): .differentProduct(product)
        case .shared(let meanings):
            if let program, let meaning = meanings[program] {
                resolve(meaning, query: query, in: program)
            } else {
                .ambiguous(
                    programs.compactMap { meanings[$0.id]?.offerID }.compactMap(offer))
            }
        case nil: .unknown(suggestion: closestOfferID(to: query, in: program))
        }
    }

    /// An offer by its id, official name or alias only: what a page's header may call it. A name
    /// two programs share is read in `program`.
    package func lookUpOffer(_ query: String, in program: ProgramID? = nil) -> Offer? {
        switch names[Self.fold(query)] {
        case .offer(let id): return offer(id)
        case .shared(let meanings):
            if let program, case .offer(let id) = meanings[program] { return offer(id) }
            return nil
        default: return nil
        }
    }

    /// Why a name several programs share does not resolve alone, naming each offer.
    package func ambiguity(of query: String, among offers: [Offer]) -> String {
        "'\(query)' names offers of several programs: "
            + offers.map { "\($0.id) (\($0.program))" }.joined(separator: ", ")
            + "; name the program, or use an id"
    }

    /// The id closest to what was typed, for a "did you mean" hint: among the offers' ids, names,
    /// aliases and former names.
    ///
    /// Past half the query's length, a suggestion is noise rather than help ("BP" is two edits from
    /// "E1", which helps nobody), and two
    /// texts whose lengths differ by more than that cannot be closer: such pairs are
    /// never compared, so the time stays bounded by the catalogue, whatever is typed.
    /// With a program, only its offers are suggested.
    package func closestOfferID(to query: String, in program: ProgramID? = nil) -> OfferID? {
        let key = Self.fold(query)
        let candidates = offers.filter { program == nil || $0.program == program }.flatMap { offer in
            Self.names(of: offer).map { (Self.fold($0), offer.id) }.filter { !$0.0.isEmpty }
        }
        return closest(to: key, among: candidates, limit: max(1, key.count / 2))
    }

    /// Every name an offer answers to: its id, official name, aliases and former names.
    package static func names(of offer: Offer) -> [String] {
        [offer.id.rawValue, offer.name] + offer.aliases + offer.formerly.map(\.name)
    }

    /// The name table, by folded name. A key two things share goes to the first, in the order
    /// offers' ids, names, aliases, former names, then different products; the content reader
    /// refuses such a model, so the order matters only to a model built in code.
    static func nameTable(of offers: [Offer], differentProducts: [DifferentProduct]) -> [String: NamedThing] {
        var table: [String: NamedThing] = [:]
        let programOf = Dictionary(offers.map { ($0.id, $0.program) }, uniquingKeysWith: { first, _ in first })
        func add(_ name: String, _ thing: NamedThing) {
            let key = fold(name)
            guard !key.isEmpty else { return }
            guard let present = table[key] else {
                table[key] = thing
                return
            }
            // Another program's offer may share the name: each program keeps its own meaning.
            guard let program = thing.offerID.flatMap({ programOf[$0] }) else { return }
            switch present {
            case .shared(var meanings):
                if meanings[program] == nil { meanings[program] = thing }
                table[key] = .shared(meanings)
            default:
                guard let first = present.offerID.flatMap({ programOf[$0] }), first != program else { return }
                table[key] = .shared([first: present, program: thing])
            }
        }
        for offer in offers { add(offer.id.rawValue, .offer(offer.id)) }
        for offer in offers { add(offer.name, .offer(offer.id)) }
        for offer in offers { offer.aliases.forEach { add($0, .offer(offer.id)) } }
        for offer in offers { offer.formerly.forEach { add($0.name, .formerly(offer.id, $0)) } }
        for product in differentProducts {
            ([product.name] + product.aliases).forEach { add($0, .differentProduct(product)) }
        }
        return table
    }

    /// A name as the resolver compares it: composed (NFC), case-folded (upper, then lower case, so
    /// "Straße" is "strasse"), letters and digits only, so that how it was typed, case, spacing and
    /// punctuation never matter ("Office 365 E3", "office365-e3", an "é" typed as "e" and an accent).
    /// The checker's script folds a query by the same rule (`fold` in checker.js), and a test holds
    /// the two together.
    package static func fold(_ text: String) -> String {
        var folded = ""
        for scalar in composed(text).uppercased().lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                // Final sigma folds as sigma: JavaScript lowers a word-final Σ to ς, Swift need not.
                folded.unicodeScalars.append(scalar == "ς" ? "σ" : scalar)
            default: continue
            }
        }
        return folded
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

extension Catalog {
    /// What a person who typed a former name is told, beside the answer.
    package func note(on former: FormerName, of offer: Offer) -> String {
        "'\(former.name)' is the former name of \(offer.name) (\(offer.id)), renamed on \(former.renamed)."
    }

    /// Why a different product's name gets no answer, naming the offer it is taken for.
    package func refusal(of product: DifferentProduct) -> String {
        let offer = offer(product.confusedWith)
        return "'\(product.name)' is a different product, not on this site: \(product.differs). "
            + "It is not \(offer?.name ?? product.confusedWith.rawValue) (\(product.confusedWith))."
    }
}

extension Catalog {
    /// `text` in Unicode Normalization Form C. The standard library composes for its own comparisons
    /// and offers that to Foundation as `_withNFCCodeUnits`; the rule core stays free of Foundation.
    package static func composed(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        text._withNFCCodeUnits { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
