import UpgradeBase
import UpgradeCore

extension MovePlan {
    /// The documented plan object: the question's offers, the verdict and reasons of every step,
    /// and `plan`, each step as a decision of its own. Asked `alone`, the migration's decision is
    /// the answer, as `explain` gives any decision.
    func json(for request: Request, alone: Bool) -> JSONValue {
        if alone, let only = steps.first { return Self.json(only) }
        let reasons = steps.flatMap { Self.json(reasons: $0.decision.reasons) }
        let advisories = steps.flatMap { Self.json(advisories: $0.decision.advisories) }
        return .object([
            ("from", .string(request.from.id.rawValue)), ("to", .string(request.to.id.rawValue)),
            ("status", .string(request.status.rawValue)), ("asOf", .string(request.asOf.description)),
            ("verdict", .string(verdict.rawValue)), ("reasons", .array(reasons)), ("advisories", .array(advisories)),
            (
                "plan",
                .array(
                    steps.map { step in
                        guard case .object(let fields) = Self.json(step) else { return .null }
                        return .object(
                            [("kind", .string(step.kind.rawValue))] + fields.filter { $0.0 != "status" && $0.0 != "asOf" })
                    })
            ),
        ])
    }

    /// A step's decision; a migration with no equivalent goes nowhere, so its `to` is null.
    private static func json(_ step: Step) -> JSONValue {
        let decision = step.decision
        let nowhere = step.kind == .migrate && decision.request.to.id == decision.request.from.id
        return .object([
            ("from", .string(decision.request.from.id.rawValue)),
            ("to", nowhere ? .null : .string(decision.request.to.id.rawValue)),
            ("status", .string(decision.request.status.rawValue)), ("asOf", .string(decision.request.asOf.description)),
            ("verdict", .string(decision.verdict.rawValue)), ("reasons", .array(json(reasons: decision.reasons))),
            ("advisories", .array(json(advisories: decision.advisories))),
        ])
    }

    private static func json(reasons: [Reason]) -> [JSONValue] {
        reasons.map { reason in
            .object([
                ("code", .string(reason.code.rawValue)), ("rule", .string(reason.rule.rawValue)),
                ("message", .string(reason.message)), ("remedy", .string(reason.remedy)),
            ])
        }
    }

    private static func json(advisories: [Advisory]) -> [JSONValue] {
        advisories.map { .object([("code", .string($0.code.rawValue)), ("message", .string($0.message))]) }
    }

    /// The answer for a person: the plan's verdict, then each step as `explain` words a decision.
    func text(for request: Request, in catalog: Catalog) -> String {
        guard steps.count > 1 || steps.first?.decision.request.to.id != request.to.id else {
            return steps.first.map { Self.text($0, in: catalog) } ?? ""
        }
        let count = reasons.count == 1 ? "1 reason" : "\(reasons.count) reasons"
        let head = verdict == .eligible ? "ELIGIBLE PLAN" : "BLOCKED PLAN (\(count))"
        let name = { (offer: Offer) in "\(offer.name) (\(catalog.program(offer.program)?.name ?? offer.program.rawValue))" }
        var text = "\(head): \(name(request.from)) → \(name(request.to)), "
        text += steps.count == 1 ? "no plan without an equivalent.\n" : "in \(steps.count) steps.\n"
        for (index, step) in steps.enumerated() {
            text += "\nStep \(index + 1), \(step.kind.rawValue):\n" + Self.text(step, in: catalog)
        }
        return text
    }

    private static func text(_ step: Step, in catalog: Catalog) -> String {
        step.decision.text(in: catalog)
    }
}
