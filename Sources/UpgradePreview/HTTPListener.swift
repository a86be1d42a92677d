import Dispatch
import Foundation
import Glibc

/// The preview's HTTP/1.1 server, on the system's sockets: `GET` and `HEAD`, one request a
/// connection, answers from memory. It is all a preview needs, and it keeps an HTTP library
/// (and the FoundationNetworking it links) out of every other command's start-up.
final class HTTPListener: @unchecked Sendable {
    struct Response {
        let status: Int
        let type: String
        let body: [UInt8]
    }

    /// The request line's method and path (percent-decoded, without its query); nil for a bad request.
    typealias Handler = @Sendable (_ method: String, _ path: String) -> Response

    /// The address it listens on, as a URL, with the port it got.
    let url: String
    private let descriptor: Int32
    private let handler: Handler
    private let connections = DispatchQueue(label: "upgradedocs.preview.connections", attributes: .concurrent)
    /// A request head larger than this is refused: a preview's requests are a line and a few headers.
    private static let headLimit = 16 * 1024

    init(host: String, port: UInt16, handler: @escaping Handler) throws(ListenError) {
        self.handler = handler
        let ip = host == "localhost" ? "127.0.0.1" : host
        let six = ip.contains(":")
        let socket = Glibc.socket(six ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socket >= 0 else { throw ListenError("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var bound: Int32
        if six {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            guard inet_pton(AF_INET6, ip, &address.sin6_addr) == 1 else {
                close(socket)
                throw ListenError("'\(host)' is not an IP address")
            }
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            guard inet_pton(AF_INET, ip, &address.sin_addr) == 1 else {
                close(socket)
                throw ListenError("'\(host)' is not an IP address")
            }
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard bound == 0, listen(socket, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(socket)
            throw ListenError("cannot listen on \(host):\(port): \(reason)")
        }
        descriptor = socket
        url = "http://" + (six ? "[\(ip)]" : ip) + ":\(Self.port(of: socket))/"
    }

    deinit { close(descriptor) }

    /// Accepts connections on a thread of its own until `stop`.
    func start() {
        let thread = Thread { [self] in
            while true {
                let client = accept(descriptor, nil, nil)
                if client < 0 {
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    return
                }
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                connections.async { [self] in serve(client) }
            }
        }
        thread.name = "upgradedocs preview"
        thread.start()
    }

    /// Stops accepting; the accepting thread ends.
    func stop() {
        shutdown(descriptor, Int32(SHUT_RDWR))
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        // A client that stalls is dropped rather than holding a thread.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Self.endOfHead(in: head) == nil {
            let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            head += buffer[..<count]
            guard head.count <= Self.headLimit else {
                send(
                    client,
                    Self.bytes(
                        of: Response(
                            status: 431, type: "text/plain; charset=utf-8",
                            body: Array("request head too large\n".utf8)), head: false))
                return
            }
        }
        let line = head.prefix { $0 != 0x0D && $0 != 0x0A }
        let parts = line.split(separator: 0x20)
        let method = parts.first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        let target = parts.count >= 2 ? String(decoding: parts[1], as: UTF8.self) : ""
        let response: Response
        if parts.count != 3 || !target.hasPrefix("/") {
            response = Response(status: 400, type: "text/plain; charset=utf-8", body: Array("bad request\n".utf8))
        } else if method != "GET" && method != "HEAD" {
            response = Response(status: 405, type: "text/plain; charset=utf-8", body: Array("only GET and HEAD\n".utf8))
        } else {
            let raw = String(target.prefix { $0 != "?" && $0 != "#" })
            response = handler(method, raw.removingPercentEncoding ?? raw)
        }
        send(client, Self.bytes(of: response, head: method == "HEAD"))
    }

    private func send(_ client: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    private static func endOfHead(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 0x0D && bytes[index + 1] == 0x0A && bytes[index + 2] == 0x0D && bytes[index + 3] == 0x0A {
            return index
        }
        return nil
    }

    private static let reasons = [
        200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed",
        431: "Request Header Fields Too Large",
    ]

    static func bytes(of response: Response, head: Bool) -> [UInt8] {
        let text =
            "HTTP/1.1 \(response.status) \(reasons[response.status] ?? "Error")\r\n"
            + "Content-Type: \(response.type)\r\nContent-Length: \(response.body.count)\r\n"
            // Never cached: the next save must show. Nothing framed or sniffed.
            + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        return Array(text.utf8) + (head ? [] : response.body)
    }

    private static func port(of socket: Int32) -> UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        let family = storage.ss_family
        return withUnsafePointer(to: &storage) { pointer in
            family == sa_family_t(AF_INET6)
                ? pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
                : pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
    }
}

struct ListenError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
