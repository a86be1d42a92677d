import UpgradeBase
import UpgradeCore

extension Decision {
    /// The documented `explain --format json` object.
    var json: JSONValue {
        .object([
            ("from", .string(request.from.id.rawValue)),
            ("to", .string(request.to.id.rawValue)),
            ("status", .string(request.status.rawValue)),
            ("asOf", .string(request.asOf.description)),
            ("verdict", .string(verdict.rawValue)),
            (
                "reasons",
                .array(
                    reasons.map { reason in
                        .object([
                            ("code", .string(reason.code.rawValue)), ("rule", .string(reason.rule.rawValue)),
                            ("message", .string(reason.message)), ("remedy", .string(reason.remedy)),
                        ])
                    })
            ),
            (
                "advisories",
                .array(
                    advisories.map { advisory in
                        .object([("code", .string(advisory.code.rawValue)), ("message", .string(advisory.message))])
                    })
            ),
        ])
    }
}
