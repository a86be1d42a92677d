import ArgumentParser
import UpgradeSiteContract

@main
struct UpgradeDocs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgradedocs",
        abstract: "Decide CSP subscription upgrades and publish the rules as a help site.",
        discussion: """
            The canonical model lives in content/ (YAML). Every answer comes from one rule core.

            Examples:
              upgradedocs explain --from m365-business-basic --to o365-e3
              upgradedocs explain --from "Microsoft 365 Business Basic India" \\
                  --to m365-business-standard --format json
              upgradedocs check
            """,
        version: Generator.version,
        subcommands: [
            BuildCommand.self, CheckCommand.self, VerifyCommand.self, ExplainCommand.self, OffersCommand.self,
            DiffCommand.self, ServeCommand.self, ImportCommand.self,
        ]
    )
}
