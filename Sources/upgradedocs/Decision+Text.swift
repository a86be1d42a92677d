import UpgradeCore

extension Decision {
    /// The answer for a person: the verdict first, then each reason with what
    /// to do about it, then the advice.
    func text(in catalog: Catalog) -> String {
        var lines: [String] = []
        var subject = "\(request.from.name) → \(request.to.name)"
        if request.migration != nil {
            let name = { (offer: Offer) in "\(offer.name) (\(catalog.program(offer.program)?.name ?? offer.program.rawValue))" }
            subject =
                request.from.id == request.to.id
                ? "\(name(request.from)) → no equivalent" : "\(name(request.from)) → \(name(request.to))"
        }
        switch verdict {
        case .eligible:
            // With a caution, never a bare "eligible": the caution's words come with it.
            if let caution = catalog.caution(verdict, advisories.map(\.code)) {
                lines.append("ELIGIBLE, WITH CAUTION (\(caution)): \(subject)")
            } else {
                lines.append("ELIGIBLE: \(subject)")
            }
        case .blocked:
            let count = reasons.count == 1 ? "1 reason" : "\(reasons.count) reasons"
            lines.append("BLOCKED (\(count)): \(subject)")
        }
        var context = "Status \(request.status.rawValue), as of \(request.asOf)"
        if !request.holdings.isEmpty {
            let held = request.holdings.map { $0.offer.name + ($0.channel == .other ? " (other channel)" : "") }
            context += "; the customer also has " + held.joined(separator: ", ")
        }
        lines.append(context + ".")
        if let migration = request.migration {
            lines.append(Self.migrationLine(request.commitment, migration))
        } else if catalog.logic(for: request).readsCommitment {
            lines.append(Self.commitmentLine(request.commitment))
        }
        if !reasons.isEmpty {
            lines.append("")
            lines.append("Why:")
            for (index, reason) in reasons.enumerated() {
                lines.append("  \(index + 1). [\(reason.rule) \(reason.code.rawValue)] \(reason.message)")
                lines.append("     What to do: \(reason.remedy)")
            }
        }
        if !advisories.isEmpty {
            lines.append("")
            lines.append("Advice:")
            for advisory in advisories {
                lines.append("  - [\(advisory.code.rawValue)] \(advisory.message)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Decision {
    /// What the question took of the commitment, said or not: "Paid, auto-renew on, P1Y billed
    /// monthly to 2027-12-01; all seats move now to P1Y billed monthly, into a new subscription."
    static func commitmentLine(_ commitment: Commitment) -> String {
        let seats = commitment.seats.map { "\($0.moved) of \($0.held) seats move" } ?? "all seats move"
        let into =
            commitment.destination.map { destination in
                "into an existing \(destination.status.rawValue) subscription on \(destination.term.rawValue) ending "
                    + "\(destination.ends)" + (destination.inCancellationWindow ? ", in its cancellation window" : "")
            } ?? "into a new subscription"
        return "\(commitment.trial ? "Trial" : "Paid"), auto-renew \(commitment.autoRenew ? "on" : "off"), "
            + "\(commitment.term.rawValue) billed \(commitment.billing.rawValue) to \(commitment.ends); "
            + "\(seats) \(commitment.timing == .now ? "now" : "at renewal") to \(commitment.toTerm.rawValue) billed "
            + "\(commitment.toBilling.rawValue), \(into)."
    }
}

extension Decision {
    /// What a migration question took: "Paid, P1Y billed monthly to 2027-12-01, commercial, started
    /// more than a month ago, no add-ons; migrates now to P1Y billed monthly, keeping the term's end,
    /// with all seats."
    static func migrationLine(_ commitment: Commitment, _ terms: MigrationTerms) -> String {
        let started = terms.started.map { "started \($0)" } ?? "started more than a month ago"
        let addOns =
            switch terms.addOns {
            case .none: "no add-ons"
            case .eligible: "add-ons all eligible"
            case .ineligible: "an add-on not eligible"
            case .recent: "an add-on bought in the last 30 days"
            }
        var flags = [terms.segment.rawValue, started, addOns]
        if terms.promotion { flags.append("with a promotion") }
        if terms.inProgress { flags.append("a migration already running") }
        let seats = commitment.seats.map { "with \($0.moved) seats" } ?? "with all seats"
        return "\(commitment.trial ? "Trial" : "Paid"), \(commitment.term.rawValue) billed \(commitment.billing.rawValue) "
            + "to \(commitment.ends), \(flags.joined(separator: ", ")); migrates "
            + "\(commitment.timing == .now ? "now" : "at renewal") to \(commitment.toTerm.rawValue) billed "
            + "\(commitment.toBilling.rawValue), \(terms.newTerm ? "starting a new term" : "keeping the term's end"), \(seats)."
    }
}
