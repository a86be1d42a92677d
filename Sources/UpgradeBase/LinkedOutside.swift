import Foundation

/// Reading input follows links, so a link in `content/` or `templates/` could
/// publish any readable file on the machine. Each file read is first asked this.
public enum LinkedOutside {
    /// Whether `path` is, or passes through, a symbolic link that leads outside `root`.
    public static func check(_ path: String, within root: String) -> Bool {
        let resolvedRoot = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return !(resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/"))
    }

    public static let message = "this is a link to a file outside the folder; it is not read, so that no file "
        + "elsewhere on the machine can reach the site"
}
