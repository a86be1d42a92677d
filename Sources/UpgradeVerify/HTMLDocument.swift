import CLibXML2

/// Parses a page with libxml2's HTML parser, the way a browser reads it: comments end
/// at `-->` whatever they hold, character references are decoded, `<script>` and
/// `<style>` hold raw text, and broken markup is recovered from rather than trusted.
/// Its HTML parser gives element and attribute names in lower case, as HTML reads them.
/// This is the only file that calls libxml2; no C pointer leaves it.
enum HTMLDocument {
    static func parse(_ text: String) -> HTMLElement {
        var bytes = HTMLEntities.numericReferences(in: Array(text.utf8))
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let root = HTMLElement(name: HTMLElement.rootName, attributes: [:], line: 1)
        let document = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), "page.html", "UTF-8", options)
            }
        }
        guard let document else { return root }
        defer { xmlFreeDoc(document) }
        return tree(of: document, into: root)
    }

    /// The name of the attribute under which `parseXML` gives an element's namespace.
    static let namespaceKey = ":namespace"

    /// Parses an XML file (a `.dmn`) with libxml2's XML parser, strictly: nil when it is not
    /// well-formed. Nothing is fetched and no entity is expanded. Each element is named by its
    /// local name, with its namespace under `namespaceKey`.
    static func parseXML(_ text: String) -> HTMLElement? {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { pointer in
                xmlReadMemory(pointer, Int32(buffer.count), "table.dmn", "UTF-8", options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        return tree(of: document, into: HTMLElement(name: HTMLElement.rootName, attributes: [:], line: 1))
    }

    /// `root` with the document's nodes under it, however it was parsed.
    private static func tree(of document: xmlDocPtr, into root: HTMLElement) -> HTMLElement {
        var child = document.pointee.children
        while let node = child {
            append(node, to: root, root: root)
            child = node.pointee.next
        }
        return root
    }

    private static func append(_ node: xmlNodePtr, to parent: HTMLElement, root: HTMLElement) {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            var attributes = Attributes()
            var attribute = node.pointee.properties
            while let current = attribute {
                let name = string(current.pointee.name)
                attributes.add(name, value(of: current))
                attribute = current.pointee.next
            }
            if let namespace = node.pointee.ns?.pointee.href { attributes.add(namespaceKey, string(namespace)) }
            let element = HTMLElement(
                name: string(node.pointee.name), attributes: attributes,
                line: Int(xmlGetLineNo(node)))
            parent.append(.element(element))
            root.register(element)
            var child = node.pointee.children
            while let current = child {
                append(current, to: element, root: root)
                child = current.pointee.next
            }
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            parent.append(.text(text(node.pointee.content)))
        default:
            // Comments, processing instructions and the doctype show nothing.
            break
        }
    }

    /// An attribute's value: the text of its children, character references already decoded.
    private static func value(of attribute: xmlAttrPtr) -> String {
        // Nearly always one text node.
        if let only = attribute.pointee.children, only.pointee.next == nil { return string(only.pointee.content) }
        var text = ""
        var child = attribute.pointee.children
        while let node = child {
            text += string(node.pointee.content)
            child = node.pointee.next
        }
        return text
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    /// A text node's content. The white space between tags is most of a page's text nodes; it reads
    /// as one space, so it is not copied.
    private static func text(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        var index = 0
        while true {
            switch pointer[index] {
            case 0: return index == 0 ? "" : " "
            case 0x20, 0x0A, 0x09, 0x0D, 0x0C: index += 1
            default: return string(UnsafePointer(pointer))
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
        string(UnsafePointer(pointer))
    }
}
