/// A worked case written in the content, with the answer its author expects.
/// `check` asks the rule core the same question, so a worked example can never
/// drift from the rules.
package struct Example: Hashable, Sendable {
    package let id: ExampleID
    package let title: String
    package let request: Request
    package let expectedVerdict: Verdict
    package let expectedReasons: [ReasonCode]

    package init(
        id: ExampleID, title: String, request: Request, expectedVerdict: Verdict,
        expectedReasons: [ReasonCode]
    ) {
        self.id = id
        self.title = title
        self.request = request
        self.expectedVerdict = expectedVerdict
        self.expectedReasons = expectedReasons
    }
}
