import Foundation
import Glibc
import Testing
@testable import UpgradePreview

/// The preview's server answers GET and HEAD from memory and refuses everything else plainly.
@Suite("The preview's HTTP server")
struct HTTPListenerTests {
    /// Sends `request` raw to the listener and returns everything it answers.
    static func exchange(_ request: [UInt8], port: UInt16) throws -> String {
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(client) }
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

        let get = try Self.exchange(Array("GET /a%20b.html?x=1 HTTP/1.1\r\nHost: x\r\n\r\n".utf8), port: port)
        #expect(get.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(get.contains("Cache-Control: no-store\r\n") && get.contains("Content-Length: 13\r\n"))
        #expect(get.hasSuffix("\r\n\r\nGET /a b.html"))

        let head = try Self.exchange(Array("HEAD / HTTP/1.1\r\n\r\n".utf8), port: port)
        #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n") && head.hasSuffix("\r\n\r\n"))

        #expect(try Self.exchange(Array("POST / HTTP/1.1\r\n\r\n".utf8), port: port).hasPrefix("HTTP/1.1 405 "))
        #expect(try Self.exchange(Array("GET nowhere\r\n\r\n".utf8), port: port).hasPrefix("HTTP/1.1 400 "))
        let huge = Array("GET / HTTP/1.1\r\nX: ".utf8) + [UInt8](repeating: 0x61, count: 20_000)
        #expect(try Self.exchange(huge, port: port).hasPrefix("HTTP/1.1 431 "))
    }

    @Test("A preview page outside the site is not found, however its path climbs")
    func staysInsideTheSite() {
        let live = LiveSite()
        for path in ["/../etc/passwd", "/./index.html", "//index.html", "/assets/../../x"] {
            #expect(PreviewServer.page(path, from: live).status == 404, "\(path)")
        }
    }
}
