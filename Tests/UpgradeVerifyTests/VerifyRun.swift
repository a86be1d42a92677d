import TestSupport
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

    /// The findings of `code` in `file` (a path in the site) that mention each of `words` in order.
    func findings(_ code: DiagnosticCode, in file: String, mentioning words: String...) -> [Diagnostic] {
        problems.filter { $0.code == code && $0.location.file.hasSuffix("/" + file) && $0.mentions(words) }
    }

    /// Whether exactly the findings `findings(…)` names were found, and nothing else.
    func foundOnly(_ code: DiagnosticCode, in file: String, mentioning words: String...) -> Bool {
        problems.count == 1
            && problems.allSatisfy { $0.code == code && $0.location.file.hasSuffix("/" + file) && $0.mentions(words) }
    }
}
