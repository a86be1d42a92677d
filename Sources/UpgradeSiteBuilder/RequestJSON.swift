import UpgradeBase
import UpgradeCore

/// A request as the site's data files write it: the offers, status, holdings and date, and, for a
/// program that decides on them, the commitment's fields as `explain` and the checker name them.
enum RequestJSON {
    static func json(_ request: Request, commitment withCommitment: Bool) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("from", .string(request.from.id.rawValue)), ("to", .string(request.to.id.rawValue)),
            ("status", .string(request.status.rawValue)),
            (
                "holds",
                .array(
                    request.holdings.map {
                        .object([("offer", .string($0.offer.id.rawValue)), ("channel", .string($0.channel.rawValue))])
                    })
            ),
            ("asOf", .string(request.asOf.description)),
        ]
        if withCommitment || request.migration != nil { fields.append(("commitment", json(request.commitment))) }
        if let terms = request.migration { fields.append(("migration", json(terms))) }
        return .object(fields)
    }

    /// A migration's terms, as `explain`'s flags and the checker's parameters name them.
    static func json(_ terms: MigrationTerms) -> JSONValue {
        .object([
            ("started", terms.started.map { .string($0.description) } ?? .null), ("newTerm", .bool(terms.newTerm)),
            ("promotion", .bool(terms.promotion)), ("segment", .string(terms.segment.rawValue)),
            ("addOns", .string(terms.addOns.rawValue)), ("inProgress", .bool(terms.inProgress)),
        ])
    }

    static func json(_ commitment: Commitment) -> JSONValue {
        .object([
            ("trial", .bool(commitment.trial)), ("autoRenew", .bool(commitment.autoRenew)),
            ("term", .string(commitment.term.rawValue)), ("billing", .string(commitment.billing.rawValue)),
            ("toTerm", .string(commitment.toTerm.rawValue)), ("toBilling", .string(commitment.toBilling.rawValue)),
            ("when", .string(commitment.timing.rawValue)),
            ("seats", commitment.seats.map { .number($0.moved) } ?? .null),
            ("of", commitment.seats.map { .number($0.held) } ?? .null),
            ("ends", .string(commitment.ends.description)),
            (
                "destination",
                commitment.destination.map { destination in
                    .object([
                        ("status", .string(destination.status.rawValue)), ("term", .string(destination.term.rawValue)),
                        ("ends", .string(destination.ends.description)), ("inWindow", .bool(destination.inCancellationWindow)),
                    ])
                } ?? .null
            ),
        ])
    }
}
