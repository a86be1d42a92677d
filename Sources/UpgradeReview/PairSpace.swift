import UpgradeCore

enum Side {
    case base, head
}

/// The offers both catalogues have, numbered once, with what each side says of
/// them in forms that are cheap to compare for millions of pairs: services as
/// bits, matrix cells and added-service sets as small numbers.
struct PairSpace {
    let base: Catalog
    let head: Catalog
    /// The offers both sides have, in the head's order.
    let offers: [Offer]
    /// The same offers, as the base has them.
    let baseOffers: [Offer]
    /// Distinct matrix cells of both sides; equal numbers mean equal cells.
    private(set) var cells: [MatrixCell] = []
    /// For each offer, a number for its source program's withdrawal dates on both sides.
    let withdrawal: [Int32]
    let withdrawalDates: [WithdrawalDates]
    /// For each offer, whether the sides sell it differently: worked out once, asked for millions of pairs.
    private let salesDiffer: [Bool]

    private let rows: (base: MatrixRows, head: MatrixRows)
    /// A matrix column of each side, as an index into `offers`; -1 for an offer only that side has.
    private let columns: (base: [Int], head: [Int])
    /// Each offer's services as a class number per side, the classes' services, and a lazily
    /// filled table of added-service numbers by (source class, target class). Kept as separate
    /// arrays, not tuples, so the pair loop reads them without copying.
    private let baseClass: [Int]
    private let headClass: [Int]
    private let baseClassMasks: [ServiceMask]
    private let headClassMasks: [ServiceMask]
    private var baseAdded: [Int32]
    private var headAdded: [Int32]
    private var addedMasks: [ServiceMask] = []
    private var addedNumbers: [ServiceMask: Int32] = [:]
    private var cellNumbers: [MatrixCell: Int32] = [:]
    /// Offers grouped by their services on both sides: holdings of one class act alike.
    private let holdingClasses: [HoldingClass]
    /// The classes whose services differ between the sides.
    private let changedHoldings: [HoldingClass]
    private var sensitivity: [Bool?] = []

    init(base: Catalog, head: Catalog, asOf: CalendarDate) {
        self.base = base
        self.head = head
        offers = head.offers.filter { base.offer($0.id) != nil }
        baseOffers = offers.map { base.offer($0.id)! }
        salesDiffer = Self.salesDiffer(baseOffers, offers)
        var bit: [ServiceID: Int] = [:]
        for offer in offers + baseOffers { for service in offer.services where bit[service] == nil { bit[service] = bit.count } }
        let width = (bit.count + 63) / 64
        let baseMasks = baseOffers.map { ServiceMask($0.services.map { bit[$0]! }, width: width) }
        let headMasks = offers.map { ServiceMask($0.services.map { bit[$0]! }, width: width) }
        let baseClasses = Self.classes(of: baseMasks), headClasses = Self.classes(of: headMasks)
        (baseClass, headClass) = (baseClasses.numbers, headClasses.numbers)
        (baseClassMasks, headClassMasks) = (baseClasses.masks, headClasses.masks)
        baseAdded = [Int32](repeating: -1, count: baseClasses.masks.count * baseClasses.masks.count)
        headAdded = [Int32](repeating: -1, count: headClasses.masks.count * headClasses.masks.count)
        var classes: [HoldingClass] = []
        var classNumber: [[ServiceMask]: Int] = [:]
        for index in offers.indices {
            let key = [baseMasks[index], headMasks[index]]
            if let known = classNumber[key] {
                if classes[known].members.count < 3 { classes[known].members.append(index) }
            } else {
                classNumber[key] = classes.count
                classes.append(HoldingClass(base: baseMasks[index], head: headMasks[index], members: [index]))
            }
        }
        holdingClasses = classes
        changedHoldings = classes.filter { $0.base != $0.head }
        let position = Dictionary(offers.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        rows = (
            MatrixRows(core: RuleCore(catalog: base), offers: base.offers, asOf: asOf),
            MatrixRows(core: RuleCore(catalog: head), offers: head.offers, asOf: asOf)
        )
        columns = (base.offers.map { position[$0.id] ?? -1 }, head.offers.map { position[$0.id] ?? -1 })
        var dates: [WithdrawalDates] = []
        var dateNumbers: [WithdrawalDates: Int32] = [:]
        let common = offers, commonInBase = baseOffers
        withdrawal = common.indices.map { index in
            let key = WithdrawalDates(
                base: base.program(commonInBase[index].program)?.withdrawnFrom,
                head: head.program(common[index].program)?.withdrawnFrom)
            if let known = dateNumbers[key] { return known }
            dateNumbers[key] = Int32(dates.count)
            dates.append(key)
            return Int32(dates.count - 1)
        }
        withdrawalDates = dates
    }

    /// The numbered cells of one source's row, column by column, on each side.
    mutating func cellIDs(ofRow source: Int) -> (base: [Int32], head: [Int32]) {
        (
            cellIDs(rows.base.row(of: offers[source].id)!, columns: columns.base),
            cellIDs(rows.head.row(of: offers[source].id)!, columns: columns.head)
        )
    }

    private mutating func cellIDs(_ row: MatrixRow, columns: [Int]) -> [Int32] {
        var ids = [Int32](repeating: number(row.ordinary), count: offers.count)
        for (column, cell) in row.special where columns[column] >= 0 { ids[columns[column]] = number(cell) }
        return ids
    }

    private mutating func number(_ cell: MatrixCell) -> Int32 {
        if let known = cellNumbers[cell] { return known }
        cellNumbers[cell] = Int32(cells.count)
        cells.append(cell)
        return Int32(cells.count - 1)
    }

    /// A number for the services `target` adds over `source` on one side; equal numbers, equal sets.
    mutating func added(_ side: Side, from source: Int, to target: Int) -> Int32 {
        switch side {
        case .base:
            let slot = baseClass[source] * baseClassMasks.count + baseClass[target]
            if baseAdded[slot] < 0 {
                baseAdded[slot] = number(baseClassMasks[baseClass[target]].subtracting(baseClassMasks[baseClass[source]]))
            }
            return baseAdded[slot]
        case .head:
            let slot = headClass[source] * headClassMasks.count + headClass[target]
            if headAdded[slot] < 0 {
                headAdded[slot] = number(headClassMasks[headClass[target]].subtracting(headClassMasks[headClass[source]]))
            }
            return headAdded[slot]
        }
    }

    private mutating func number(_ mask: ServiceMask) -> Int32 {
        if let known = addedNumbers[mask] { return known }
        addedMasks.append(mask)
        addedNumbers[mask] = Int32(addedMasks.count - 1)
        return Int32(addedMasks.count - 1)
    }

    /// Whether some holding shares a service of `added` on one side only, so that a pair
    /// whose target adds the same services on both sides can still decide differently.
    mutating func holdingSensitive(_ added: Int32) -> Bool {
        let index = Int(added)
        while sensitivity.count <= index { sensitivity.append(nil) }
        if let known = sensitivity[index] { return known }
        let mask = addedMasks[index]
        let found = changedHoldings.contains { $0.base.intersects(mask) != $0.head.intersects(mask) }
        sensitivity[index] = found
        return found
    }

    /// The kinds of holding that share a service the target adds, on either side,
    /// in the order a reader meets them: overlapping in the base only, in the head only, on both.
    func holdingKinds(baseAdded: Int32, headAdded: Int32) -> [HoldingKind] {
        let before = addedMasks[Int(baseAdded)], after = addedMasks[Int(headAdded)]
        var kinds = [(true, false), (false, true), (true, true)].map {
            HoldingKind(overlapsInBase: $0.0, overlapsInHead: $0.1, classes: [])
        }
        for (number, holding) in holdingClasses.enumerated() {
            let overlap = (holding.base.intersects(before), holding.head.intersects(after))
            guard let kind = kinds.firstIndex(where: { ($0.overlapsInBase, $0.overlapsInHead) == overlap }) else { continue }
            kinds[kind].classes.append(number)
        }
        return kinds.filter { !$0.classes.isEmpty }
    }

    /// The as-of dates on each side of the source program's withdrawal dates.
    func boundaries(_ withdrawal: Int) -> [CalendarDate] {
        let dates = withdrawalDates[withdrawal]
        let days = [dates.base, dates.head].compactMap { $0 }.flatMap { [$0.previousDay, $0].compactMap { $0 } }
        return Array(Set(days)).sorted()
    }

    /// Whether a matrix shows the pair on both sides: the two offers share a program in each.
    func sharesProgram(_ source: Int, _ target: Int) -> Bool {
        offers[source].program == offers[target].program && baseOffers[source].program == baseOffers[target].program
            && offers[source].program == baseOffers[source].program
    }

    /// The request a shape stands for with a pair's offers, as one side has them; nil when no
    /// offer of the holding's kind is free (the pair's own offers are never the holding).
    func request(_ shape: RequestShape, from source: Int, to target: Int, side: Side) -> Request? {
        let catalogue = side == .base ? baseOffers : offers
        let holdings: [Holding]
        switch shape.holding {
        case .none:
            holdings = []
        case .target(let channel):
            holdings = [Holding(offer: catalogue[target], channel: channel)]
        case .kind(_, let classes, let channel):
            let free = classes.compactMap { holdingClasses[$0].members.first { $0 != source && $0 != target } }
            guard let chosen = free.min() else { return nil }
            holdings = [Holding(offer: catalogue[chosen], channel: channel)]
        }
        return Request(
            from: catalogue[source], to: catalogue[target], status: shape.status, holdings: holdings,
            asOf: shape.asOf, commitment: shape.commitment?.commitment(asOf: shape.asOf))
    }

    /// Whether the sides sell `offer` differently: its plans, seat limit or end of sale.
    func saleDiffers(_ offer: Int) -> Bool { salesDiffer[offer] }

    private static func salesDiffer(_ base: [Offer], _ head: [Offer]) -> [Bool] {
        zip(base, head).map { before, after in
            let (before, after) = (before.sale, after.sale)
            return before.plans != after.plans || before.maxSeats != after.maxSeats || before.endOfSale != after.endOfSale
                || before.convertibleAfterEndOfSale != after.convertibleAfterEndOfSale
        }
    }

    /// Numbers each distinct mask, in order of first appearance.
    private static func classes(of masks: [ServiceMask]) -> (numbers: [Int], masks: [ServiceMask]) {
        var seen: [ServiceMask: Int] = [:]
        var distinct: [ServiceMask] = []
        let numbers = masks.map { mask in
            if let known = seen[mask] { return known }
            seen[mask] = distinct.count
            distinct.append(mask)
            return distinct.count - 1
        }
        return (numbers, distinct)
    }
}

struct WithdrawalDates: Hashable {
    let base: CalendarDate?
    let head: CalendarDate?
}

/// Offers whose services are the same on each side; the first few, in order, stand for them all.
struct HoldingClass: Equatable {
    let base: ServiceMask
    let head: ServiceMask
    var members: [Int]
}

struct HoldingKind {
    let overlapsInBase: Bool
    let overlapsInHead: Bool
    var classes: [Int]
}

/// A set of services as bits, numbered within one comparison.
struct ServiceMask: Hashable {
    private var words: [UInt64]

    init(_ bits: [Int], width: Int) {
        words = [UInt64](repeating: 0, count: width)
        for bit in bits { words[bit / 64] |= 1 << UInt64(bit % 64) }
    }

    private init(words: [UInt64]) { self.words = words }

    func subtracting(_ other: ServiceMask) -> ServiceMask {
        ServiceMask(words: zip(words, other.words).map { $0 & ~$1 })
    }

    func intersects(_ other: ServiceMask) -> Bool {
        zip(words, other.words).contains { $0 & $1 != 0 }
    }
}
