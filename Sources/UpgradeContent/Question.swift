import UpgradeCore

/// A question as a person asks it, every part as typed: the offers by any name, a status, other
/// subscriptions as `offer[@channel]`, a day. `explain` asks through it; the checker's script
/// validates a query by the same rules (the bounds travel in its data), and a test holds the two
/// together on hostile input.
package struct Question: Sendable {
    /// The part of a question a problem is about, so each asker can name it its own way
    /// (`--holds`, "Other subscriptions").
    package enum Part: Sendable, Equatable {
        case from, to, status, holdings, asOf, program
        case trial, autoRenew, term, billing, toTerm, toBilling, when, seats, of, ends
        case destStatus, destTerm, destEnds, destInWindow
    }

    /// What a question says of the commitment, every part as typed; nil where it says nothing.
    /// Only a program that decides on commitments (new commerce) takes them.
    package struct Terms: Sendable, Equatable {
        package var trial = false
        package var autoRenew: String?
        package var term: String?
        package var billing: String?
        package var toTerm: String?
        package var toBilling: String?
        package var when: String?
        package var seats: String?
        package var of: String?
        package var ends: String?
        package var destStatus: String?
        package var destTerm: String?
        package var destEnds: String?
        package var destInWindow = false

        package init() {}

        /// The parts given, for a question about a program that takes none.
        var given: [Part] {
            var parts: [Part] = []
            if trial { parts.append(.trial) }
            let texts: [(String?, Part)] = [
                (autoRenew, .autoRenew), (term, .term), (billing, .billing), (toTerm, .toTerm), (toBilling, .toBilling),
                (when, .when), (seats, .seats), (of, .of), (ends, .ends), (destStatus, .destStatus),
                (destTerm, .destTerm), (destEnds, .destEnds),
            ]
            parts += texts.filter { $0.0 != nil }.map(\.1)
            if destInWindow { parts.append(.destInWindow) }
            return parts
        }
    }

    package struct Problem: Sendable, Equatable {
        package let part: Part
        package let message: String
    }

    package var from: String
    package var to: String
    package var status: String
    package var holdings: [String]
    package var asOf: String
    /// The program a shared name is read in; nil when the question names none.
    package var program: String?
    package var terms: Terms

    package init(
        from: String, to: String, status: String = "active", holdings: [String] = [], asOf: String,
        program: String? = nil, terms: Terms = Terms()
    ) {
        self.program = program
        self.terms = terms
        self.from = from
        self.to = to
        self.status = status
        self.holdings = holdings
        self.asOf = asOf
    }

    /// The request, or every problem that stops it being asked; notes say which former names were
    /// read as today's offers.
    package func request(in catalog: Catalog) -> (request: Request?, problems: [Problem], notes: [String]) {
        var problems: [Problem] = [], notes: [String] = []
        var programID: ProgramID?
        if let program {
            let known = catalog.programs.first { Catalog.fold($0.id.rawValue) == Catalog.fold(program) }
            if let known {
                programID = known.id
            } else {
                problems.append(
                    Problem(
                        part: .program,
                        message: "unknown program '\(program)'; use one of "
                            + catalog.programs.map(\.id.rawValue).joined(separator: ", ")))
            }
        }
        func offer(_ text: String, _ part: Part) -> Offer? {
            switch catalog.resolve(text, in: programID) {
            case .ambiguous(let offers):
                problems.append(Problem(part: part, message: catalog.ambiguity(of: text, among: offers)))
            case .offer(let offer):
                return offer
            case .formerly(let offer, let former):
                let note = catalog.note(on: former, of: offer)
                if !notes.contains(note) { notes.append(note) }
                return offer
            case .differentProduct(let product):
                problems.append(Problem(part: part, message: catalog.refusal(of: product)))
            case .unknown(let suggestion):
                let hint =
                    suggestion.map { "; did you mean '\($0)'?" }
                    ?? "; run with an id such as '\(catalog.offers.first?.id.rawValue ?? "")'"
                problems.append(Problem(part: part, message: "unknown offer '\(text)'\(hint)"))
            }
            return nil
        }
        let source = offer(from, .from), target = offer(to, .to)
        let subscriptionStatus = SubscriptionStatus(rawValue: status.lowercased())
        if subscriptionStatus == nil {
            let known = SubscriptionStatus.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append(Problem(part: .status, message: "unknown status '\(status)'; use one of \(known)"))
        }
        // Counted before any is resolved, so naming thousands costs no more than naming a few.
        var held: [Holding] = []
        if holdings.count > Request.mostHoldings {
            problems.append(Problem(part: .holdings, message: Request.tooManyHoldings(holdings.count)))
        } else {
            for text in holdings {
                guard let spec = HoldingSpec(parsing: text) else {
                    problems.append(Problem(part: .holdings, message: "'\(text)' is not offer, offer@partner or offer@other"))
                    continue
                }
                if let found = offer(spec.offer, .holdings) { held.append(Holding(offer: found, channel: spec.channel)) }
            }
        }
        let date = CalendarDate(iso: asOf)
        if date == nil {
            problems.append(
                Problem(
                    part: .asOf,
                    message: "'\(asOf)' is not a valid date; write YYYY-MM-DD, from \(CalendarDate.earliest) to "
                        + "\(CalendarDate.latest), such as 2022-03-01"))
        }
        var commitment: Commitment?
        if let source, let date {
            if catalog.logic(for: source.program).readsCommitment {
                commitment = terms.commitment(asOf: date, problems: &problems)
            } else {
                for part in terms.given {
                    problems.append(
                        Problem(
                            part: part,
                            message: "\(source.name) is an offer of the \(source.program) program, which does not "
                                + "decide on terms, billing, seats, timing or an existing subscription"))
                }
            }
        }
        guard problems.isEmpty, let source, let target, let subscriptionStatus, let date else {
            return (nil, problems, notes)
        }
        return (
            Request(
                from: source, to: target, status: subscriptionStatus, holdings: held, asOf: date, commitment: commitment),
            [], notes
        )
    }
}
