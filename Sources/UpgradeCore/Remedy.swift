/// A remedy for one kind of case: the rule's general remedy does not fit every request (a source
/// with no listed upgrades at all, a target held through another partner). The first case whose
/// conditions all hold gives the remedy; when none does, the rule's general remedy stands.
package struct RemedyCase: Hashable, Sendable {
    /// One condition on the request's facts: at `path`, "yes" (the fact is there), "no" (it is
    /// not), or a value it must equal ("suspended").
    package struct Condition: Hashable, Sendable {
        package let path: [String]
        package let value: String

        package init(path: [String], value: String) {
            self.path = path
            self.value = value
        }

        func holds(in facts: FactValue) -> Bool {
            let found = MessageTemplate.lookUp(path, in: [facts])
            switch value {
            case "yes": return found.isPresent
            case "no": return !found.isPresent
            default: return found.text == value
            }
        }
    }

    /// All must hold; none means the case always applies.
    package let when: [Condition]
    package let text: MessageTemplate

    package init(when: [Condition], text: MessageTemplate) {
        self.when = when
        self.text = text
    }
}

extension Rule {
    /// The remedy for a request whose facts are `facts`: the first case that fits, worded for it,
    /// or the general remedy.
    package func remedy(for facts: FactValue) -> String {
        guard let fitting = remedies.first(where: { $0.when.allSatisfy { $0.holds(in: facts) } }) else { return remedy }
        return fitting.text.render(facts)
    }
}
