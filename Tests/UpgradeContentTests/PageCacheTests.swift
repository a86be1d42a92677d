import Foundation
import TestSupport
import Testing
import UpgradeBase
@testable import UpgradeContent

/// A rebuild takes a page whose file is unchanged from what the last load learnt of it, and reads
/// its body only when asked. What it takes must be what reading the file gives.
@Suite("The page cache stands for the files it was made from")
struct PageCacheTests {
    /// A copy of the fixture's content with extra pages, and its path.
    static func content(pages: [String: String]) throws -> String {
        let folder = try Scratch.copy(of: Fixtures.content)
        for (name, text) in pages {
            try text.write(toFile: folder + "/pages/" + name, atomically: true, encoding: .utf8)
        }
        return folder
    }

    static let pages = [
        "guide.md":
            "---\ntitle: Guide\ndescription: How to\nreviewed: 2026-11-20\n---\n\nSee [the answer](how-to-answer.html) &amp; more.\n",
        "plain.md": "---\ntitle: Plain\n---\n\nNo links here.\n",
        "embeds.md": "---\ntitle: Embeds\n---\n\n```upgradedocs matrix legacy\n```\n",
        "windows.md": "---\r\ntitle: Windows\r\n---\r\n\r\nLine one.\r\nLine two.\r\n",
    ]

    /// A load, and what it learnt through bytes, as the next build gets it.
    static func cached(_ folder: String) throws -> (first: LoadedContent, cache: PageCache) {
        let first = try ContentLoader.load(from: folder)
        return (first, PageCache(bytes: first.pageCache.bytes(settledBefore: .max)))
    }

    static func reloaded(_ folder: String) throws -> (first: LoadedContent, second: LoadedContent) {
        let (first, cache) = try cached(folder)
        return (first, try ContentLoader.load(from: folder, reusing: cache))
    }

    @Test("A page whose file is unchanged is taken from the cache, its body read only when asked, as reading gives it")
    func unchangedPagesComeFromTheCache() throws {
        let folder = try Self.content(pages: Self.pages)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (first, second) = try Self.reloaded(folder)
        #expect(second.pages.count == first.pages.count)
        #expect(second.pages.allSatisfy { !$0.text.isRead }, "no body is read before it is asked for")
        for (old, new) in zip(first.pages, second.pages) {
            #expect(new.slug == old.slug && new.title == old.title && new.description == old.description)
            #expect(new.reviewed == old.reviewed && new.bodyLine == old.bodyLine && new.digest == old.digest)
            #expect(new.file == old.file)
            #expect(new.text.facts == old.text.facts, "\(new.slug)")
            #expect(new.text.mayEmbed == ProseText.mayEmbed(in: old.body))
            #expect(new.body == old.body, "\(new.slug)")
            #expect(new.text.isRead)
        }
    }

    @Test("The stamps a snapshot took serve the load as its own would: unchanged pages come from the cache, unread")
    func snapshotStampsServeTheLoad() throws {
        let folder = try Self.content(pages: Self.pages)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (first, cache) = try Self.cached(folder)
        let snapshot = try #require(SourceSnapshot.take(of: [folder], keepingStampsOf: [folder + "/pages"]))
        let stamps = try #require(snapshot.stamps[folder + "/pages"])
        #expect(stamps.count == first.pages.count)
        let second = try ContentLoader.load(from: folder, reusing: cache, stamps: stamps)
        #expect(second.pages.allSatisfy { !$0.text.isRead })
        #expect(zip(first.pages, second.pages).allSatisfy { $0.digest == $1.digest && $0.body == $1.body })
    }

    @Test("A page whose file changed is read again")
    func changedPagesAreReadAgain() throws {
        let folder = try Self.content(pages: Self.pages)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (first, cache) = try Self.cached(folder)
        // The same size, so only the inode and time tell the change.
        try "---\ntitle: Plaim\n---\n\nNo links herf.\n".write(
            toFile: folder + "/pages/plain.md", atomically: true, encoding: .utf8)
        let second = try ContentLoader.load(from: folder, reusing: cache)
        let plain = try #require(second.pages.first { $0.slug == "plain" })
        #expect(plain.title == "Plaim" && plain.body.contains("herf"))
        #expect(plain.digest != first.pages.first { $0.slug == "plain" }!.digest)
        #expect(second.pages.filter { $0.text.isRead }.map(\.slug) == ["plain"])
    }

    @Test("A page written at or after the build began is not kept: its stamp could hide a write in the same tick")
    func unsettledPagesAreNotKept() throws {
        let folder = try Self.content(pages: Self.pages)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try ContentLoader.load(from: folder)
        var info = stat()
        #expect(stat(folder + "/pages/plain.md", &info) == 0)
        let cache = PageCache(bytes: first.pageCache.bytes(settledBefore: SourceSnapshot.modified(info)))
        let second = try ContentLoader.load(from: folder, reusing: cache)
        #expect(second.pages.first { $0.slug == "plain" }!.text.isRead, "read from its file")
    }

    @Test("A page read with a warning is not kept, so every load reports the warning again")
    func pagesWithWarningsAreReadAgain() throws {
        let folder = try Self.content(pages: ["odd.md": "---\ntitle: Odd\nauthor: [someone]\n---\n\nText.\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (first, second) = try Self.reloaded(folder)
        #expect(first.warnings.count == 1)
        #expect(second.warnings.map(\.message) == first.warnings.map(\.message))
    }

    @Test("Damaged bytes are an empty cache, which only means reading every page")
    func damagedBytesAreAnEmptyCache() throws {
        let folder = try Self.content(pages: Self.pages)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try ContentLoader.load(from: folder)
        let bytes = first.pageCache.bytes(settledBefore: .max)
        var random = SeededGenerator(seed: 15)
        for _ in 0..<200 {
            var damaged = bytes
            switch Int.random(in: 0..<3, using: &random) {
            case 0: damaged = Array(damaged.prefix(Int.random(in: 0..<bytes.count, using: &random)))
            case 1: damaged[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            default:
                damaged.insert(UInt8.random(in: 0...255, using: &random), at: Int.random(in: 0..<bytes.count, using: &random))
            }
            let cache = PageCache(bytes: damaged)
            let second = try ContentLoader.load(from: folder, reusing: cache)
            // Whatever the damage, a page is as its file says: taken whole from the cache, or read.
            for (old, new) in zip(first.pages, second.pages) {
                #expect(new.title == old.title && new.body == old.body && new.digest == old.digest)
            }
        }
        #expect(PageCache(bytes: [UInt8]("not a cache".utf8)).isSame(as: PageCache()))
    }

    @Test("What the facts say a body mentions is what a search of its text finds")
    func factsAgreeWithTheText() {
        var random = SeededGenerator(seed: 5)
        let pieces = ["guide", ".html", ".md", ".htm", "-", "_", "a", "../", "/", " ", "\n", "&", "é", "guide2", ".", "#x"]
        let names = ["guide.html", "guide.md", "a.html", "e.md", "-.md", "guide2.html", "x.htm", ".html", "guide.html#x"]
        for _ in 0..<5_000 {
            let body = (0..<Int.random(in: 0...10, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let known = ProseText(facts: ProseText.facts(of: body)) { body }
            for name in names {
                #expect(
                    known.mentions(name) == (Array(body.utf8).firstRange(of: Array(name.utf8)) != nil),
                    "\(body.debugDescription) \(name)")
            }
            #expect(known.hasAmpersand == body.contains("&"))
        }
    }

    @Test("Numbers written as digits read back as themselves, and nothing else reads as a number")
    func digitsReadBack() {
        var random = SeededGenerator(seed: 9)
        for number in [0, 1, 9, 10, Int64.max] + (0..<2_000).map({ _ in Int64.random(in: 0...Int64.max, using: &random) }) {
            var bytes: [UInt8] = []
            DecimalDigits.append(number, to: &bytes)
            #expect(bytes == Array(String(number).utf8))
            #expect(DecimalDigits.value(of: bytes) == number)
        }
        for text in ["", "-1", "1 ", "12a", "9223372036854775808", "99999999999999999999"] {
            #expect(DecimalDigits.value(of: Array(text.utf8)) == nil, "\(text)")
        }
    }
}
