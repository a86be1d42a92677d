import UpgradeContent
import UpgradeCore

/// What the content says differently, thing by thing: each entry names the kind,
/// the id a reviewer finds in `content/`, and what changed, in words.
struct ModelComparison {
    let base: LoadedContent
    let head: LoadedContent

    var changes: [ModelChange] {
        let before = base.catalog, after = head.catalog
        var changes = settings
        changes += compare("program", before.programs, after.programs, id: \.id.rawValue, describe: \.name) { old, new in
            [
                text("name", old.name, new.name),
                text(
                    "withdrawn from", old.withdrawnFrom?.description ?? "never",
                    new.withdrawnFrom?.description ?? "never"),
                text("withdrawal note", old.withdrawalNote ?? "", new.withdrawalNote ?? ""),
                text("migrates to", old.migration?.to.rawValue ?? "nowhere", new.migration?.to.rawValue ?? "nowhere"),
                text(
                    "Microsoft migrates it from", old.migration?.microsoftLedFrom?.description ?? "never",
                    new.migration?.microsoftLedFrom?.description ?? "never"),
            ]
        }
        changes += compare("region", before.regions, after.regions, id: \.id.rawValue, describe: \.name) { old, new in
            [text("name", old.name, new.name)]
        }
        changes += compare("service", before.services, after.services, id: \.id.rawValue, describe: \.name) { old, new in
            [text("name", old.name, new.name)]
        }
        changes += offers
        changes += compare(
            "path", before.paths, after.paths, id: { "\($0.from) -> \($0.to)" },
            describe: { describe($0, in: after) ?? describe($0, in: before) ?? "" }
        ) { old, new in
            [
                text("footnote", old.footnote?.rawValue ?? "none", new.footnote?.rawValue ?? "none"),
                text("stated by footnote", old.statedBy?.rawValue ?? "none", new.statedBy?.rawValue ?? "none"),
            ]
        }
        changes += compare("footnote", before.footnotes, after.footnotes, id: \.id.rawValue, describe: \.text) { old, new in
            [text("mark", old.mark, new.mark), text("text", old.text, new.text)]
        }
        changes += compare("rule", before.rules, after.rules, id: \.id.rawValue, describe: \.title) { old, new in
            [
                text("code", old.code.rawValue, new.code.rawValue), text("title", old.title, new.title),
                text("remedy", old.remedy, new.remedy), text("source", old.source, new.source),
                old.remedies == new.remedies
                    ? nil : "remedies for kinds of case: \(old.remedies.count) → \(new.remedies.count), worded or chosen anew",
            ]
        }
        changes += compare("role", before.roles, after.roles, id: \.id.rawValue, describe: \.name) { old, new in
            [
                text("name", old.name, new.name), text("summary", old.summary, new.summary),
                text("can upgrade", old.canUpgrade ? "yes" : "no", new.canUpgrade ? "yes" : "no"),
                text(
                    "can migrate", old.migration.map { $0.canMigrate ? "yes" : "no" } ?? "not said",
                    new.migration.map { $0.canMigrate ? "yes" : "no" } ?? "not said"),
                list("can", old.can, new.can), list("cannot", old.cannot, new.cannot),
                list("hands over to", old.handOverTo.map(\.rawValue), new.handOverTo.map(\.rawValue)),
                text("guidance", old.guidance, new.guidance),
            ]
        }
        changes += compare(
            "interpretation", before.interpretations, after.interpretations, id: \.id.rawValue,
            describe: \.title
        ) { old, new in
            [
                text("title", old.title, new.title), text("question", old.question, new.question),
                text("decision", old.decision, new.decision), text("rationale", old.rationale, new.rationale),
                list("affects", old.affects.map(\.description), new.affects.map(\.description)),
            ]
        }
        changes += compare("table", before.tables, after.tables, id: \.id.rawValue, describe: \.title) { old, new in
            [
                text("title", old.title, new.title), text("summary", old.summary, new.summary),
                text("hit policy", old.hitPolicy.rawValue, new.hitPolicy.rawValue),
                list("inputs", old.inputs.map(\.label), new.inputs.map(\.label)),
                list("outputs", old.outputs.map(\.label), new.outputs.map(\.label)),
                rows(old.rules, new.rules),
                old.impossible == new.impossible ? nil : "impossible combinations changed",
                text("no match", old.noMatch ?? "a gap", new.noMatch ?? "a gap"),
            ]
        }
        changes += compare("example", before.examples, after.examples, id: \.id.rawValue, describe: \.title) { old, new in
            [
                text("title", old.title, new.title), text("request", describe(old.request), describe(new.request)),
                text("expected", expected(old), expected(new)),
            ]
        }
        if before.portalSteps != after.portalSteps {
            changes.append(
                ModelChange(
                    kind: "portal-steps", id: "portal", change: .changed,
                    detail: list("steps", before.portalSteps, after.portalSteps) ?? "steps reordered"))
        }
        changes += compare("page", base.pages, head.pages, id: \.slug, describe: \.title) { old, new in
            [
                text("title", old.title, new.title), text("description", old.description ?? "", new.description ?? ""),
                text("body", old.body, new.body),
            ]
        }
        return changes
    }

    private var settings: [ModelChange] {
        let old = base.settings, new = head.settings
        let fields = [
            text("title", old.title, new.title), text("as of", old.asOf.description, new.asOf.description),
            text("raw HTML", old.rawHTML ? "allowed" : "dropped", new.rawHTML ? "allowed" : "dropped"),
        ]
        .compactMap { $0 }
        return fields.isEmpty
            ? []
            : [
                ModelChange(
                    kind: "settings", id: "site", change: .changed,
                    detail: fields.joined(separator: "; "))
            ]
    }

    /// Offers, their services and their aliases, each an entry of its own kind, so a
    /// reviewer sees "Teams removed from E3" apart from a renamed offer.
    private var offers: [ModelChange] {
        let before = base.catalog, after = head.catalog
        var changes = compare("offer", before.offers, after.offers, id: \.id.rawValue, describe: \.name) { old, new in
            [
                text("name", old.name, new.name), text("program", old.program.rawValue, new.program.rawValue),
                text("region", old.region?.rawValue ?? "global", new.region?.rawValue ?? "global"),
                text("variant of", old.variantOf?.rawValue ?? "none", new.variantOf?.rawValue ?? "none"),
            ]
        }
        for new in after.offers {
            guard let old = before.offer(new.id) else { continue }
            if let detail = list("services", before.serviceNames(old.services), after.serviceNames(new.services)) {
                changes.append(ModelChange(kind: "offer-services", id: new.id.rawValue, change: .changed, detail: detail))
            }
            if let detail = list("aliases", old.aliases, new.aliases) {
                changes.append(ModelChange(kind: "offer-aliases", id: new.id.rawValue, change: .changed, detail: detail))
            }
            let sale = [
                text("sku", old.sale.sku ?? "none", new.sale.sku ?? "none"),
                list("plans", old.sale.plans.map(\.description), new.sale.plans.map(\.description)),
                text("seat limit", old.sale.maxSeats.map(String.init) ?? "none", new.sale.maxSeats.map(String.init) ?? "none"),
                text("end of sale", old.sale.endOfSale?.description ?? "none", new.sale.endOfSale?.description ?? "none"),
                list("markets", old.sale.countries, new.sale.countries),
            ].compactMap { $0 }
            if !sale.isEmpty {
                changes.append(
                    ModelChange(kind: "offer-sale", id: new.id.rawValue, change: .changed, detail: sale.joined(separator: "; ")))
            }
            // Where a legacy subscription of it migrates to, and how: what its "Where to go now" says.
            let equivalent = [
                text("equivalent", old.equivalent?.offer.rawValue ?? "none", new.equivalent?.offer.rawValue ?? "none"),
                text(
                    "migrated by", old.equivalent.map { $0.migrationEnabled ? "the tools" : "hand" } ?? "none",
                    new.equivalent.map { $0.migrationEnabled ? "the tools" : "hand" } ?? "none"),
                text("mapping source", old.equivalent?.source ?? "none", new.equivalent?.source ?? "none"),
            ].compactMap { $0 }
            if !equivalent.isEmpty {
                changes.append(
                    ModelChange(
                        kind: "offer-equivalent", id: new.id.rawValue, change: .changed,
                        detail: equivalent.joined(separator: "; ")))
            }
        }
        return changes
    }

    /// Entries for things added (in the head's order), changed, and removed (in the base's order).
    private func compare<Thing>(
        _ kind: String, _ before: [Thing], _ after: [Thing], id: (Thing) -> String,
        describe: (Thing) -> String, fields: (Thing, Thing) -> [String?]
    ) -> [ModelChange] {
        let old = Dictionary(before.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
        let present = Set(after.map(id))
        var changes: [ModelChange] = []
        for thing in after {
            guard let previous = old[id(thing)] else {
                changes.append(ModelChange(kind: kind, id: id(thing), change: .added, detail: describe(thing)))
                continue
            }
            let differences = fields(previous, thing).compactMap { $0 }
            if !differences.isEmpty {
                changes.append(
                    ModelChange(
                        kind: kind, id: id(thing), change: .changed,
                        detail: differences.joined(separator: "; ")))
            }
        }
        for thing in before where !present.contains(id(thing)) {
            changes.append(ModelChange(kind: kind, id: id(thing), change: .removed, detail: describe(thing)))
        }
        return changes
    }

    /// "name: “old” → “new”". Long text shows only the words that differ, with a few
    /// words of context, so a reworded paragraph reads as its edit.
    private func text(_ name: String, _ old: String, _ new: String) -> String? {
        guard old != new else { return nil }
        guard old.count + new.count > 160 else { return "\(name): “\(old)” → “\(new)”" }
        let before = old.split(whereSeparator: \.isWhitespace), after = new.split(whereSeparator: \.isWhitespace)
        let common = zip(before, after).prefix { $0 == $1 }.count
        let limit = min(before.count, after.count) - common
        let trailing = zip(before.reversed(), after.reversed()).prefix(limit).prefix { $0 == $1 }.count
        func excerpt(_ words: [Substring]) -> String {
            let start = max(0, common - 3), end = min(words.count, words.count - trailing + 3)
            return (start > 0 ? "…" : "") + words[start..<end].joined(separator: " ") + (end < words.count ? "…" : "")
        }
        return "\(name) reworded: “\(excerpt(before))” → “\(excerpt(after))”"
    }

    /// "name: added A, B; removed C", or nil when the lists hold the same items.
    private func list(_ name: String, _ old: [String], _ new: [String]) -> String? {
        let added = new.filter { !old.contains($0) }, removed = old.filter { !new.contains($0) }
        var parts: [String] = []
        if !added.isEmpty { parts.append("added " + added.joined(separator: ", ")) }
        if !removed.isEmpty { parts.append("removed " + removed.joined(separator: ", ")) }
        if parts.isEmpty && old != new { parts.append("reordered") }
        return parts.isEmpty ? nil : "\(name): " + parts.joined(separator: "; ")
    }

    private func rows(_ old: [TableRule], _ new: [TableRule]) -> String? {
        let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let present = Set(new.map(\.id))
        var parts: [String] = []
        let added = new.filter { before[$0.id] == nil }.map(\.id.rawValue)
        let changed = new.filter { row in before[row.id].map { $0 != row } ?? false }.map(\.id.rawValue)
        let removed = old.filter { !present.contains($0.id) }.map(\.id.rawValue)
        if !added.isEmpty { parts.append("added " + added.joined(separator: ", ")) }
        if !changed.isEmpty { parts.append("changed " + changed.joined(separator: ", ")) }
        if !removed.isEmpty { parts.append("removed " + removed.joined(separator: ", ")) }
        return parts.isEmpty ? (old != new ? "rows: reordered" : nil) : "rows: " + parts.joined(separator: "; ")
    }

    private func describe(_ path: UpgradePath, in catalog: Catalog) -> String? {
        guard let from = catalog.offer(path.from), let to = catalog.offer(path.to) else { return nil }
        return "\(from.name) → \(to.name)"
    }

    private func describe(_ request: Request) -> String {
        var words = "\(request.from.id) → \(request.to.id), \(request.status.rawValue), as of \(request.asOf)"
        if !request.holdings.isEmpty {
            words +=
                ", holds "
                + request.holdings.map { "\($0.offer.id)" + ($0.channel == .other ? "@other" : "") }
                .joined(separator: ", ")
        }
        return words
    }

    private func expected(_ example: Example) -> String {
        ([example.expectedVerdict.rawValue] + example.expectedReasons.map(\.rawValue)).joined(separator: " ")
    }
}
