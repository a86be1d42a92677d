import UpgradeSiteContract

/// Elements as a browser shows them. `verify` reads the parsed tree; a browser leaves some of it
/// unshown (`template`, `noframes`, a `hidden` element, a closed `dialog`, `noscript` with scripts
/// on), restyles it (`font`), replaces the page (`iframe`, a refresh) or re-points its links
/// (`base`). Rather than guess how each would look, a page may hold only the elements the site
/// writes (`Markup.elements`); `hidden` only on a form or an empty box, which scripts show and fill; and a
/// `<noscript>` only a note. A `<style>` in the page is held to the rules of the stylesheets.
enum ElementVerification {
    static func findings(page: HTMLElement) -> [AttributeVerification.Finding] {
        var found: [AttributeVerification.Finding] = []
        func walk(_ element: HTMLElement, inNoscript: Bool) {
            for child in element.elements {
                if !Markup.elements.contains(child.name) {
                    found.append(
                        .init(
                            line: child.line,
                            message: "<\(child.name)> is not an element the site writes: a browser may hide, restyle "
                                + "or replace what it holds"))
                } else if inNoscript && !Markup.noscriptElements.contains(child.name) {
                    found.append(
                        .init(
                            line: child.line,
                            message: "<noscript> holds a <\(child.name)>: with scripts on, a reader never sees it"))
                }
                // A script's form and the empty boxes scripts fill start hidden; nothing else may.
                if child.attributes["hidden"] != nil && child.name != "form" && !child.children.isEmpty {
                    found.append(
                        .init(line: child.line, message: "<\(child.name)> is hidden: a reader never sees what it holds"))
                }
                if child.name == "style" {
                    for finding in StylesheetVerification.findings(in: child.ownText) {
                        found.append(
                            .init(
                                line: child.line + finding.line - 1,
                                message: "a style rule in the page hides or draws content in verified tables: \(finding.rule)"))
                    }
                }
                walk(child, inNoscript: inNoscript || child.name == "noscript")
            }
        }
        walk(page, inNoscript: false)
        return found
    }
}
