import Dispatch
import Foundation
import Glibc
import UpgradeBase

/// The preview's HTTP/1.1 server, on the system's sockets: `GET` and `HEAD`, one request a
/// connection, answers from memory. It is all a preview needs, and it keeps an HTTP library
/// (and the FoundationNetworking it links) out of every other command's start-up.
///
/// Any web page the agent has open may send it requests, so it answers only for its own
/// address (a `Host` of another name, as DNS rebinding sends, is refused), reads a request in
/// linear time within limits and a deadline, and caps its open connections: no page can read
/// the preview from another origin, or stall it.
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
    /// How long a client has to send its request head, in all.
    static let deadline: Duration = .seconds(5)
    /// Connections served at once; one more is told to come back (503) at once.
    static let connectionLimit = 32
    /// The `Host` values answered: the served address and the loopback names, with the port.
    private let hosts: Set<String>
    private let open = Locked(0)
    private let stopped = Locked(false)

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
        let served = Self.port(of: socket)
        url = "http://" + (six ? "[\(ip)]" : ip) + ":\(served)/"
        hosts = Set(
            [six ? "[\(ip)]" : ip, host, "localhost", "127.0.0.1", "[::1]"].map { "\($0.lowercased()):\(served)" })
    }

    deinit { close(descriptor) }

    /// Accepts connections on a thread of its own until `stop`. Running out of descriptors, or of
    /// memory for a socket, is waited out: a flood of connections slows the preview, never ends it.
    func start() {
        let thread = Thread { [self] in
            while true {
                let client = accept(descriptor, nil, nil)
                if client < 0 {
                    if stopped.withLock({ $0 }) { return }
                    if errno != EINTR && errno != ECONNABORTED { usleep(50_000) }
                    continue
                }
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                let admitted = open.withLock { count in
                    guard count < Self.connectionLimit else { return false }
                    count += 1
                    return true
                }
                guard admitted else {
                    refuse(client)
                    continue
                }
                // A thread of its own, not a dispatch queue's: a client that holds its connection
                // blocks only its thread, and the signal handlers and tasks that run on the shared
                // pool still run, so the preview stops at once, however many wait.
                let connection = Thread { [self] in
                    serve(client)
                    open.withLock { $0 -= 1 }
                }
                connection.name = "upgradedocs preview connection"
                connection.start()
            }
        }
        thread.name = "upgradedocs preview"
        thread.start()
    }

    /// Stops accepting; the accepting thread ends.
    func stop() {
        stopped.withLock { $0 = true }
        shutdown(descriptor, Int32(SHUT_RDWR))
    }

    /// A connection past the limit: told at once, without waiting on it.
    private func refuse(_ client: Int32) {
        _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
        let bytes = Self.bytes(of: Self.plain(503, "the preview is busy; try again\n"), head: false)
        _ = bytes.withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        close(client)
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        // Each wait is short; the deadline bounds them all, so a client that trickles bytes is dropped.
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sendTimeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
        let clock = ContinuousClock(), end = clock.now + Self.deadline
        var reader = RequestHead()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var received: ArraySlice<UInt8> = []
        while true {
            switch reader.add(received) {
            case .complete(let head):
                let response = respond(to: head)
                return send(client, Self.bytes(of: response.response, head: response.headOnly))
            case .tooLarge(414): return refuseUnread(client, Self.plain(414, "request line too long\n"))
            case .tooLarge: return refuseUnread(client, Self.plain(431, "request head too large\n"))
            case .incomplete: break
            }
            guard clock.now < end, !stopped.withLock({ $0 }) else { return }
            let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            received = []
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { continue }
            guard count > 0 else { return }
            received = buffer[..<count]
        }
    }

    /// An answer to a request not read to its end: sent, then what the client still sends is read
    /// and dropped for a moment, so closing does not reset the connection before it reads the answer.
    private func refuseUnread(_ client: Int32, _ response: Response) {
        send(client, Self.bytes(of: response, head: false))
        shutdown(client, Int32(SHUT_WR))
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let clock = ContinuousClock(), end = clock.now + .milliseconds(500)
        var drained = 0
        while clock.now < end && drained < 4 * 1024 * 1024 {
            let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            drained += count
        }
    }

    /// The answer to a request head (without its blank line).
    private func respond(to head: [UInt8]) -> (response: Response, headOnly: Bool) {
        switch RequestHead.request(head, hosts: hosts) {
        case .file(let method, let path): (handler(method, path), method == "HEAD")
        case .refused(421, _): (Self.plain(421, "this preview answers only at \(url)\n"), false)
        case .refused(let status, let reason): (Self.plain(status, reason + "\n"), false)
        }
    }

    private static func plain(_ status: Int, _ text: String) -> Response {
        Response(status: status, type: "text/plain; charset=utf-8", body: Array(text.utf8))
    }

    private func send(_ client: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    private static let reasons = [
        200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 414: "URI Too Long",
        421: "Misdirected Request", 431: "Request Header Fields Too Large", 503: "Service Unavailable",
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
