import UpgradeBase
import UpgradeCore

extension ContentReading {
    /// The valid rules, and every id declared, so references to a rule with other errors are not reported again.
    func readRules() -> (valid: [Rule], declared: Set<RuleID>) {
        guard let root = file("rules.yaml", what: "the eligibility rules", keys: ["rules"]) else { return ([], []) }
        let objects = root.objects("rules", what: "rule", keys: ["id", "code", "title", "blocked", "remedy", "source"])
        let ids: [Located<RuleID>?] = objects.map { $0.id("id") }
        let declared = rejectDuplicates(ids.compactMap { $0 }, what: "rule")
        var codesSeen: [ReasonCode: SourceLocation] = [:]
        for id in ids.compactMap({ $0 }) { sourceMap.rules[id.value] = id.location }
        let rules = zip(objects, ids).compactMap { object, id -> Rule? in
            let code = object.string("code")
            let title = object.string("title"), remedy = object.string("remedy"), source = object.string("source")
            let blocked = object.string("blocked", required: false)
            guard let code else { return nil }
            guard let reason = ReasonCode(rawValue: code.value) else {
                let hint = suggestion(for: code.value, among: ReasonCode.allCases.map(\.rawValue))
                sink.error("unknown rule code '\(code.value)'\(hint); the rule core implements "
                           + ReasonCode.allCases.map(\.rawValue).joined(separator: ", "), at: code.location)
                return nil
            }
            if let first = codesSeen[reason] {
                sink.error("rule code '\(code.value)' is already used", at: code.location,
                           notes: [Diagnostic.Note("first used here", at: first)])
            }
            codesSeen[reason] = code.location
            guard let id, let title, let remedy, let source else { return nil }
            return Rule(id: id.value, code: reason, title: title.value, remedy: remedy.value, source: source.value,
                        blocked: blocked?.value)
        }
        for code in ReasonCode.allCases where codesSeen[code] == nil {
            sink.error("no rule has code '\(code.rawValue)'; every condition the rule core checks needs a rule",
                       at: root.location(of: "rules"))
        }
        return (rules, declared)
    }

    func readRoles() -> (valid: [Role], portalSteps: [String], declared: Set<RoleID>) {
        guard let root = file("roles.yaml", what: "the roles", keys: ["portalSteps", "roles"]) else { return ([], [], []) }
        let steps = root.strings("portalSteps", required: true).map(\.value)
        let objects = root.objects("roles", what: "role",
                                   keys: ["id", "name", "summary", "canUpgrade", "can", "cannot", "handOverTo", "guidance"])
        let ids: [Located<RoleID>?] = objects.map { $0.id("id") }
        let known = rejectDuplicates(ids.compactMap { $0 }, what: "role")
        for id in ids.compactMap({ $0 }) { sourceMap.roles[id.value] = id.location }
        let roles = zip(objects, ids).compactMap { object, id -> Role? in
            let name = object.string("name"), summary = object.string("summary")
            let canUpgrade = object.bool("canUpgrade", default: false)
            if object.value("canUpgrade") == nil {
                sink.error("role is missing the required key 'canUpgrade'", at: object.location)
            }
            let handOver: [Located<RoleID>] = object.ids("handOverTo")
            for other in handOver where !known.contains(other.value) {
                unknown(other, what: "role", known: known)
            }
            if let id, handOver.contains(where: { $0.value == id.value }) {
                sink.error("role '\(id.value)' cannot hand over to itself", at: object.location(of: "handOverTo"))
            }
            if let id, !canUpgrade, handOver.isEmpty {
                sink.error("role '\(id.value)' cannot upgrade, so it must name who to hand over to in 'handOverTo'",
                           at: object.location)
            }
            let guidance = object.string("guidance", required: false)
            guard let id, let name, let summary else { return nil }
            return Role(id: id.value, name: name.value, summary: summary.value, canUpgrade: canUpgrade,
                        can: object.strings("can").map(\.value), cannot: object.strings("cannot").map(\.value),
                        handOverTo: handOver.map(\.value), guidance: guidance?.value ?? "")
        }
        return (roles, steps, known)
    }

    func readInterpretations(footnotes: [Footnote], rules: Set<RuleID>, roles: Set<RoleID>) -> [Interpretation] {
        guard let root = file("interpretations.yaml", what: "the interpretations", keys: ["interpretations"])
        else { return [] }
        let objects = root.objects("interpretations", what: "interpretation",
                                   keys: ["id", "title", "question", "decision", "rationale", "affects"])
        let ids: [Located<InterpretationID>?] = objects.map { $0.id("id") }
        _ = rejectDuplicates(ids.compactMap { $0 }, what: "interpretation")
        var subjects: [String: Subject] = [:]
        rules.forEach { subjects[$0.rawValue] = .rule($0) }
        AdvisoryCode.allCases.forEach { subjects[$0.rawValue] = .advisory($0) }
        roles.forEach { subjects[$0.rawValue] = .role($0) }
        footnotes.forEach { subjects[$0.id.rawValue] = .footnote($0.id) }
        return zip(objects, ids).compactMap { object, id -> Interpretation? in
            let title = object.string("title"), question = object.string("question")
            let decision = object.string("decision"), rationale = object.string("rationale")
            let affects = object.strings("affects", required: true).compactMap { name -> Subject? in
                guard let subject = subjects[name.value] else {
                    // When a file that declares subjects could not be read, the name may well be in it.
                    guard unreadable.isDisjoint(with: ["rules.yaml", "roles.yaml", "paths.yaml"]) else { return nil }
                    let hint = suggestion(for: name.value, among: subjects.keys.sorted())
                    sink.error("'\(name.value)' is not a rule id, advisory code, role id or footnote id\(hint)",
                               at: name.location)
                    return nil
                }
                return subject
            }
            guard let id, let title, let question, let decision, let rationale else { return nil }
            sourceMap.interpretations[id.value] = id.location
            return Interpretation(id: id.value, title: title.value, question: question.value,
                                  decision: decision.value, rationale: rationale.value, affects: affects)
        }
    }
}
