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
        case migrate, started, newTerm, promotion, segment, addOns, inProgress
    }

    /// What a question says of a migration beyond the commitment, every part as typed.
    package struct MigrationParts: Sendable, Equatable {
        package var started: String?
        package var newTerm = false
        package var promotion = false
        package var segment: String?
        package var addOns: String?
        package var inProgress = false

        package init() {}

        /// The parts given, for a question that migrates nothing.
        var given: [Part] {
            var parts: [Part] = []
            if started != nil { parts.append(.started) }
            if newTerm { parts.append(.newTerm) }
            if promotion { parts.append(.promotion) }
            if segment != nil { parts.append(.segment) }
            if addOns != nil { parts.append(.addOns) }
            if inProgress { parts.append(.inProgress) }
            return parts
        }
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
    /// Asks about the migration alone, to the source's equivalent: `to` is then empty.
    package var migrate: Bool
    package var migration: MigrationParts

    package init(
        from: String, to: String, status: String = "active", holdings: [String] = [], asOf: String,
        program: String? = nil, terms: Terms = Terms(), migrate: Bool = false, migration: MigrationParts = MigrationParts()
    ) {
        self.migrate = migrate
        self.migration = migration
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
        let source = offer(from, .from)
        var target: Offer?
        if migrate {
            if !to.isEmpty {
                problems.append(
                    Problem(
                        part: .migrate,
                        message: "a migration goes to the source's equivalent only; leave out the target, or ask "
                            + "without the migration for a plan of steps to it"))
            }
            if let source, catalog.program(source.program)?.migration == nil {
                problems.append(
                    Problem(
                        part: .migrate,
                        message: "\(source.name) is an offer of the \(source.program) program, whose subscriptions do not "
                            + "migrate to another program"))
            }
            target = source.map { source in source.equivalent.flatMap { catalog.offer($0.offer) } ?? source }
        } else {
            target = offer(to, .to)
        }
        // A question from a program that migrates to the target's is answered by migrating first.
        let migrating =
            migrate || (source.flatMap { catalog.program($0.program)?.migration?.to } == target?.program && target != nil)
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
        var migrationTerms: MigrationTerms?
        if let source, let date {
            if migrating {
                for part in [Part.destStatus, .destTerm, .destEnds, .destInWindow] where terms.given.contains(part) {
                    problems.append(
                        Problem(part: part, message: "a migration makes a new subscription; it joins no existing one"))
                }
                commitment = terms.commitment(asOf: date, migrating: true, problems: &problems)
                migrationTerms = migration.terms(asOf: date, problems: &problems)
            } else if catalog.logic(for: source.program).readsCommitment {
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
            if !migrating {
                for part in migration.given {
                    problems.append(
                        Problem(
                            part: part,
                            message: "this is about a migration, and the question asks none: ask with a target in the "
                                + "program \(source.name) migrates to, or ask for the migration alone"))
                }
            }
        }
        guard problems.isEmpty, let source, let target, let subscriptionStatus, let date else {
            return (nil, problems, notes)
        }
        return (
            Request(
                from: source, to: target, status: subscriptionStatus, holdings: held, asOf: date, commitment: commitment,
                migration: migrationTerms),
            [], notes
        )
    }
}
