import Foundation
import Testing
import TestSupport
@testable import UpgradePreview

/// The preview notices every way an editor saves, with inotify and with the polling fallback,
/// and notices nothing when nothing changed.
@Suite("The preview's watcher notices every kind of save")
struct FolderWatcherTests {
    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test("A write, a rename over, a new folder and a file in it, and a deletion are each noticed", arguments: [true, false])
    func everySaveIsNoticed(inotify: Bool) throws {
        let folder = Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/pages", withIntermediateDirectories: true)
        try Self.write("a", to: folder + "/pages/a.md")
        let watcher = FolderWatcher(folders: [folder], useInotify: inotify)
        #expect(watcher.isEvented == inotify)
        #expect(!watcher.changed(), "nothing changed yet")

        try Self.write("a, edited at more length", to: folder + "/pages/a.md")
        #expect(watcher.changed(), "a file written in place")
        #expect(!watcher.changed())

        // The way many editors save: a new file renamed over the old one.
        try Self.write("b, saved through a temporary file", to: folder + "/pages/.a.md.swp")
        try FileManager.default.removeItem(atPath: folder + "/pages/a.md")
        try FileManager.default.moveItem(atPath: folder + "/pages/.a.md.swp", toPath: folder + "/pages/a.md")
        #expect(watcher.changed(), "a file renamed over")

        try FileManager.default.createDirectory(atPath: folder + "/pages/new", withIntermediateDirectories: true)
        _ = watcher.changed()
        try Self.write("c", to: folder + "/pages/new/c.md")
        #expect(watcher.changed(), "a file in a folder made after the watcher started")

        try FileManager.default.removeItem(atPath: folder + "/pages/new/c.md")
        #expect(watcher.changed(), "a deletion")
        #expect(!watcher.changed())
    }
}
