import Foundation
import UpgradeCore

extension CalendarDate {
    /// Today in UTC. Only `explain` reads the clock, and only when no `--as-of` is given.
    static var today: CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
