import UpgradeCore

extension Decision {
    /// The answer for a person: the verdict first, then each reason with what
    /// to do about it, then the advice.
    func text(in catalog: Catalog) -> String {
        var lines: [String] = []
        let subject = "\(request.from.name) → \(request.to.name)"
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
