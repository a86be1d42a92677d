import UpgradeBase
import UpgradeCore
import UpgradeReview

extension Review {
    /// The documented `diff --format json` object.
    var json: JSONValue {
        .object([
            ("base", .string(base)),
            ("head", .string(head)),
            (
                "cells",
                .array(
                    cells.map { cell in
                        .object([
                            ("program", .string(cell.program.rawValue)), ("from", .string(cell.from.rawValue)),
                            ("to", .string(cell.to.rawValue)), ("before", cell.before.json), ("after", cell.after.json),
                        ])
                    })
            ),
            (
                "decisions",
                .array(
                    decisions.map { change in
                        let request = change.request
                        return .object([
                            ("from", .string(request.from.id.rawValue)), ("to", .string(request.to.id.rawValue)),
                            (
                                "request",
                                .object(
                                    [
                                        ("status", .string(request.status.rawValue)),
                                        (
                                            "holds",
                                            .array(
                                                request.holdings.map { holding in
                                                    .object([
                                                        ("offer", .string(holding.offer.id.rawValue)),
                                                        ("channel", .string(holding.channel.rawValue)),
                                                    ])
                                                })
                                        ),
                                        ("asOf", .string(request.asOf.description)),
                                    ] + commitment(of: request)
                                        + (request.migration == nil ? [] : [("migrate", .bool(true))]))
                            ),
                            ("before", change.before.json), ("after", change.after.json),
                        ])
                    })
            ),
            (
                "model",
                .array(
                    model.map { change in
                        .object([
                            ("kind", .string(change.kind)), ("id", .string(change.id)),
                            ("change", .string(change.change.rawValue)), ("detail", .string(change.detail)),
                        ])
                    })
            ),
            (
                "pages",
                .array(
                    pages.map { page in
                        .object([("path", .string(page.path)), ("change", .string(page.change.rawValue))])
                    })
            ),
        ])
    }

    /// What a request says of its commitment, where it is not the plain question's.
    private func commitment(of request: Request) -> [(String, JSONValue)] {
        let given = request.commitment
        guard given != Commitment(asOf: request.asOf) else { return [] }
        var fields: [(String, JSONValue)] = [
            ("term", .string(given.term.rawValue)), ("billing", .string(given.billing.rawValue)),
            ("toTerm", .string(given.toTerm.rawValue)), ("toBilling", .string(given.toBilling.rawValue)),
        ]
        if let seats = given.seats { fields += [("seats", .number(seats.moved)), ("of", .number(seats.held))] }
        return [("commitment", .object(fields))]
    }
}

extension Outcome {
    var json: JSONValue {
        .object([("verdict", .string(verdict.rawValue)), ("reasons", .array(reasons.map { .string($0.rawValue) }))])
    }

    /// "eligible", or "blocked (path-not-supported, owns-included-services)".
    var words: String {
        reasons.isEmpty ? verdict.rawValue : "\(verdict.rawValue) (\(reasons.map(\.rawValue).joined(separator: ", ")))"
    }
}
