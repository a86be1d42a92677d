import UpgradeBase
import UpgradeCore

/// The `ID[@channel]` form of a holding, as written in examples and on the command line.
package struct HoldingSpec: Hashable, Sendable {
    package let offer: String
    package let channel: Channel

    /// Nil when the channel after `@` is not one of `partner` or `other`.
    package init?(parsing text: String) {
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty else { return nil }
        offer = String(first)
        if parts.count == 2 {
            guard let channel = Channel(rawValue: String(parts[1]).lowercased()) else { return nil }
            self.channel = channel
        } else {
            channel = .partner
        }
    }
}
