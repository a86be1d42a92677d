import ArgumentParser
import UpgradeBase
import UpgradeContent
import UpgradeCore

struct OffersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offers",
        abstract: "List the offers, or find one by any of its names: ids, official and former names, aliases, services.",
        discussion: """
            Any id, official name, alias or former name listed here is accepted by explain --from/--to, the \
            checker and search, in any case and with any spacing or punctuation; nothing else is. With NAME, \
            only the offer it names is listed (a former name says what the offer is called today); a product \
            the model records as different, such as Microsoft 365 E3, is refused with the offer it is taken for.
            The JSON is an array of {"id", "name", "program", "region", "aliases": [...], "formerly": [...], \
            "services": [...], "equivalent"}; region is null for a global offer, equivalent the id of the \
            offer of another program a subscription moves to (null where the model names none). A name two \
            programs share lists both offers.

            Examples:
              upgradedocs offers
              upgradedocs offers "Office 365 Business Premium"
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: ContentOptions

    @Option(help: "Output format: text for a person, json for tools.")
    var format: Format = .text

    @Argument(help: ArgumentHelp("An id or any name of one offer, to list that offer only.", valueName: "name"))
    var name: String?

    func run() throws {
        let catalog = try options.load().catalog
        var offers = catalog.offers
        if let name {
            switch catalog.resolve(name) {
            case .offer(let offer): offers = [offer]
            case .formerly(let offer, let former):
                offers = [offer]
                if format == .text { Console.out("Note: \(catalog.note(on: former, of: offer))\n") }
            case .differentProduct(let product):
                throw Console.fail(catalog.refusal(of: product))
            case .unknown(let suggestion):
                throw Console.fail("no offer is called '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
            case .ambiguous(let shared):
                // Listing is no question: every offer the name stands for is shown.
                offers = shared
            }
        }
        switch format {
        case .json:
            Console.out(
                JSONValue.array(
                    offers.map { offer in
                        .object([
                            ("id", .string(offer.id.rawValue)), ("name", .string(offer.name)),
                            ("program", .string(offer.program.rawValue)),
                            ("region", offer.region.map { .string($0.rawValue) } ?? .null),
                            ("aliases", .array(offer.aliases.map(JSONValue.string))),
                            ("formerly", .array(offer.formerly.map { .string($0.name) })),
                            ("services", .array(offer.services.map { .string($0.rawValue) })),
                            ("equivalent", offer.equivalent.map { .string($0.offer.rawValue) } ?? .null),
                        ])
                    }
                ).serialized(pretty: true) + "\n")
        case .text:
            let width = offers.map(\.id.rawValue.count).max() ?? 0
            Console.out(
                offers.map { offer in
                    let id = offer.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                    let place = [
                        catalog.program(offer.program)?.name ?? offer.program.rawValue,
                        offer.region.map { catalog.region($0)?.name ?? $0.rawValue },
                    ].compactMap { $0 }
                    let aliases =
                        offer.aliases.isEmpty ? "" : "; also " + offer.aliases.map { "\"\($0)\"" }.joined(separator: ", ")
                    let formerly = offer.formerly.map { "; formerly \"\($0.name)\" (renamed \($0.renamed))" }.joined()
                    return "\(id)  \(offer.name) (\(place.joined(separator: ", ")))\(aliases)\(formerly)\n"
                        + String(repeating: " ", count: width + 2) + "services: "
                        + offer.services.map { catalog.service($0)?.name ?? $0.rawValue }.joined(separator: ", ") + "\n"
                }.joined())
        }
    }
}
