import UpgradeBase
import UpgradeCheck
import UpgradeContent
import UpgradeSiteBuilder

/// Everything `check` proves about loaded content: the prose pages' embeds and links,
/// the worked examples, and every decision table against the rule core. `build`
/// runs the same checks first, and publishes nothing that fails them.
enum ContentChecks {
    static func run(_ content: LoadedContent) -> Diagnostics {
        let findings = Diagnostics()
        SiteBuilder.checkProse(content, into: findings)
        model(content, into: findings)
        return findings
    }

    /// The checks of the model alone: the worked examples and the decision tables.
    static func model(_ content: LoadedContent, into findings: Diagnostics) {
        ExampleCheck.check(content, into: findings)
        TableCheck.check(content, into: findings)
    }
}
