import UpgradeBase
import UpgradeCore

extension MovePlan {
    /// The documented plan object: the question's offers, the verdict and reasons of every step,
    /// and `plan`, each step as a decision of its own. Asked `alone`, the migration's decision is
    /// the answer, as `explain` gives any decision.
    func json(for request: Request, alone: Bool) -> JSONValue {
        if alone, let only = steps.first { return Self.json(only) }
        let reasons = Decision.json(reasons: self.reasons), advisories = Decision.json(advisories: self.advisories)
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

    /// A step's decision as `explain` gives any; a migration with no equivalent goes nowhere, so its
    /// `to` is null.
    private static func json(_ step: Step) -> JSONValue {
        let decision = step.decision
        guard step.kind == .migrate, decision.request.to.id == decision.request.from.id,
            case .object(let fields) = decision.json
        else { return decision.json }
        return .object(fields.map { $0.0 == "to" ? ("to", .null) : $0 })
    }

    /// The answer for a person: the plan's verdict, then each step as `explain` words a decision.
    func text(for request: Request, in catalog: Catalog) -> String {
        guard steps.count > 1 || steps.first?.decision.request.to.id != request.to.id else {
            return steps.first?.decision.text(in: catalog) ?? ""
        }
        let count = reasons.count == 1 ? "1 reason" : "\(reasons.count) reasons"
        let head = verdict == .eligible ? "ELIGIBLE PLAN" : "BLOCKED PLAN (\(count))"
        let name = { (offer: Offer) in "\(offer.name) (\(catalog.program(offer.program)?.name ?? offer.program.rawValue))" }
        var text = "\(head): \(name(request.from)) → \(name(request.to)), "
        text += steps.count == 1 ? "no plan without an equivalent.\n" : "in \(steps.count) steps.\n"
        for (index, step) in steps.enumerated() {
            text += "\nStep \(index + 1), \(step.kind.rawValue):\n" + step.decision.text(in: catalog)
        }
        return text
    }
}
