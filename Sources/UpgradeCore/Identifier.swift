/// A stable, typed id from the content model. The phantom `Kind` keeps an
/// offer id from being passed where a rule id is expected.
package struct Identifier<Kind>: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    package let rawValue: String

    package init(_ rawValue: String) { self.rawValue = rawValue }
    package init(stringLiteral value: String) { self.rawValue = value }

    package var description: String { rawValue }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

package enum OfferKind {}
package enum ProgramKind {}
package enum RegionKind {}
package enum ServiceKind {}
package enum FootnoteKind {}
package enum RuleKind {}
package enum RoleKind {}
package enum InterpretationKind {}
package enum ExampleKind {}
package enum TableKind {}
package enum TableRowKind {}

package typealias OfferID = Identifier<OfferKind>
package typealias ProgramID = Identifier<ProgramKind>
package typealias RegionID = Identifier<RegionKind>
package typealias ServiceID = Identifier<ServiceKind>
package typealias FootnoteID = Identifier<FootnoteKind>
package typealias RuleID = Identifier<RuleKind>
package typealias RoleID = Identifier<RoleKind>
package typealias InterpretationID = Identifier<InterpretationKind>
package typealias ExampleID = Identifier<ExampleKind>
package typealias TableID = Identifier<TableKind>
/// A row of a decision table, unique within its table.
package typealias TableRowID = Identifier<TableRowKind>
