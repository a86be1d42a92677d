/// A page as a tree, after `HTMLDocument` parsed it: elements with their attributes
/// and line, and text. Comments are gone, as a reader never sees them.
/// Sendable because nothing changes a tree once `HTMLDocument` has built it.
final class HTMLElement: @unchecked Sendable {
    let name: String
    let attributes: Attributes
    let line: Int
    private(set) var children: [HTMLNode] = []
    /// The child elements alone, kept as they are added: every query walks them.
    private(set) var elements: [HTMLElement] = []
    /// On a page's root: every element below it by name, in document order, so a page's few
    /// lookups (its meta tags, scripts, tables, lists) need no walk of the whole tree.
    private var index: [String: [HTMLElement]] = [:]

    init(name: String, attributes: Attributes, line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    /// The text directly inside the element, without its child elements': a `<style>`'s rules, a
    /// DMN `<text>`'s entry.
    var ownText: String {
        children.map { node in if case .text(let text) = node { text } else { "" } }.joined()
    }

    var classes: [Substring] { (attributes["class"] ?? "").split(separator: " ") }

    /// Whether the class attribute names `name`, compared as bytes: pages ask this of every list and cell.
    func hasClass(_ name: String) -> Bool {
        guard let value = attributes["class"] else { return false }
        let wanted = name.utf8
        var start = value.utf8.startIndex
        for index in value.utf8.indices where value.utf8[index] == UInt8(ascii: " ") {
            if value.utf8[start..<index].elementsEqual(wanted) { return true }
            start = value.utf8.index(after: index)
        }
        return value.utf8[start...].elementsEqual(wanted)
    }

    func append(_ node: HTMLNode) {
        children.append(node)
        if case .element(let element) = node { elements.append(element) }
    }

    /// Every element below this one, in document order.
    func descendants(where matches: (HTMLElement) -> Bool) -> [HTMLElement] {
        var found: [HTMLElement] = []
        func walk(_ element: HTMLElement) {
            for child in element.elements {
                if matches(child) { found.append(child) }
                walk(child)
            }
        }
        walk(self)
        return found
    }

    /// The first list (an element named in `lists`) among `heading`'s following siblings, before
    /// the next `h2`: the list a section's heading introduces.
    func list(after heading: HTMLElement, named lists: Set<String>) -> HTMLElement? {
        guard let parent = descendants(where: { $0.elements.contains { $0 === heading } }).first,
            let position = parent.elements.firstIndex(where: { $0 === heading })
        else { return nil }
        return parent.elements[(position + 1)...].prefix { $0.name != "h2" }.first { lists.contains($0.name) }
    }

    func descendants(named name: String) -> [HTMLElement] {
        isRoot ? index[name] ?? [] : descendants { $0.name == name }
    }

    /// The elements named `name` below this one that also match.
    func descendants(named name: String, where matches: (HTMLElement) -> Bool) -> [HTMLElement] {
        descendants(named: name).filter(matches)
    }

    private var isRoot: Bool { name == HTMLElement.rootName }

    static let rootName = "#document"

    /// Files an element under the root's index; the parser calls it in document order.
    func register(_ element: HTMLElement) {
        index[element.name, default: []].append(element)
    }

    /// Why this element shows nothing to anyone: the `hidden` attribute, or an inline style that
    /// hides it or its text. Nil when it shows.
    var concealment: String? {
        if attributes["hidden"] != nil { return "the hidden attribute" }
        if let style = attributes["style"],
            StylesheetVerification.declarations(style).contains(where: StylesheetVerification.hides)
        {
            return "style=\"\(style)\""
        }
        return nil
    }

    /// Every element at or below this one that nobody sees or hears, found without reading text.
    var concealedElements: [(what: String, line: Int)] {
        var found: [(String, Int)] = []
        func walk(_ element: HTMLElement) {
            for child in element.elements {
                if let hidden = child.hidden {
                    found.append(hidden)
                } else if !child.holdsNoText {
                    walk(child)
                }
            }
        }
        walk(self)
        return found
    }

    /// This element as a finding names it when nobody sees or hears it; nil when it shows.
    var hidden: (what: String, line: Int)? {
        concealment.map { ("<\(name)> hidden by \($0)", line) }
    }

    /// Elements that hold no text a reader meets: scripts, styles and templates.
    var holdsNoText: Bool { ["script", "style", "template", "noscript", "head"].contains(name) }
}

/// An element's attributes, in document order. Elements have a handful, so a list searched
/// in order costs less than hashing each name into a dictionary.
struct Attributes: ExpressibleByDictionaryLiteral {
    private var pairs: [(name: String, value: String)] = []

    init(dictionaryLiteral elements: (String, String)...) {
        pairs = elements.map { ($0.0, $0.1) }
    }

    /// The first value given for `name`, as a browser keeps it.
    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every name, in document order.
    var names: [String] { pairs.map(\.name) }

    mutating func add(_ name: String, _ value: String) {
        if self[name] == nil { pairs.append((name, value)) }
    }
}

indirect enum HTMLNode {
    case element(HTMLElement)
    case text(String)
}

/// What a person takes from part of a page: what a sighted reader sees, what a screen
/// reader says, and anything hidden from both, which verified content must not hold.
struct Perceived {
    /// Visible text, in lines split where `<br>` breaks them, white space collapsed.
    var seenLines: [String] = [""]
    /// The text a screen reader reads: visible text and visually hidden text, not `aria-hidden`.
    var heard = ""
    /// Each hidden element, as "<span> hidden by style=…" with its line.
    var concealed: [(what: String, line: Int)] = []

    var seen: String { Perceived.collapse(seenLines.joined(separator: " ")) }

    init(_ element: HTMLElement) {
        walk(element, seen: true, heard: true)
        seenLines = seenLines.map(Perceived.collapse)
        heard = Perceived.collapse(heard)
    }

    private mutating func walk(_ element: HTMLElement, seen: Bool, heard: Bool) {
        for child in element.children {
            switch child {
            case .text(let text):
                if seen { seenLines[seenLines.count - 1] += text }
                if heard { self.heard += text }
            case .element(let inner):
                // Hidden elements are noted in the same walk that reads the text, as `concealedElements` notes them.
                if let hidden = inner.hidden {
                    concealed.append(hidden)
                    continue
                }
                if inner.holdsNoText { continue }
                if inner.name == "br" {
                    if seen { seenLines.append("") }
                    if heard { self.heard += " " }
                    continue
                }
                walk(
                    inner, seen: seen && !inner.hasClass("visually-hidden"),
                    heard: heard && inner.attributes["aria-hidden"] != "true")
                // Block boundaries separate words for a reader.
                if ["p", "div", "li", "td", "th", "tr"].contains(inner.name) {
                    if seen { seenLines[seenLines.count - 1] += " " }
                    if heard { self.heard += " " }
                }
            }
        }
    }

    /// White space collapsed as HTML renders it: runs of space, tab, newline, return and form feed
    /// become one space, none at either end.
    static func collapse(_ text: String) -> String {
        // Most text is already collapsed: one pass over its bytes says so without copying it.
        var previousSpace = true, clean = true
        for byte in text.utf8 {
            if byte == 0x20 {
                if previousSpace { clean = false; break }
                previousSpace = true
            } else if byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                clean = false
                break
            } else {
                previousSpace = false
            }
        }
        if clean && !previousSpace || text.isEmpty { return text }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\n", "\t", "\r", "\u{0C}":
                pendingSpace = !out.isEmpty
            default:
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(scalar)
            }
        }
        return String(out)
    }
}
