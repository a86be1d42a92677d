import UpgradeBase
import UpgradeContent
import UpgradeVerify

/// One run of `verify` over a folder: what it found, and how much it checked.
struct VerifyRun {
    let problems: [Diagnostic]
    let coverage: SiteVerifier.Coverage

    init(content: LoadedContent, site: String) {
        let diagnostics = Diagnostics()
        coverage = SiteVerifier(content: content, site: site).verify(into: diagnostics)
        problems = diagnostics.sorted
    }

    var messages: [String] { problems.map(\.message) }
}
