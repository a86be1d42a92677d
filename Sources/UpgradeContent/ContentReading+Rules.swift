import UpgradeBase
import UpgradeCore

extension ContentReading {
    /// The valid rules and advice, and every rule id declared, so references to a rule with other
    /// errors are not reported again.
    func readRules(
        _ name: String = "rules.yaml", declaredBefore: Set<RuleID> = []
    ) -> (valid: [Rule], advisories: [AdvisoryRule], declared: Set<RuleID>) {
        guard let root = file(name, what: "the eligibility rules", keys: ["rules", "advisories"])
        else { return ([], [], []) }
        let objects = root.objects(
            "rules", what: "rule",
            keys: ["id", "code", "title", "blocked", "remedy", "remedies", "source", "when", "message"])
        let ids: [Located<RuleID>?] = objects.map { $0.id("id") }
        let declared = rejectDuplicates(ids.compactMap { $0 }, what: "rule")
        for id in ids.compactMap({ $0 }) where declaredBefore.contains(id.value) {
            sink.error(.duplicate, "rule id '\(id.value)' is already a rule of another program; ids are unique", at: id.location)
        }
        var codesSeen: [String: SourceLocation] = [:]
        for id in ids.compactMap({ $0 }) { sourceMap.rules[id.value] = id.location }
        let rules = zip(objects, ids).compactMap { object, id -> Rule? in
            let code = uniqueCode(object, seen: &codesSeen)
            let title = object.string("title"), remedy = object.string("remedy"), source = citation(object)
            let blocked = object.string("blocked", required: false)
            let when = readWhen(object, verdict: false), message = readMessage(object)
            let remedies = readRemedies(object)
            guard let code, let id, let title, let remedy, let source, let when, let message, let remedies else { return nil }
            return Rule(
                id: id.value, code: ReasonCode(code), title: title.value, remedy: remedy.value,
                source: source.value, blocked: blocked?.value, when: when, message: message, remedies: remedies)
        }
        var adviceSeen: [String: SourceLocation] = [:]
        let advisories = root.objects(
            "advisories", what: "advice",
            keys: ["code", "words", "when", "each", "offer", "message", "caution"], required: false
        )
        .compactMap { object -> AdvisoryRule? in
            let code = uniqueCode(object, seen: &adviceSeen)
            let words = object.string("words")
            let each = object.string("each", required: false).flatMap(factPath)
            let offer = object.string("offer", required: false).flatMap(factPath)
            let when = readWhen(object, verdict: true), message = readMessage(object)
            let caution = object.string("caution", required: false)
            guard let code, let words, let when, let message else { return nil }
            return AdvisoryRule(
                code: AdvisoryCode(code), words: words.value, when: when, each: each?.value,
                offer: offer?.value, message: message, caution: caution?.value)
        }
        for (code, location) in codesSeen where adviceSeen[code] != nil {
            sink.error(
                .inconsistent, "'\(code)' is both a rule's code and an advice's code", at: adviceSeen[code]!,
                notes: [Diagnostic.Note("the rule's code is here", at: location)])
        }
        return (rules, advisories, declared)
    }

    /// A rule's or advice's `code`: lowercase words joined by hyphens, used once in its list.
    private func uniqueCode(_ object: YAMLObject, seen: inout [String: SourceLocation]) -> String? {
        guard let code = object.string("code") else { return nil }
        let valid =
            !code.value.isEmpty
            && code.value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && code.value.first != "-" && code.value.last != "-"
        guard valid else {
            sink.error(
                .invalidID,
                "code '\(code.value)' must be lowercase letters, digits and single hyphens, "
                    + "such as 'subscription-not-active'", at: code.location)
            return nil
        }
        if let first = seen[code.value] {
            sink.error(
                .duplicate, "code '\(code.value)' is already used", at: code.location,
                notes: [Diagnostic.Note("first used here", at: first)])
            return nil
        }
        seen[code.value] = code.location
        return code.value
    }

    /// The conditions under which a rule blocks or advice is given; at least one.
    private func readWhen(_ object: YAMLObject, verdict: Bool) -> [Condition: String]? {
        guard let node = object.required("when") else { return nil }
        let when = readConditions(object, "when", verdict: verdict, of: verdict ? "an advice" : "a rule")
        // An entry the reader rejected has been reported; an empty mapping has not.
        guard !when.isEmpty else {
            if node.mapping?.isEmpty == true {
                sink.error(
                    .inconsistent, "'when' must name at least one condition, such as {holds-target: \"yes\"}",
                    at: object.location(of: "when"))
            }
            return nil
        }
        return when
    }

    /// A message template whose every name is a fact of the request.
    private func readMessage(_ object: YAMLObject, key: String = "message") -> MessageTemplate? {
        guard let text = object.string(key) else { return nil }
        let template: MessageTemplate
        do {
            template = try MessageTemplate(text.value)
        } catch {
            sink.error(.message, "\(key): \(error)", at: text.location)
            return nil
        }
        let unknown = template.names.subtracting(FactValue.vocabulary).sorted()
        for name in unknown {
            let hint = suggestion(for: name, among: FactValue.vocabulary.sorted())
            sink.error(
                .message,
                "\(key) names '\(name)', which no request has\(hint); the facts are "
                    + FactValue.vocabulary.sorted().joined(separator: ", "), at: text.location)
        }
        return unknown.isEmpty ? template : nil
    }

    /// A rule's remedies for kinds of case: each a `when` over the request's facts (a dotted path,
    /// and "yes", "no" or a value) and a `text` worded as a message. Nil when any is wrong.
    private func readRemedies(_ object: YAMLObject) -> [RemedyCase]? {
        var valid = true
        let remedies = object.objects("remedies", what: "remedy", keys: ["when", "text"], required: false).compactMap {
            item -> RemedyCase? in
            var conditions: [RemedyCase.Condition] = []
            if let node = item.value("when") {
                let keys = node.mapping?.map { $0.key.scalar?.string ?? "" } ?? []
                guard let cells = YAMLObject(node, file: item.file, what: "'when' of a remedy", keys: keys, sink: sink) else {
                    valid = false
                    return nil
                }
                for key in keys {
                    let path = factPath(Located(key, at: cells.location(ofKey: key)))
                    guard let path, let value = cells.string(key) else {
                        valid = false
                        continue
                    }
                    conditions.append(RemedyCase.Condition(path: FactValue.path(path.value), value: value.value))
                }
            }
            guard let text = readMessage(item, key: "text") else {
                valid = false
                return nil
            }
            return RemedyCase(when: conditions, text: text)
        }
        return valid ? remedies : nil
    }

    /// `each` or `offer`: a dotted path of fact names.
    private func factPath(_ text: Located<String>) -> Located<String>? {
        let path = FactValue.path(text.value)
        guard !path.isEmpty, path.allSatisfy(FactValue.vocabulary.contains) else {
            sink.error(
                .unknownID,
                "'\(text.value)' is not a fact of the request; use a dotted path of "
                    + FactValue.vocabulary.sorted().joined(separator: ", "), at: text.location)
            return nil
        }
        return text
    }

    func readRoles(programs: Set<ProgramID>) -> (
        valid: [Role], portalSteps: [String], stepsSource: String, declared: Set<RoleID>
    ) {
        guard let root = file("roles.yaml", what: "the roles", keys: ["portalSteps", "portalStepsSource", "roles"])
        else { return ([], [], "", []) }
        let steps = root.strings("portalSteps", required: true).map(\.value)
        let stepsSource = citation(root, "portalStepsSource")
        let objects = root.objects(
            "roles", what: "role",
            keys: [
                "id", "name", "summary", "source", "canUpgrade", "can", "cannot", "handOverTo", "guidance", "programs",
                "migration",
            ])
        let ids: [Located<RoleID>?] = objects.map { $0.id("id") }
        let known = rejectDuplicates(ids.compactMap { $0 }, what: "role")
        for id in ids.compactMap({ $0 }) { sourceMap.roles[id.value] = id.location }
        let roles = zip(objects, ids).compactMap { object, id -> Role? in
            let name = object.string("name"), summary = object.string("summary"), source = citation(object)
            let (canUpgrade, handOver) = readSubmitting(object, role: id?.value, known: known, what: "role")
            let guidance = object.string("guidance", required: false)
            let parts = readRoleInPrograms(object, role: id?.value, known: known, programs: programs)
            let migration = readRoleInMigration(object, role: id?.value, known: known)
            guard let id, let name, let summary, let source else { return nil }
            return Role(
                id: id.value, name: name.value, summary: summary.value, source: source.value, canUpgrade: canUpgrade,
                can: object.strings("can").map(\.value), cannot: object.strings("cannot").map(\.value),
                handOverTo: handOver, guidance: guidance?.value ?? "", programs: parts, migration: migration)
        }
        return (roles, steps, stepsSource?.value ?? "", known)
    }

    /// `programs:` of a role: for a program whose own pages name other roles, whether this one may submit there.
    private func readRoleInPrograms(
        _ object: YAMLObject, role: RoleID?, known: Set<RoleID>, programs: Set<ProgramID>
    ) -> [RoleInProgram] {
        var seen: [ProgramID: SourceLocation] = [:]
        return object.objects(
            "programs", what: "role in a program", keys: ["program", "canUpgrade", "handOverTo", "source"], required: false
        ).compactMap { part in
            let program: Located<ProgramID>? = part.id("program")
            let source = citation(part)
            let (canUpgrade, handOver) = readSubmitting(part, role: role, known: known, what: "role's program")
            guard let program, let source else { return nil }
            if !programs.contains(program.value) {
                unknown(program, what: "program", known: programs)
                return nil
            }
            if let first = seen[program.value] {
                sink.error(
                    .duplicate, "the role's part in '\(program.value)' is given twice", at: program.location,
                    notes: [Diagnostic.Note("first given here", at: first)])
                return nil
            }
            seen[program.value] = program.location
            return RoleInProgram(
                program: program.value, canUpgrade: canUpgrade, handOverTo: handOver, source: source.value)
        }
    }

    /// `migration:` of a role: whether it may migrate a subscription, as the migration pages say.
    private func readRoleInMigration(_ object: YAMLObject, role: RoleID?, known: Set<RoleID>) -> RoleInMigration? {
        guard let node = object.value("migration"),
            let part = YAMLObject(
                node, file: object.file, what: "role's migration", keys: ["canMigrate", "handOverTo", "source"], sink: sink)
        else { return nil }
        let source = citation(part)
        let (canMigrate, handOver) = readSubmitting(
            part, role: role, known: known, what: "role's migration", key: "canMigrate")
        return source.map { RoleInMigration(canMigrate: canMigrate, handOverTo: handOver, source: $0.value) }
    }

    /// `canUpgrade` (or `key`) and `handOverTo`, of a role or of its part in a program or a migration:
    /// one that cannot act names who takes over, and that is another known role.
    private func readSubmitting(
        _ object: YAMLObject, role: RoleID?, known: Set<RoleID>, what: String, key: String = "canUpgrade"
    ) -> (canUpgrade: Bool, handOver: [RoleID]) {
        if object.value(key) == nil {
            sink.error(.missingKey, "\(what) is missing the required key '\(key)'", at: object.location)
        }
        let canUpgrade = object.bool(key, default: false)
        let handOver: [Located<RoleID>] = object.ids("handOverTo")
        for other in handOver {
            if other.value == role {
                sink.error(.inconsistent, "role '\(other.value)' cannot hand over to itself", at: other.location)
            } else if !known.contains(other.value) {
                unknown(other, what: "role", known: known)
            }
        }
        if !canUpgrade && handOver.isEmpty {
            let verb = key == "canUpgrade" ? "upgrade" : "migrate"
            sink.error(
                .missingKey, "a \(what) that cannot \(verb) names who to hand over to in 'handOverTo'", at: object.location)
        }
        return (canUpgrade, handOver.map(\.value))
    }

    func readInterpretations(
        footnotes: [Footnote], rules: Set<RuleID>, advisories: [AdvisoryCode],
        roles: Set<RoleID>, offers: [OfferID]
    ) -> [Interpretation] {
        guard let root = file("interpretations.yaml", what: "the interpretations", keys: ["interpretations"])
        else { return [] }
        let objects = root.objects(
            "interpretations", what: "interpretation",
            keys: ["id", "title", "question", "source", "decision", "rationale", "affects"])
        let ids: [Located<InterpretationID>?] = objects.map { $0.id("id") }
        _ = rejectDuplicates(ids.compactMap { $0 }, what: "interpretation")
        var subjects: [String: Subject] = [:]
        // Offers first: a rule, advice, role or footnote of the same name is what the name means.
        offers.forEach { subjects[$0.rawValue] = .offer($0) }
        rules.forEach { subjects[$0.rawValue] = .rule($0) }
        advisories.forEach { subjects[$0.rawValue] = .advisory($0) }
        roles.forEach { subjects[$0.rawValue] = .role($0) }
        footnotes.forEach { subjects[$0.id.rawValue] = .footnote($0.id) }
        return zip(objects, ids).compactMap { object, id -> Interpretation? in
            let title = object.string("title"), question = object.string("question"), source = citation(object)
            let decision = object.string("decision"), rationale = object.string("rationale")
            let affects = object.strings("affects", required: true).compactMap { name -> Subject? in
                guard let subject = subjects[name.value] else {
                    // When a file that declares subjects could not be read, the name may well be in it.
                    guard unreadable.isDisjoint(with: ["rules.yaml", "roles.yaml", "paths.yaml"]) else { return nil }
                    let hint = suggestion(for: name.value, among: subjects.keys.sorted())
                    sink.error(
                        .unknownID, "'\(name.value)' is not a rule id, advisory code, role id or footnote id\(hint)",
                        at: name.location)
                    return nil
                }
                return subject
            }
            guard let id, let title, let question, let source, let decision, let rationale else { return nil }
            sourceMap.interpretations[id.value] = id.location
            return Interpretation(
                id: id.value, title: title.value, question: question.value, source: source.value,
                decision: decision.value, rationale: rationale.value, affects: affects)
        }
    }
}
