import ArgumentParser
import UpgradeContent
import UpgradeCore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Ask the rule core whether one subscription can be upgraded, and why not.",
        discussion: """
            Offers are given by id, official name, alias or former name ('upgradedocs offers' lists \
            them), in any case and with any spacing or punctuation. A former name is answered for \
            the offer's present name, with a note saying so. A product the model records as different \
            (Microsoft 365 E3 is not Office 365 Enterprise E3) is refused, naming the offer it is \
            taken for. Exits 0 whenever a decision was made, eligible or blocked; non-zero on bad input.

            A name two programs share (Microsoft 365 Business Basic is sold in legacy and in new \
            commerce) needs --program. An offer of new commerce also takes what its rules decide on: \
            trial, auto-renew, the source's term, billing and term end, the target's term and billing, \
            when, the seats moved, and an existing subscription of the target the seats are to join \
            (any --dest-… flag says there is one; what it leaves out matches the source).

            From a legacy offer to a new-commerce one the answer is a plan: migrate to the legacy \
            offer's equivalent, then upgrade that to the target, each step with its own reasons. \
            --migrate asks about the migration alone. A migration takes --status, --trial, --term \
            and --billing (the legacy subscription's), --to-term and --to-billing (the new one's, \
            default the same), --when, --seats (the new subscription's seats), --ends, and the \
            Migration flags below.

            Examples:
              upgradedocs explain --from m365-business-basic --to o365-e3 \\
                  --holds m365-apps-enterprise@other --as-of 2021-06-01
              upgradedocs explain --program new-commerce --from "Business Basic" \\
                  --to "Business Standard" --seats 5 --of 20 --term P1M --to-term P1Y
              upgradedocs explain --from o365-e3 --to nce-m365-e5 --started 2023-05-02
              upgradedocs explain --migrate --from "Business Premium" --program legacy --add-ons recent
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The offer the subscription has now.", valueName: "offer"))
    var from: String

    @Option(help: ArgumentHelp("The offer to upgrade to (not with --migrate).", valueName: "offer"))
    var to: String?

    @Option(
        help: ArgumentHelp(
            "The subscription's status: active, suspended, expired, disabled, canceled or deleted.",
            valueName: "status"))
    var status: String = "active"

    @Option(
        name: .customLong("holds"),
        help: ArgumentHelp(
            "Another subscription the customer has; add @other when bought through another "
                + "partner or channel. Repeat for each.", valueName: "offer[@other]"))
    var holdings: [String] = []

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The day to decide as of (YYYY-MM-DD). Defaults to today, in UTC.", valueName: "date"))
    var asOf: String?

    @Option(
        help: ArgumentHelp(
            "The program whose offers the names mean, where two programs share a name: legacy or new-commerce.",
            valueName: "program"))
    var program: String?

    @OptionGroup var commitment: CommitmentOptions

    @OptionGroup(title: "Migration") var migration: MigrationOptions

    @Option(help: "Output format: text for a person, json for tools.")
    var format: Format = .text

    func run() throws {
        let content = try options.load()
        let catalog = content.catalog
        guard migration.migrate || to != nil else {
            throw Console.fail("--to: name the offer to upgrade to, or ask --migrate", exit: .validationFailure)
        }
        let question = Question(
            from: from, to: to ?? "", status: status, holdings: holdings, asOf: asOf ?? CalendarDate.today.description,
            program: program, terms: commitment.terms, migrate: migration.migrate, migration: migration.parts)
        let (asked, problems, notes) = question.request(in: catalog)
        guard let request = asked else {
            let lines = problems.map { Self.flag(of: $0.part) + ": " + $0.message }
            lines.dropLast().forEach(Console.error)
            throw Console.fail(lines.last ?? "", exit: .validationFailure)
        }
        let core = RuleCore(catalog: catalog)
        let noted = notes.map { "Note: \($0)\n" }.joined()
        if request.migration != nil {
            let plan = core.plan(request)
            switch format {
            case .text: Console.out(noted + plan.text(for: request, in: catalog))
            case .json: Console.out(plan.json(for: request, alone: migration.migrate).serialized() + "\n")
            }
            return
        }
        let decision = core.decide(request)
        switch format {
        case .text: Console.out(noted + decision.text(in: catalog))
        case .json: Console.out(decision.json.serialized() + "\n")
        }
    }

    private static func flag(of part: Question.Part) -> String {
        switch part {
        case .from: "--from"
        case .to: "--to"
        case .status: "--status"
        case .holdings: "--holds"
        case .asOf: "--as-of"
        case .program: "--program"
        case .trial: "--trial"
        case .autoRenew: "--auto-renew"
        case .term: "--term"
        case .billing: "--billing"
        case .toTerm: "--to-term"
        case .toBilling: "--to-billing"
        case .when: "--when"
        case .seats: "--seats"
        case .of: "--of"
        case .ends: "--ends"
        case .destStatus: "--dest-status"
        case .destTerm: "--dest-term"
        case .destEnds: "--dest-ends"
        case .destInWindow: "--dest-in-window"
        case .migrate: "--migrate"
        case .started: "--started"
        case .newTerm: "--new-term"
        case .promotion: "--promotion"
        case .segment: "--segment"
        case .addOns: "--add-ons"
        case .inProgress: "--in-progress"
        }
    }
}
