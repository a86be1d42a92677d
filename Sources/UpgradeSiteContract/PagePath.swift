/// Where a page lives in the site, without extension: `roles/admin-agent`.
/// Each page is written twice, as `.html` and `.md`.
package struct PagePath: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let components: [String]

    package init(_ components: String...) { self.components = components }

    package var description: String { components.joined(separator: "/") }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }

    /// The page's file in one format: `roles/admin-agent.html`.
    package func file(_ format: PageFormat) -> String { description + "." + format.rawValue }

    /// The relative link from this page to `target`, in the given format, so
    /// the site works from `file://` and from any sub-path.
    package func link(to target: PagePath, anchor: String? = nil, format: PageFormat) -> String {
        let fragment = anchor.map { "#" + $0 } ?? ""
        if target == self { return fragment.isEmpty ? target.components.last! + "." + format.rawValue : fragment }
        return root + target.file(format) + fragment
    }

    /// The prefix that leads from this page back to the site root.
    package var root: String { String(repeating: "../", count: components.count - 1) }
}

/// The two forms every page is published in, named by their file extension.
package enum PageFormat: String, Sendable, CaseIterable {
    case html, md
}

/// What kind of page a path is; the manifest records it, and each kind has its own template.
package enum PageKind: String, Sendable, CaseIterable {
    case index, matrix, role, rules, print, page, checker, offer, search
}
