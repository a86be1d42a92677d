import UpgradeContent
import UpgradeCore

/// Asks the rule core every worked example in the content and reports each
/// one whose written answer differs, at the example's id.
public enum ExampleCheck {
    public static func findings(in content: LoadedContent) -> [Diagnostic] {
        let core = RuleCore(catalog: content.catalog)
        return content.catalog.examples.compactMap { example in
            let decision = core.decide(example.request)
            let expected = example.expectedVerdict == .blocked ? example.expectedReasons : []
            guard decision.verdict != example.expectedVerdict || decision.reasonCodes != expected else { return nil }
            let location = content.sourceMap.examples[example.id] ?? SourceLocation(file: "examples.yaml")
            return Diagnostic(.error, "example '\(example.id)' expects \(describe(example.expectedVerdict, expected)) "
                              + "but the rule core decides \(describe(decision.verdict, decision.reasonCodes))",
                              at: location)
        }
    }

    private static func describe(_ verdict: Verdict, _ codes: [ReasonCode]) -> String {
        codes.isEmpty ? verdict.rawValue : "\(verdict.rawValue) (\(codes.map(\.rawValue).joined(separator: ", ")))"
    }
}
