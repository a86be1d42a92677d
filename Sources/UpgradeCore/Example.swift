/// A worked case written in the content, with the answer its author expects.
/// `check` asks the rule core the same question, so a worked example can never
/// drift from the rules.
public struct Example: Hashable, Sendable {
    public let id: ExampleID
    public let title: String
    public let request: Request
    public let expectedVerdict: Verdict
    public let expectedReasons: [ReasonCode]

    public init(id: ExampleID, title: String, request: Request, expectedVerdict: Verdict,
                expectedReasons: [ReasonCode]) {
        self.id = id
        self.title = title
        self.request = request
        self.expectedVerdict = expectedVerdict
        self.expectedReasons = expectedReasons
    }
}
