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
        ExampleCheck.check(content, into: findings)
        TableCheck.check(content, into: findings)
        return findings
    }
}
