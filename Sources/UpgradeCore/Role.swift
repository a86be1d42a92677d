/// A Partner Center role, and what it may do in the upgrade process.
package struct Role: Hashable, Sendable {
    package let id: RoleID
    package let name: String
    /// The role's permissions, in a sentence.
    package let summary: String
    /// Where the role's permissions are stated: the start of a source's title in site.yaml, then where on it.
    package let source: String
    /// Whether the role may submit an upgrade in the portal.
    package let canUpgrade: Bool
    package let can: [String]
    package let cannot: [String]
    /// Who takes over when this role cannot act.
    package let handOverTo: [RoleID]
    /// Markdown prose written for this role.
    package let guidance: String

    package init(
        id: RoleID, name: String, summary: String, source: String = "", canUpgrade: Bool, can: [String],
        cannot: [String], handOverTo: [RoleID], guidance: String
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.source = source
        self.canUpgrade = canUpgrade
        self.can = can
        self.cannot = cannot
        self.handOverTo = handOverTo
        self.guidance = guidance
    }
}
