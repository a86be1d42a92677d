/// A stable, typed id from the content model. The phantom `Kind` keeps an
/// offer id from being passed where a rule id is expected.
public struct Identifier<Kind>: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum OfferKind {}
public enum ProgramKind {}
public enum RegionKind {}
public enum ServiceKind {}
public enum FootnoteKind {}
public enum RuleKind {}
public enum RoleKind {}
public enum InterpretationKind {}
public enum ExampleKind {}
public enum TableKind {}
public enum TableRowKind {}

public typealias OfferID = Identifier<OfferKind>
public typealias ProgramID = Identifier<ProgramKind>
public typealias RegionID = Identifier<RegionKind>
public typealias ServiceID = Identifier<ServiceKind>
public typealias FootnoteID = Identifier<FootnoteKind>
public typealias RuleID = Identifier<RuleKind>
public typealias RoleID = Identifier<RoleKind>
public typealias InterpretationID = Identifier<InterpretationKind>
public typealias ExampleID = Identifier<ExampleKind>
public typealias TableID = Identifier<TableKind>
/// A row of a decision table, unique within its table.
public typealias TableRowID = Identifier<TableRowKind>
