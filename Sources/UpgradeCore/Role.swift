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
    /// What the role may do in programs whose pages say otherwise than the source page, in content order.
    package let programs: [RoleInProgram]
    /// Whether the role may migrate legacy subscriptions, as the migration pages say; nil where the
    /// model does not say.
    package let migration: RoleInMigration?

    package init(
        id: RoleID, name: String, summary: String, source: String = "", canUpgrade: Bool, can: [String],
        cannot: [String], handOverTo: [RoleID], guidance: String, programs: [RoleInProgram] = [],
        migration: RoleInMigration? = nil
    ) {
        self.migration = migration
        self.id = id
        self.name = name
        self.summary = summary
        self.source = source
        self.canUpgrade = canUpgrade
        self.can = can
        self.cannot = cannot
        self.handOverTo = handOverTo
        self.guidance = guidance
        self.programs = programs
    }
}

/// Whether a role may submit upgrades of one program, as that program's own pages say.
package struct RoleInProgram: Hashable, Sendable {
    package let program: ProgramID
    package let canUpgrade: Bool
    /// Who takes over when the role cannot submit in this program.
    package let handOverTo: [RoleID]
    package let source: String

    package init(program: ProgramID, canUpgrade: Bool, handOverTo: [RoleID], source: String) {
        self.program = program
        self.canUpgrade = canUpgrade
        self.handOverTo = handOverTo
        self.source = source
    }
}

/// Whether a role may migrate a subscription to the program its own migrates to (MIG-6).
package struct RoleInMigration: Hashable, Sendable {
    package let canMigrate: Bool
    /// Who takes over when the role may not migrate.
    package let handOverTo: [RoleID]
    package let source: String

    package init(canMigrate: Bool, handOverTo: [RoleID], source: String) {
        self.canMigrate = canMigrate
        self.handOverTo = handOverTo
        self.source = source
    }
}
