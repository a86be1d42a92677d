/// Decides upgrade requests. Pure: the same catalog and request always give
/// the same decision, and nothing is read from the clock or the disk.
package struct RuleCore: Sendable {
    package let catalog: Catalog

    package init(catalog: Catalog) {
        self.catalog = catalog
    }

    package func decide(_ request: Request) -> Decision {
        let facts = Facts(request: request, catalog: catalog)
        let point = facts.conditions
        let logic = catalog.logic(for: request)
        let (firing, advice) = (logic.firing(at: point), logic.advice(at: point))
        // The facts a message names are gathered only when there is something to word.
        let values = firing.isEmpty && advice.isEmpty ? FactValue.absent : facts.values
        let reasons = firing.map { rule in
            Reason(code: rule.code, rule: rule.id, message: rule.message.render(values), remedy: rule.remedy(for: values))
        }
        let advisories = advice.flatMap { advice in Self.advisories(advice, values: values) }
        return Decision(request: request, reasons: reasons, advisories: advisories)
    }

    /// The advice worded once, or once for each item of its `each` list.
    static func advisories(_ advice: AdvisoryRule, values: FactValue) -> [Advisory] {
        var scopes = [[values]]
        if let each = advice.each {
            guard case .list(let items) = MessageTemplate.lookUp(FactValue.path(each), in: [values]) else { return [] }
            scopes = items.map { [values, $0] }
        }
        return scopes.map { scope in
            let offer = advice.offer.map { MessageTemplate.lookUp(FactValue.path($0), in: scope).text } ?? ""
            return Advisory(
                code: advice.code, message: advice.message.render(in: scope),
                offer: offer.isEmpty ? nil : OfferID(offer))
        }
    }

    /// The values of every condition for a request: the point of the condition
    /// space it falls on.
    package func conditions(for request: Request) -> ConditionPoint {
        Facts(request: request, catalog: catalog).conditions
    }
}
