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
            ("reasons", .array(Self.json(reasons: reasons))),
            ("advisories", .array(Self.json(advisories: advisories))),
        ])
    }

    /// Each reason as the contract writes it: code, rule, message and remedy.
    static func json(reasons: [Reason]) -> [JSONValue] {
        reasons.map { reason in
            .object([
                ("code", .string(reason.code.rawValue)), ("rule", .string(reason.rule.rawValue)),
                ("message", .string(reason.message)), ("remedy", .string(reason.remedy)),
            ])
        }
    }

    static func json(advisories: [Advisory]) -> [JSONValue] {
        advisories.map { .object([("code", .string($0.code.rawValue)), ("message", .string($0.message))]) }
    }
}
