import ArgumentParser
import UpgradeBase
import UpgradeContent
import UpgradeCore

struct OffersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offers",
        abstract: "List the offers: ids, official names, aliases, programs, regions and services.",
        discussion: """
            Any id, name or alias listed here is accepted by explain --from/--to and by the checker, in any case.
            The JSON is an array of {"id", "name", "program", "region", "aliases": [...], "services": [...]}; \\
            region is null for a global offer.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: ContentOptions

    @Option(help: "Output format: text for a person, json for tools.")
    var format: Format = .text

    func run() throws {
        let catalog = try options.load().catalog
        switch format {
        case .json:
            Console.out(
                JSONValue.array(
                    catalog.offers.map { offer in
                        .object([
                            ("id", .string(offer.id.rawValue)), ("name", .string(offer.name)),
                            ("program", .string(offer.program.rawValue)),
                            ("region", offer.region.map { .string($0.rawValue) } ?? .null),
                            ("aliases", .array(offer.aliases.map(JSONValue.string))),
                            ("services", .array(offer.services.map { .string($0.rawValue) })),
                        ])
                    }
                ).serialized(pretty: true) + "\n")
        case .text:
            let width = catalog.offers.map(\.id.rawValue.count).max() ?? 0
            Console.out(
                catalog.offers.map { offer in
                    let id = offer.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                    let place = [
                        catalog.program(offer.program)?.name ?? offer.program.rawValue,
                        offer.region.map { catalog.region($0)?.name ?? $0.rawValue },
                    ].compactMap { $0 }
                    let aliases =
                        offer.aliases.isEmpty ? "" : "; also " + offer.aliases.map { "\"\($0)\"" }.joined(separator: ", ")
                    return "\(id)  \(offer.name) (\(place.joined(separator: ", ")))\(aliases)\n"
                        + String(repeating: " ", count: width + 2) + "services: "
                        + offer.services.map { catalog.service($0)?.name ?? $0.rawValue }.joined(separator: ", ") + "\n"
                }.joined())
        }
    }
}
