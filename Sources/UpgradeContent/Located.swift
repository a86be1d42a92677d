import UpgradeBase

/// A value read from content, with the place it came from.
struct Located<Value: Sendable>: Sendable {
    let value: Value
    let location: SourceLocation

    init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}
