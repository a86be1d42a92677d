import Foundation
import Glibc
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import TestSupport
import Testing

/// `serve` as an author meets it: the site at an address, an edit showing by itself,
/// a broken save reported and then cleared, Ctrl-C, and nothing written to disk.
@Suite("serve previews the site and follows edits", .serialized)
struct ServeCommandTests {
    /// A running `upgradedocs serve` in a copy of the project, on a port the system picks.
    final class Server {
        let folder: String
        let process = Process()
        let output: URL
        private(set) var url = ""

        init() throws {
            folder = Scratch.folder()
            for name in ["content", "templates"] {
                try FileManager.default.copyItem(atPath: CLIRunner.repository + "/" + name, toPath: folder + "/" + name)
            }
            output = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString).txt")
            try Data().write(to: output)
            process.executableURL = CLIRunner.binary
            process.arguments = ["serve", "--port", "0"]
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = FileHandle.nullDevice
            try process.run()
            url = try Self.wait(seconds: 60) {
                self.printed.split(separator: "\n").first { $0.hasPrefix("serving ") }
                    .map { String($0.split(separator: " ")[1]) }
            }
        }

        var printed: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

        func get(_ path: String) async throws -> (status: Int, type: String, body: String) {
            let (data, response) = try await URLSession.shared.data(from: URL(string: url + path)!)
            let http = response as! HTTPURLResponse
            return (http.statusCode, http.value(forHTTPHeaderField: "Content-Type") ?? "", String(decoding: data, as: UTF8.self))
        }

        func edit(_ file: String, _ change: (String) -> String) throws {
            let path = folder + "/content/" + file
            try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        }

        /// Polls `probe` until it gives a value, or fails after `seconds`.
        static func wait<T>(seconds: Double, _ probe: () throws -> T?) throws -> T {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let value = try probe() { return value }
                Thread.sleep(forTimeInterval: 0.02)
            }
            throw Timeout()
        }

        func within<T>(seconds: Double, _ probe: () async throws -> T?) async throws -> T {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let value = try await probe() { return value }
                try await Task.sleep(for: .milliseconds(20))
            }
            throw Timeout()
        }

        struct Timeout: Error {}

        deinit {
            if process.isRunning { process.terminate() }
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(at: output)
        }
    }

    @Test("A page is served, an edit shows within 5 s, a broken build is reported and then cleared, Ctrl-C stops it")
    func followsEdits() async throws {
        let server = try Server()
        let page = try await server.get("index.html")
        #expect(page.status == 200 && page.type == "text/html; charset=utf-8")
        #expect(
            page.body.contains("<script src=\"/__upgradedocs/live.js\" data-generation=\"1\"></script>\n</body>"),
            "the reload script is added while serving")
        #expect(try await server.get("index.md").type == "text/markdown; charset=utf-8")
        #expect(try await server.get("checker.html").status == 200)
        #expect(try await server.get("data/checker-data.js").status == 200, "the checker works while serving")
        #expect(try await server.get("no/such/page.html").status == 404)

        try server.edit("site.yaml") {
            $0.replacingOccurrences(of: "title: CSP subscription upgrades", with: "title: Edited live")
        }
        _ = try await server.within(seconds: 5) { try await server.get("index.html").body.contains("Edited live") ? true : nil }

        try server.edit("offers.yaml") {
            $0.replacingOccurrences(
                of: "services: [office-desktop, onedrive]",
                with: "services: [office-desktop, onedrve]")
        }
        let failed = try await server.within(seconds: 5) {
            let status = try await server.get("__upgradedocs/status").body
            return status.contains("\"problems\":[]") ? nil : status
        }
        let edited = try String(contentsOfFile: server.folder + "/content/offers.yaml", encoding: .utf8)
        let line = try #require(
            edited.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("onedrve") })
        #expect(failed.contains("content/offers.yaml:\(line + 1):32: error: "), "\(failed)")
        #expect(failed.contains("\"codes\":[\"content.unknown-id\"]"), "\(failed)")
        #expect(try await server.get("index.html").body.contains("Edited live"), "the last good site stays served")

        try server.edit("offers.yaml") { $0.replacingOccurrences(of: "onedrve", with: "onedrive") }
        _ = try await server.within(seconds: 5) {
            try await server.get("__upgradedocs/status").body.contains("\"problems\":[]") ? true : nil
        }

        // The test allows 5 s, not the 0.1 s an edit takes here, as CI runs it beside other tests on two cores.
        // A prose edit makes that page's two files and its shard of the search index again, and keeps
        // every other file from memory.
        func rebuilds() -> [Substring] { server.printed.split(separator: "\n").filter { $0.hasPrefix("rebuilt") } }
        let before = rebuilds().count
        try server.edit("pages/how-to-answer.md") { $0 + "\nEdited prose.\n" }
        _ = try await server.within(seconds: 5) {
            try await server.get("pages/how-to-answer.html").body.contains("Edited prose.") ? true : nil
        }
        let rebuilt = try Server.wait(seconds: 5) { rebuilds().count > before ? rebuilds()[before] : nil }
        // The page's two files and its search shard's terms and text.
        #expect(rebuilt.contains("(4 of "), "\(rebuilt)")

        kill(server.process.processIdentifier, SIGINT)
        _ = try Server.wait(seconds: 10) { server.process.isRunning ? nil : true }
        #expect(server.process.terminationStatus == 0)
        #expect(server.printed.hasSuffix("stopped\n"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: server.folder).sorted() == ["content", "templates"],
            "nothing is written: no site/, no temporary files")
    }

    /// A client socket to the server's port, connected, with `bytes` sent; nil when refused.
    static func connect(to url: String, sending bytes: [UInt8] = []) -> Int32? {
        guard let port = URL(string: url)?.port else { return nil }
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            return nil
        }
        if !bytes.isEmpty { _ = bytes.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
        return socket
    }

    @Test("SIGTERM and Ctrl-C stop it within a second, with every connection taken and long lines arriving")
    func stopsAtOnceUnderLoad() throws {
        for number in [SIGTERM, SIGINT] {
            let server = try Server()
            // Three clients in the middle of long request lines, and more idle clients than it serves at once.
            let sockets =
                (0..<3).compactMap { _ in
                    Self.connect(to: server.url, sending: Array("GET /".utf8) + Array(repeating: 0x61, count: 200_000))
                }
                + (0..<40).compactMap { _ in Self.connect(to: server.url) }
            defer { sockets.forEach { close($0) } }
            #expect(sockets.count == 43)
            Thread.sleep(forTimeInterval: 0.3)
            kill(server.process.processIdentifier, number)
            let stopped = (try? Server.wait(seconds: 1) { server.process.isRunning ? nil : true }) != nil
            #expect(stopped, "signal \(number): still running a second later")
            if stopped { #expect(server.printed.hasSuffix("stopped\n")) }
        }
    }
}
