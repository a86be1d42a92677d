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

            Example:
              upgradedocs explain --from m365-business-basic --to o365-e3 \\
                  --holds m365-apps-enterprise@other --as-of 2021-06-01
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The offer the subscription has now.", valueName: "offer"))
    var from: String

    @Option(help: ArgumentHelp("The offer to upgrade to.", valueName: "offer"))
    var to: String

    @Option(
        help: ArgumentHelp(
            "The subscription's status: active, suspended, canceled or deleted.",
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

    @Option(help: "Output format: text for a person, json for tools.")
    var format: Format = .text

    func run() throws {
        let content = try options.load()
        let catalog = content.catalog
        var problems: [String] = [], notes: [String] = []
        let source = resolve(from, flag: "--from", in: catalog, problems: &problems, notes: &notes)
        let target = resolve(to, flag: "--to", in: catalog, problems: &problems, notes: &notes)
        let subscriptionStatus = SubscriptionStatus(rawValue: status.lowercased())
        if subscriptionStatus == nil {
            problems.append(
                "--status: unknown status '\(status)'; use one of "
                    + SubscriptionStatus.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let held = holdings.compactMap { text -> Holding? in
            guard let spec = HoldingSpec(parsing: text) else {
                problems.append("--holds: '\(text)' is not offer or offer@partner or offer@other")
                return nil
            }
            return resolve(spec.offer, flag: "--holds", in: catalog, problems: &problems, notes: &notes)
                .map { Holding(offer: $0, channel: spec.channel) }
        }
        let date = asOf.map { CalendarDate(iso: $0) } ?? CalendarDate.today
        if date == nil {
            problems.append("--as-of: '\(asOf ?? "")' is not a valid date; write YYYY-MM-DD, such as 2022-03-01")
        }
        guard problems.isEmpty, let source, let target, let subscriptionStatus, let date else {
            problems.dropLast().forEach(Console.error)
            throw Console.fail(problems.last ?? "", exit: .validationFailure)
        }
        let request = Request(from: source, to: target, status: subscriptionStatus, holdings: held, asOf: date)
        let decision = RuleCore(catalog: catalog).decide(request)
        switch format {
        case .text: Console.out(notes.map { "Note: \($0)\n" }.joined() + decision.text(in: catalog))
        case .json: Console.out(decision.json.serialized() + "\n")
        }
    }

    private func resolve(
        _ query: String, flag: String, in catalog: Catalog, problems: inout [String], notes: inout [String]
    ) -> Offer? {
        switch catalog.resolve(query) {
        case .offer(let offer):
            return offer
        case .formerly(let offer, let former):
            notes.append(catalog.note(on: former, of: offer))
            return offer
        case .differentProduct(let product):
            problems.append("\(flag): \(catalog.refusal(of: product))")
        case .unknown(let suggestion):
            let hint =
                suggestion.map { "; did you mean '\($0)'?" }
                ?? "; run with an id such as '\(catalog.offers.first?.id.rawValue ?? "")'"
            problems.append("\(flag): unknown offer '\(query)'\(hint)")
        }
        return nil
    }
}
