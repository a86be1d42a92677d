/// A prose page from `content/pages/NAME.md`: YAML front matter, then CommonMark.
public struct ProsePage: Sendable {
    /// The file name without `.md`; the page is published as `pages/<slug>`.
    public let slug: String
    public let title: String
    public let description: String?
    /// The CommonMark body, after the front matter.
    public let body: String
    /// The file the page came from, and the line its body starts on, so a
    /// problem cmark finds in the body can be reported against the file.
    public let file: String
    public let bodyLine: Int
}
