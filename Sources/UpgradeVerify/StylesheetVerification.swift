import Foundation

/// Stylesheet rules that would change what a reader sees in verified content without
/// touching the HTML: hiding cells or symbols, or drawing text (`content:`) before or
/// after them. The site's own stylesheet has none; a tampered one is caught here.
enum StylesheetVerification {
    /// A rule that hides or generates content where verified tables and lists can be reached:
    /// its selector and declarations, with the line it starts on.
    static func findings(in css: String) -> [(rule: String, line: Int)] {
        var found: [(String, Int)] = []
        for rule in rules(in: css) {
            let selector = rule.selector.lowercased()
            guard reachesVerifiedContent(selector) else { continue }
            let declarations = Self.declarations(rule.declarations)
            let pseudo = [":before", ":after", ":marker"].contains { selector.contains($0) }
            let generates =
                pseudo
                && declarations.contains {
                    $0.0 == "content" && !["none", "normal", "\"\"", "''"].contains($0.1) && !repeatsAddress($0.1)
                }
            let hides = declarations.contains(where: Self.hides)
            if generates || hides {
                let text = "\(rule.selector) { \(rule.declarations) }".split(whereSeparator: \.isWhitespace).joined(
                    separator: " ")
                found.append((text, rule.line))
            }
        }
        return found
    }

    /// Generated text that only repeats a link's own address in brackets, as a print stylesheet
    /// does (`" (" attr(href) ")"`): it draws no word, symbol or verdict of its own.
    static func repeatsAddress(_ value: String) -> Bool {
        guard value.contains("attr(href)") else { return false }
        var rest = value.replacingOccurrences(of: "attr(href)", with: "")
        for quote in ["\"", "'"] {
            let pattern = quote + "[ ()\\[\\]]*" + quote
            rest = rest.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return rest.allSatisfy(\.isWhitespace)
    }

    /// The `property: value` pairs of a declaration block or a `style` attribute, lower-cased,
    /// without `!important`.
    static func declarations(_ text: String) -> [(property: String, value: String)] {
        text.lowercased().split(separator: ";").compactMap { declaration in
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return (
                parts[0].filter { !$0.isWhitespace },
                parts[1].replacingOccurrences(of: "!important", with: "")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            )
        }
    }

    /// A declaration that leaves its element's text unseen, in a stylesheet or in a `style` attribute.
    static func hides(_ declaration: (property: String, value: String)) -> Bool {
        let zero = Double(declaration.value.prefix { "0123456789.-".contains($0) }).map { $0 == 0 } ?? false
        switch declaration.property {
        case "display": return declaration.value == "none"
        case "visibility": return declaration.value == "hidden" || declaration.value == "collapse"
        case "content-visibility": return declaration.value == "hidden"
        case "opacity", "font-size", "height", "width", "max-height", "max-width": return zero
        case "color": return declaration.value == "transparent"
        case "text-indent": return declaration.value.hasPrefix("-")
        case "clip-path": return declaration.value.hasPrefix("inset(50%")
        default: return false
        }
    }

    /// Whether a selector can match inside a verified table or list: table parts, list items, the
    /// classes and attributes verified content carries, or anything at all (`*`).
    private static func reachesVerifiedContent(_ selector: String) -> Bool {
        // An attribute selector ends its element's name: `a[href]` is a link.
        let words = selector.split(whereSeparator: {
            !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "*")
        })
        let elements: Set<Substring> = [
            "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "li", "ul", "ol", "span",
            "a", "sup", "strong", "code", "*", "main", "body", "html", "article",
        ]
        let classes = [
            "upgrade-", "decision-table", "examples", "offer-index", "symbol", "eligible", "blocked", "hit-policy",
            "input", "output", "footnote", "services", "upgrades", "[data-", "[aria", "[class",
        ]
        return words.contains { elements.contains($0) } || classes.contains { selector.contains($0) }
    }

    /// The style rules of a stylesheet, at any depth of `@media` or `@supports`, comments removed.
    private static func rules(in css: String) -> [(selector: String, declarations: String, line: Int)] {
        var rules: [(String, String, Int)] = []
        var prelude = "", body = "", depth = 0, inRule = false, line = 1, start = 1
        var characters = Array(css)[...]
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == "\n" { line += 1 }
            if character == "/", characters.first == "*" {
                while !characters.isEmpty, !(characters.first == "*" && characters.dropFirst().first == "/") {
                    if characters.first == "\n" { line += 1 }
                    characters = characters.dropFirst()
                }
                characters = characters.dropFirst(2)
                continue
            }
            if inRule {
                if character == "}" {
                    rules.append((prelude, body, start))
                    prelude = ""; body = ""; inRule = false
                } else {
                    body.append(character)
                }
                continue
            }
            switch character {
            case "{":
                if prelude.trimmingSpacesAndTabs.hasPrefix("@") {
                    depth += 1
                    prelude = ""
                } else {
                    inRule = true
                }
            case "}":
                depth = max(0, depth - 1)
                prelude = ""
            case ";" where prelude.trimmingSpacesAndTabs.hasPrefix("@"):
                prelude = ""
            default:
                if prelude.allSatisfy(\.isWhitespace) && !character.isWhitespace { start = line }
                prelude.append(character)
            }
        }
        return rules
    }
}
