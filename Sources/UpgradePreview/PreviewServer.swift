import Foundation
import UpgradeBase
import UpgradeSiteContract

/// Serves a site built in memory, rebuilds it when a watched folder changes, and
/// tells open pages to reload. Nothing is written to disk: the build is handed in,
/// and its files live only in memory.
package struct PreviewServer: Sendable {
    package let host: String
    package let port: UInt16
    package let watched: [String]
    package let build: @Sendable () -> PreviewBuild

    /// What the terminal hears after each build.
    package struct Report: Sendable {
        package let milliseconds: Int
        package let build: PreviewBuild
        /// Whether any served file changed, so open pages reload.
        package let changed: Bool
        /// The build made at the start, before any page was open.
        package let isFirst: Bool
    }

    package init(host: String, port: UInt16, watching watched: [String], build: @escaping @Sendable () -> PreviewBuild) {
        self.host = host
        self.port = port
        self.watched = watched
        self.build = build
    }

    /// Builds, serves, and follows edits until the task is cancelled. `ready` gets the
    /// address once the port is open; `report` hears of every build, the first included.
    package func run(
        ready: @escaping @Sendable (String) -> Void,
        report: @escaping @Sendable (Report) -> Void
    ) async throws {
        let live = LiveSite()
        let watcher = FolderWatcher(folders: watched)
        report(rebuild(into: live, first: true))
        let listener = try HTTPListener(host: host, port: port) { _, path in
            path == ReloadScript.path
                ? HTTPListener.Response(
                    status: 200, type: "text/javascript; charset=utf-8", body: Array(ReloadScript.source.utf8))
                : path == ReloadScript.statusPath
                    ? HTTPListener.Response(status: 200, type: "application/json", body: Array(live.status.utf8))
                    : Self.page(path, from: live)
        }
        listener.start()
        defer { listener.stop() }
        ready(listener.url)
        // With inotify a look is one read of the kernel's queue; the poll that falls back walks
        // every file, so it looks less often.
        let pause = watcher.isEvented ? 40 : 250
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(pause))
            guard watcher.changed() else { continue }
            // Let a burst of saves (an editor writing several files) settle first.
            try await Task.sleep(for: .milliseconds(20))
            _ = watcher.changed()
            report(rebuild(into: live))
        }
    }

    private func rebuild(into live: LiveSite, first: Bool = false) -> Report {
        let clock = ContinuousClock(), start = clock.now
        let result = build()
        let elapsed = clock.now - start
        let changed = live.publish(result)
        return Report(
            milliseconds: Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000),
            build: result, changed: changed, isFirst: first)
    }

    /// A file of the site: `/` and `/folder/` mean their index page, and `/page` its `.html`.
    /// HTML pages get the reload script; a path outside the site is not found.
    static func page(_ requested: String, from live: LiveSite) -> HTTPListener.Response {
        var path = requested.hasPrefix("/") ? String(requested.dropFirst()) : requested
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }),
            let (served, found) = [path, path + ".html"].lazy.compactMap({ name in live.file(name).map { (name, $0) } }).first
        {
            let type = contentType(of: served)
            let body =
                type.hasPrefix("text/html") ? ReloadScript.inject(into: found.bytes, generation: found.generation) : found.bytes
            return response(body, type: type)
        }
        let generation = live.file("index.html")?.generation ?? 0
        let page =
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body>"
            + "<h1>Not found</h1><p>The site has no page <code>\(escape(requested))</code>. "
            + "<a href=\"/index.html\">Go to the home page</a>.</p></body></html>"
        return response(
            ReloadScript.inject(into: Array(page.utf8), generation: generation),
            type: "text/html; charset=utf-8", status: 404)
    }

    static func response(_ body: [UInt8], type: String, status: Int = 200) -> HTTPListener.Response {
        HTTPListener.Response(status: status, type: type, body: body)
    }

    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last ?? "" {
        case "html": "text/html; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
