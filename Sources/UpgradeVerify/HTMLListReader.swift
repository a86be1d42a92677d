/// The items of a `<ul class="…">` on a page: each `<li>`'s attributes, visible text and line.
struct HTMLListReader {
    struct Item {
        let attributes: Attributes
        let text: String
        let line: Int
        let concealed: [(what: String, line: Int)]
    }

    /// The items of the first list with the class `cssClass`; nil when the page has no such list.
    static func items(in html: String, listClass cssClass: String) -> [Item]? {
        items(in: HTMLDocument.parse(html), listClass: cssClass)
    }

    static func items(in page: HTMLElement, listClass cssClass: String) -> [Item]? {
        guard let list = page.descendants(named: "ul", where: { $0.hasClass(cssClass) }).first else { return nil }
        return list.elements.filter { $0.name == "li" }.map { item in
            let perceived = Perceived(item)
            return Item(attributes: item.attributes, text: perceived.seen, line: item.line, concealed: perceived.concealed)
        }
    }
}
