/// A Partner Center role, and what it may do in the upgrade process.
public struct Role: Hashable, Sendable {
    public let id: RoleID
    public let name: String
    /// The role's permissions, in a sentence.
    public let summary: String
    /// Whether the role may submit an upgrade in the portal.
    public let canUpgrade: Bool
    public let can: [String]
    public let cannot: [String]
    /// Who takes over when this role cannot act.
    public let handOverTo: [RoleID]
    /// Markdown prose written for this role.
    public let guidance: String

    public init(id: RoleID, name: String, summary: String, canUpgrade: Bool, can: [String],
                cannot: [String], handOverTo: [RoleID], guidance: String) {
        self.id = id
        self.name = name
        self.summary = summary
        self.canUpgrade = canUpgrade
        self.can = can
        self.cannot = cannot
        self.handOverTo = handOverTo
        self.guidance = guidance
    }
}
