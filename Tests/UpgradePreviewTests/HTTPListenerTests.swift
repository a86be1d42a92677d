import Foundation
import Glibc
import Testing
import UpgradeBase
import UpgradeSiteContract
@testable import UpgradePreview

/// The preview's server answers GET and HEAD from memory and refuses everything else plainly.
@Suite("The preview's HTTP server")
struct HTTPListenerTests {
    /// A socket connected to the listener on `port`.
    static func connected(to port: UInt16) -> Int32 {
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        #expect(connected == 0)
        return client
    }

    /// Sends `request` raw to the listener and returns everything it answers.
    static func exchange(_ request: [UInt8], port: UInt16) throws -> String {
        let client = connected(to: port)
        defer { close(client) }
        _ = request.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            answer += buffer[..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    @Test(
        "GET and HEAD are answered, the path decoded and its query dropped; other methods, bad lines and huge heads are refused")
    func answersAndRefusals() throws {
        let listener = try HTTPListener(host: "127.0.0.1", port: 0) { method, path in
            HTTPListener.Response(status: 200, type: "text/plain", body: Array("\(method) \(path)".utf8))
        }
        listener.start()
        defer { listener.stop() }
        let port = try #require(UInt16(listener.url.split(separator: ":").last!.dropLast()))

        let get = try Self.exchange(Array("GET /a%20b.html?x=1 HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8), port: port)
        #expect(get.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(get.contains("Cache-Control: no-store\r\n") && get.contains("Content-Length: 13\r\n"))
        #expect(get.hasSuffix("\r\n\r\nGET /a b.html"))

        let head = try Self.exchange(Array("HEAD / HTTP/1.1\r\nhost: localhost:\(port)\r\n\r\n".utf8), port: port)
        #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n") && head.hasSuffix("\r\n\r\n"))

        #expect(
            try Self.exchange(Array("POST / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8), port: port)
                .hasPrefix("HTTP/1.1 405 "))
        #expect(try Self.exchange(Array("GET nowhere\r\n\r\n".utf8), port: port).hasPrefix("HTTP/1.1 400 "))
        let huge = Array("GET / HTTP/1.1\r\nX: ".utf8) + [UInt8](repeating: 0x61, count: 20_000)
        #expect(try Self.exchange(huge, port: port).hasPrefix("HTTP/1.1 431 "))
        let long = Array("GET /".utf8) + [UInt8](repeating: 0x61, count: 10_000)
        #expect(try Self.exchange(long, port: port).hasPrefix("HTTP/1.1 414 "))
    }

    static func started() throws -> (HTTPListener, UInt16) {
        let listener = try HTTPListener(host: "127.0.0.1", port: 0) { _, path in
            HTTPListener.Response(status: 200, type: "text/plain", body: Array(path.utf8))
        }
        listener.start()
        return (listener, try #require(UInt16(listener.url.split(separator: ":").last!.dropLast())))
    }

    static func get(_ path: String, host: String?, port: UInt16) throws -> String {
        try exchange(Array("GET \(path) HTTP/1.1\r\n\(host.map { "Host: \($0)\r\n" } ?? "")\r\n".utf8), port: port)
    }

    @Test("Only requests for the preview's own address are answered: another Host, as DNS rebinding sends, is refused")
    func answersOnlyItsOwnHost() throws {
        let (listener, port) = try Self.started()
        defer { listener.stop() }
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)"] {
            #expect(try Self.get("/a", host: host, port: port).hasPrefix("HTTP/1.1 200 "), "\(host)")
        }
        for host in ["evil.example:\(port)", "127.0.0.1", "127.0.0.1:1", "evil.example"] {
            #expect(try Self.get("/a", host: host, port: port).hasPrefix("HTTP/1.1 421 "), "\(host)")
        }
        #expect(try Self.get("/a", host: nil, port: port).hasPrefix("HTTP/1.1 400 "))
    }

    @Test("Three 512 KB request lines, sent at once, do not keep a normal request waiting")
    func hugeRequestLinesDoNotStall() async throws {
        let (listener, port) = try Self.started()
        defer { listener.stop() }
        let line = Array("GET /".utf8) + [UInt8](repeating: 0x61, count: 512 * 1024)
        let answers = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<3 { group.addTask { try Self.exchange(line, port: port) } }
            var answers: [String] = []
            for try await answer in group { answers.append(answer) }
            return answers
        }
        let clock = ContinuousClock(), start = clock.now
        #expect(try Self.get("/a", host: "127.0.0.1:\(port)", port: port).hasPrefix("HTTP/1.1 200 "))
        #expect(clock.now - start < .seconds(1))
        #expect(answers.allSatisfy { $0.hasPrefix("HTTP/1.1 414 ") }, "\(answers.map { $0.prefix(20) })")
    }

    @Test("Idle connections past the limit are told to come back at once, and the preview answers again after")
    func idleConnectionsAreCapped() throws {
        let (listener, port) = try Self.started()
        defer { listener.stop() }
        let idle = (0..<HTTPListener.connectionLimit).map { _ in Self.connected(to: port) }
        // Accepted in order: the next is one too many.
        usleep(200_000)
        let clock = ContinuousClock(), start = clock.now
        #expect(try Self.get("/a", host: "127.0.0.1:\(port)", port: port).hasPrefix("HTTP/1.1 503 "))
        #expect(clock.now - start < .seconds(1))
        idle.forEach { close($0) }
        let answered = (0..<20).contains { _ in
            usleep(100_000)
            return (try? Self.get("/a", host: "127.0.0.1:\(port)", port: port).hasPrefix("HTTP/1.1 200 ")) == true
        }
        #expect(answered)
    }

    @Test("A folder's address serves its index page; a page's address with a slash after it is not found")
    func foldersServeTheirIndex() {
        let live = LiveSite()
        _ = live.publish(
            .built(
                [
                    GeneratedFile(path: "offers/index.html", kind: .page, text: "<body>offers</body>"),
                    GeneratedFile(path: "matrix/legacy.html", kind: .matrix, text: "<body>grid</body>"),
                ], made: 2))
        #expect(PreviewServer.page("/offers/", from: live).status == 200)
        #expect(PreviewServer.page("/offers", from: live).status == 404)
        #expect(PreviewServer.page("/matrix/legacy", from: live).status == 200)
        #expect(PreviewServer.page("/matrix/legacy/", from: live).status == 404)
    }

    @Test("A preview page outside the site is not found, however its path climbs")
    func staysInsideTheSite() {
        let live = LiveSite()
        for path in ["/../etc/passwd", "/./index.html", "//index.html", "/assets/../../x"] {
            #expect(PreviewServer.page(path, from: live).status == 404, "\(path)")
        }
    }
}
