import UpgradeBase
import UpgradeSiteContract
/// The page styles of a printed document: one named page per section, so each
/// sheet carries its own table's title, the as-of date and the legend in its
/// margins, and wide tables print in landscape on whatever paper is chosen.
enum PrintStyle {
    private static let font = "font: 7.5pt sans-serif;"

    static func css(for sheets: [PrintSheet], asOf: String) -> String? {
        guard !sheets.isEmpty else { return nil }
        return sheets.map { sheet in
            let name = "sheet-" + sheet.sectionID
            let size = sheet.landscape ? "\n  size: landscape;" : ""
            return """
                @page \(name) {\(size)
                  @top-left { content: \(string(sheet.legend)); \(font) }
                  @bottom-left { content: \(string("\(sheet.title) · as of \(asOf)")); \(font) }
                  @bottom-right { content: "Page " counter(page) " of " counter(pages); \(font) }
                }
                #\(sheet.sectionID) { page: \(name); }
                """
        }.joined(separator: "\n") + "\n"
    }

    /// A CSS string that is also safe inside `<style>`: quotes and backslashes
    /// escaped, and every non-ASCII or markup character as a CSS escape.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.value >= 0x20, !"\"\\<>&".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return out + "\""
    }
}
