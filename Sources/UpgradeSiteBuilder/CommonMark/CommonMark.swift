import CCmark
import Foundation

/// The only Swift file that calls cmark's C API. Everything above it works
/// with Swift values: a parsed document, its fenced blocks, and rendered text.
///
/// Extensions work on cmark's node tree, never on text: a fenced block that
/// asks for a generated table becomes a custom block holding the rendered
/// table, and a heading becomes a custom block that adds an `id` around the
/// heading's own inline children, so its bytes are cmark's with one attribute added.
final class MarkdownDocument {
    private let root: OpaquePointer

    /// Raw HTML is dropped unless `unsafeHTML` is set, as cmark does by default.
    init(parsing text: String, unsafeHTML: Bool = false) {
        let options = Self.options(unsafeHTML: unsafeHTML)
        root = text.withCString { cmark_parse_document($0, strlen($0), options) }
        self.unsafeHTML = unsafeHTML
    }

    private let unsafeHTML: Bool

    /// Each fenced block `replaceFencedBlocks` was asked about, with the custom block that stands
    /// for it while it is replaced: one of the two is in the tree, and the other is freed here.
    private var fences: [(original: OpaquePointer, custom: OpaquePointer?, block: FencedBlock)]?

    deinit {
        for fence in fences ?? [] {
            if let custom = fence.custom, cmark_node_parent(custom) != nil {
                cmark_node_free(fence.original)
            } else if let custom = fence.custom {
                cmark_node_free(custom)
            }
        }
        cmark_node_free(root)
    }

    /// A fenced code block, with its info string and where it starts in the parsed text.
    /// A value: it holds no node, so nothing outside this file can free one.
    struct FencedBlock {
        let info: String
        let literal: String
        let line: Int
        let column: Int
    }

    /// Where the tree first nests deeper than `limit` nodes below the document: the line and
    /// column of the block that holds that place, as the parsed text counts them. Nil when it never does.
    func nesting(deeperThan limit: Int) -> (line: Int, column: Int)? {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        // Leaves get no exit event, so only containers count a level.
        let leaves: Set<UInt32> = [
            CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
            CMARK_NODE_HTML_BLOCK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_THEMATIC_BREAK,
        ].reduce(into: []) { $0.insert($1.rawValue) }
        var depth = 0, place = (line: 1, column: 1)
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_EXIT {
                depth -= 1
                continue
            }
            let type = cmark_node_get_type(node)
            if type.rawValue < CMARK_NODE_FIRST_INLINE.rawValue, cmark_node_get_start_line(node) > 0 {
                place = (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
            }
            guard !leaves.contains(type.rawValue) else { continue }
            depth += 1
            if depth > limit + 1 { return place }
        }
        return nil
    }

    /// The fenced code blocks whose info string's first word is `word`.
    func fencedBlocks(named word: String) -> [FencedBlock] {
        fencedNodes(named: word).map(\.block)
    }

    /// Puts, in place of each fenced block named `word`, the literal `replacement` gives for
    /// it (nil leaves the block); the renderers emit a literal as it is. Asked again, with
    /// another replacement, it sets the literals anew, so that one parse serves both twins;
    /// the blocks are those of the first call's word, the only one a document is asked about.
    func replaceFencedBlocks(named word: String, with replacement: (FencedBlock) -> String?) {
        if fences == nil { fences = fencedNodes(named: word).map { ($0.node, nil, $0.block) } }
        for index in fences!.indices {
            let (original, custom, block) = fences![index]
            let literal = replacement(block)
            switch (literal, custom) {
            case (let literal?, let custom?):
                cmark_node_set_on_enter(custom, literal)
                if cmark_node_parent(custom) == nil { cmark_node_replace(original, custom) }
            case (let literal?, nil):
                let made = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
                cmark_node_set_on_enter(made, literal)
                cmark_node_set_on_exit(made, "")
                cmark_node_replace(original, made)
                fences![index].custom = made
            case (nil, let custom?):
                if cmark_node_parent(custom) != nil { cmark_node_replace(custom, original) }
            case (nil, nil):
                continue
            }
        }
    }

    private func fencedNodes(named word: String) -> [(node: OpaquePointer, block: FencedBlock)] {
        nodes(ofType: CMARK_NODE_CODE_BLOCK).compactMap { node in
            // Only fenced blocks carry an info string, so a matching word means a fence.
            let info = Self.string(cmark_node_get_fence_info(node))
            guard info.split(separator: " ").first.map(String.init) == word else { return nil }
            return (
                node,
                FencedBlock(
                    info: info, literal: Self.string(cmark_node_get_literal(node)),
                    line: Int(cmark_node_get_start_line(node)),
                    column: Int(cmark_node_get_start_column(node)))
            )
        }
    }

    /// Gives every heading an `id`; `makeID` receives the heading's plain text, and `ending` the
    /// id, for markup that closes the heading's content (its anchor link).
    ///
    /// cmark's heading cannot carry attributes, so the heading becomes an empty
    /// custom block holding custom inlines for the tags around its own children.
    /// A custom block breaks lines around its own literals, so those stay empty,
    /// and the bytes are cmark's `<hN>…</hN>` with the id added.
    func addHeadingIDs(
        _ makeID: (_ text: String, _ level: Int) -> String, ending: (_ id: String) -> String = { _ in "" }
    ) {
        for heading in nodes(ofType: CMARK_NODE_HEADING) {
            let level = cmark_node_get_heading_level(heading)
            let id = makeID(Self.plainText(of: heading), Int(level))
            let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
            cmark_node_set_on_enter(wrapper, "")
            cmark_node_set_on_exit(wrapper, "")
            let open = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            cmark_node_set_on_enter(open, "<h\(level) id=\"\(HTML.escapeAttribute(id))\">")
            cmark_node_set_on_exit(open, "")
            cmark_node_append_child(wrapper, open)
            while let child = cmark_node_first_child(heading) {
                cmark_node_unlink(child)
                cmark_node_append_child(wrapper, child)
            }
            let close = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            cmark_node_set_on_enter(close, ending(id) + "</h\(level)>")
            cmark_node_set_on_exit(close, "")
            cmark_node_append_child(wrapper, close)
            cmark_node_replace(heading, wrapper)
            cmark_node_free(heading)
        }
    }

    /// Every link's URL, with the line of the block it stands in (cmark places blocks, not inlines).
    func links() -> [(url: String, line: Int)] {
        nodes(ofType: CMARK_NODE_LINK).map { link in
            var block: OpaquePointer? = link
            while let current = block, cmark_node_get_start_line(current) == 0 { block = cmark_node_parent(current) }
            return (Self.string(cmark_node_get_url(link)), Int(block.map(cmark_node_get_start_line) ?? 1))
        }
    }

    func renderHTML() -> String {
        Self.take(cmark_render_html(root, Self.options(unsafeHTML: unsafeHTML)))
    }

    /// CommonMark text, for the Markdown twin of a page, with each link's URL as `rewrite` gives
    /// it (`.html` to `.md`); width 0 keeps lines unwrapped. With raw HTML off, the twin drops what
    /// the HTML page drops: raw HTML, and links to `javascript:` and the like, as cmark's safe HTML
    /// rendering does. Every change is undone after, so the same tree then renders the HTML twin.
    func renderCommonMark(rewritingLinks rewrite: (String) -> String) -> String {
        var urls: [(node: OpaquePointer, url: String)] = []
        var unlinked: [(node: OpaquePointer, parent: OpaquePointer?, next: OpaquePointer?)] = []
        // One walk finds every node to change; the changes follow, so none disturbs the walk.
        let types =
            unsafeHTML ? [CMARK_NODE_LINK] : [CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE]
        for node in nodes(ofTypes: types) {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                unlinked.append((node, cmark_node_parent(node), cmark_node_next(node)))
                cmark_node_unlink(node)
                continue
            }
            let url = Self.string(cmark_node_get_url(node))
            let changed = !unsafeHTML && Self.isDangerous(url) ? "" : type == CMARK_NODE_LINK ? rewrite(url) : url
            if changed != url {
                urls.append((node, url))
                cmark_node_set_url(node, changed)
            }
        }
        let text = Self.take(cmark_render_commonmark(root, Self.options(unsafeHTML: unsafeHTML), 0))
        for (node, url) in urls { cmark_node_set_url(node, url) }
        // Put back in the reverse order, so each node's next sibling is back before it is.
        for (node, parent, next) in unlinked.reversed() {
            if let next { cmark_node_insert_before(next, node) } else if let parent { cmark_node_append_child(parent, node) }
        }
        return text
    }

    /// cmark's own test: a script, file or data URL, but for data images.
    static func isDangerous(_ url: String) -> Bool {
        let lower = url.lowercased()
        let safeImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
        if safeImages.contains(where: lower.hasPrefix) { return false }
        return ["javascript:", "vbscript:", "file:", "data:"].contains(where: lower.hasPrefix)
    }

    /// cmark's own one-call rendering, untouched: the reference the site's output must match.
    static func referenceHTML(_ text: String, unsafeHTML: Bool = false) -> String {
        text.withCString { take(cmark_markdown_to_html($0, strlen($0), options(unsafeHTML: unsafeHTML))) }
    }

    static var version: String { string(cmark_version_string()) }

    private func nodes(ofType type: cmark_node_type) -> [OpaquePointer] {
        nodes(ofTypes: [type])
    }

    /// The nodes of any of `types`, in document order, from one walk of the tree.
    private func nodes(ofTypes types: [cmark_node_type]) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), types.contains(cmark_node_get_type(node)) {
                found.append(node)
            }
        }
        return found
    }

    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(child))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    private static func options(unsafeHTML: Bool) -> Int32 {
        unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// Copies a string cmark allocated, then frees it.
    private static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
