import Foundation
import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradePreview
import UpgradeSiteBuilder
import UpgradeVerify

/// What each fuzz target feeds its input to. A target never judges the answer;
/// it only has to come back: no crash, no hang, no sanitizer report.
enum FuzzTarget: String, CaseIterable {
    /// The content loader, on one YAML file of an otherwise valid content folder.
    case content
    /// A prose page: front matter, cmark, embeds, and both renderers.
    case prose
    /// `verify`'s own readers of published HTML and Markdown.
    case verify
    /// The preview server's reading of a request head, arriving in pieces.
    case http
    /// `verify`'s reader of the checker's data, against the fixture model.
    case checker

    /// The target libFuzzer drives, named by UPGRADEDOCS_FUZZ_TARGET.
    static let selected = ProcessInfo.processInfo.environment["UPGRADEDOCS_FUZZ_TARGET"].flatMap(FuzzTarget.init) ?? .content

    func run(_ bytes: [UInt8]) {
        switch self {
        case .content: ContentFuzz.run(bytes)
        case .prose: ProseFuzz.run(bytes)
        case .verify:
            let text = String(decoding: bytes, as: UTF8.self)
            _ = HTMLTableReader.tables(in: text)
            _ = MarkdownTableReader.tables(in: text)
        case .http: HTTPFuzz.run(bytes)
        case .checker: _ = CheckerDataFuzz.reader.findings(in: String(decoding: bytes, as: UTF8.self))
        }
    }
}

/// The fixture model in a folder of its own, with one file replaced by each input.
enum ContentFuzz {
    /// The file an input replaces: its first byte chooses, so one corpus reaches every reader.
    static let files = [
        "offers.yaml", "paths.yaml", "rules.yaml", "roles.yaml", "programs.yaml", "services.yaml",
        "interpretations.yaml", "examples.yaml", "site.yaml", "tables/1-eligibility.yaml",
    ]

    nonisolated(unsafe) static var folder: String = {
        let base = FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let folder = base + "/upgradedocs-fuzz-\(getpid())"
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../Tests/Fixtures/content"
        )
        .standardizedFileURL.path
        try? FileManager.default.removeItem(atPath: folder)
        try! FileManager.default.copyItem(atPath: fixture, toPath: folder)
        return folder
    }()

    static func run(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let file = folder + "/" + files[Int(first) % files.count]
        let original = FileManager.default.contents(atPath: file)
        try? Data(bytes.dropFirst()).write(to: URL(fileURLWithPath: file))
        defer { try? original?.write(to: URL(fileURLWithPath: file)) }
        _ = try? ContentLoader.load(from: folder)
    }
}

/// One prose page against the fixture model, through the view and both renderers.
enum ProseFuzz {
    nonisolated(unsafe) static var content: LoadedContent = {
        _ = ContentFuzz.folder
        return try! ContentLoader.load(from: ContentFuzz.folder)
    }()

    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let page = try? ProsePageReader.parse(text, slug: "fuzz", file: "pages/fuzz.md") else { return }
        let context = ViewContext(content: content, asOf: content.settings.asOf)
        let view = ProseView(context: context, page: page).render(into: Diagnostics())
        _ = HTMLRenderer(page: view.path, unsafeHTML: bytes.count % 2 == 0).render(view)
        _ = PageRenderer.markdown(view, context: context)
    }
}

/// verify's checker-data reader, its expectations worked out once for the fixture model.
enum CheckerDataFuzz {
    nonisolated(unsafe) static var reader: CheckerDataReader = {
        let content = ProseFuzz.content
        return CheckerDataReader(catalog: content.catalog, asOf: content.settings.asOf)
    }()
}

/// A request head in pieces, as a client could trickle it: the first byte sets the piece size.
enum HTTPFuzz {
    static let hosts: Set<String> = ["127.0.0.1:8080", "localhost:8080", "[::1]:8080"]

    static func run(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let piece = Int(first) % 64 + 1
        var reader = RequestHead()
        var rest = bytes.dropFirst()
        while !rest.isEmpty {
            switch reader.add(rest.prefix(piece)) {
            case .incomplete: rest = rest.dropFirst(piece)
            case .complete(let head):
                _ = RequestHead.request(head, hosts: hosts)
                return
            case .tooLarge: return
            }
        }
    }
}

/// What libFuzzer calls with each input it makes: the selected target runs it.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.selected.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
