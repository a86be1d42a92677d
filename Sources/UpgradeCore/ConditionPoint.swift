/// A point of the condition space: a value for each condition that matters.
///
/// The rule core reads and writes it through typed properties, so a misspelt
/// condition or value does not compile. Decision tables name conditions and
/// values as text; the subscript is where that text crosses into the core, and
/// it accepts only a value of the condition's domain.
package struct ConditionPoint: Hashable, Sendable {
    private var values: [Condition: String] = [:]

    package init() {}

    /// A point from a table's cells; every value must be one of its condition's `values`.
    package init(_ cells: [Condition: String]) {
        for (condition, value) in cells { self[condition] = value }
    }

    /// The table boundary: a condition's value by name, nil where the point leaves it open.
    /// The value a yes-or-no condition has when it holds.
    package static let yes = ConditionValue.yes

    package subscript(condition: Condition) -> String? {
        get { values[condition] }
        set {
            precondition(
                newValue.map(condition.values.contains) ?? true,
                "'\(newValue ?? "")' is not a value of \(condition.rawValue)")
            values[condition] = newValue
        }
    }

    /// The point with only the values of `conditions`: a program's point of its own condition space.
    package func restricted(to conditions: Set<Condition>) -> ConditionPoint {
        var point = ConditionPoint()
        point.values = values.filter { conditions.contains($0.key) }
        return point
    }

    /// Sets a yes-or-no condition.
    mutating func set(_ condition: Condition, _ value: Bool) {
        values[condition] = value ? ConditionValue.yes : ConditionValue.no
    }

    /// The conditions the point sets, with their values.
    package var cells: [Condition: String] { values }

    /// Whether some point with every value this one has could also have every value `cells` names.
    package func allows(_ cells: [Condition: String]) -> Bool {
        cells.allSatisfy { condition, wanted in values[condition].map { $0 == wanted } ?? true }
    }

    /// Whether the point has every value `cells` names.
    package func matches(_ cells: [Condition: String]) -> Bool {
        cells.allSatisfy { values[$0.key] == $0.value }
    }

    var listedPath: Bool? {
        get { flag(.listedPath) }
        set { setFlag(.listedPath, newValue) }
    }

    var regionalVariantPath: Bool? {
        get { flag(.regionalVariantPath) }
        set { setFlag(.regionalVariantPath, newValue) }
    }

    /// Whether the source subscription is active.
    var active: Bool? {
        get { values[.status].map { $0 == ConditionValue.active } }
        set { values[.status] = newValue.map { $0 ? ConditionValue.active : ConditionValue.inactive } }
    }

    var holdsTarget: Bool? {
        get { flag(.holdsTarget) }
        set { setFlag(.holdsTarget, newValue) }
    }

    var holdsAddedService: Bool? {
        get { flag(.holdsAddedService) }
        set { setFlag(.holdsAddedService, newValue) }
    }

    var otherChannelConflict: Bool? {
        get { flag(.otherChannelConflict) }
        set { setFlag(.otherChannelConflict, newValue) }
    }

    package var verdict: Verdict? {
        get { values[.verdict].flatMap(Verdict.init(rawValue:)) }
        set { values[.verdict] = newValue?.rawValue }
    }

    var targetAddsServices: Bool? {
        get { flag(.targetAddsServices) }
        set { setFlag(.targetAddsServices, newValue) }
    }

    var withdrawn: Bool? {
        get { flag(.withdrawn) }
        set { setFlag(.withdrawn, newValue) }
    }

    private func flag(_ condition: Condition) -> Bool? {
        values[condition].map { $0 == ConditionValue.yes }
    }

    private mutating func setFlag(_ condition: Condition, _ value: Bool?) {
        values[condition] = value.map { $0 ? ConditionValue.yes : ConditionValue.no }
    }
}

/// The words tables use for condition values; spelt once, here.
enum ConditionValue {
    static let yes = "yes", no = "no"
    static let active = "active", inactive = "inactive"
    static let on = "on", off = "off"
}
