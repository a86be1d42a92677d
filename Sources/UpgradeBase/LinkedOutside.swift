import Foundation

/// Reading input follows links, so a link in `content/` or `templates/` could
/// publish any readable file on the machine. Each file read is first asked this.
package struct LinkedOutside: Sendable {
    /// The folder, its own links resolved once, not once per file asked about.
    private let root: String

    package init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Whether `path` is, or passes through, a symbolic link that leads outside the folder.
    package func leadsOutside(_ path: String) -> Bool {
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return !(resolved == root || resolved.hasPrefix(root + "/"))
    }

    package static let message =
        "this is a link to a file outside the folder; it is not read, so that no file "
        + "elsewhere on the machine can reach the site"
}
