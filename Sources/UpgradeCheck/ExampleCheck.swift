import UpgradeBase
import UpgradeContent
import UpgradeCore

/// Asks the rule core every worked example in the content and reports each
/// one whose written answer differs, at the example's id.
package enum ExampleCheck {
    package static func check(_ content: LoadedContent, into diagnostics: Diagnostics) {
        let core = RuleCore(catalog: content.catalog)
        for example in content.catalog.examples {
            let decision = core.decide(example.request)
            let expected = example.expectedVerdict == .blocked ? example.expectedReasons : []
            guard decision.verdict != example.expectedVerdict || decision.reasonCodes != expected else { continue }
            let location = content.sourceMap.examples[example.id] ?? SourceLocation(file: "examples.yaml")
            diagnostics.error(
                .exampleMismatch,
                "example '\(example.id)' expects \(describe(example.expectedVerdict, expected)) "
                    + "but the rule core decides \(describe(decision.verdict, decision.reasonCodes))",
                at: location)
        }
    }

    private static func describe(_ verdict: Verdict, _ codes: [ReasonCode]) -> String {
        codes.isEmpty ? verdict.rawValue : "\(verdict.rawValue) (\(codes.map(\.rawValue).joined(separator: ", ")))"
    }
}
