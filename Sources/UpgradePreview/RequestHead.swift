import Foundation

/// A request head as it arrives, and what it asks: the part of the preview server that reads
/// what a client sends, with no socket, so the fuzzer and the tests drive it directly.
package struct RequestHead {
    /// A request head larger than this is refused: a preview's requests are a line and a few headers.
    package static let headLimit = 16 * 1024
    /// A request line longer than this is refused (414).
    package static let lineLimit = 8 * 1024

    /// What the bytes so far make.
    package enum State: Equatable {
        /// More is needed.
        case incomplete
        /// The head, without its blank line.
        case complete([UInt8])
        /// Too long a line (414) or head (431): answered without reading on.
        case tooLarge(status: Int)
    }

    /// What a complete head asks.
    package enum Request: Equatable {
        /// GET or HEAD of a path, percent-decoded, without its query.
        case file(method: String, path: String)
        /// Refused with a status and a line saying why.
        case refused(status: Int, reason: String)
    }

    private var bytes: [UInt8] = []
    /// Where the next look for the blank line starts: each byte is looked at once, however the head arrives.
    private var searched = 0
    private var lineEnd: Int?

    package init() {}

    /// Takes the next bytes the client sent.
    package mutating func add<Bytes: Collection<UInt8>>(_ more: Bytes) -> State {
        bytes += more
        if let found = Self.endOfHead(in: bytes, from: searched) { return .complete(Array(bytes[..<found])) }
        if lineEnd == nil { lineEnd = bytes[min(searched, bytes.count)...].firstIndex(of: 0x0A) }
        searched = max(0, bytes.count - 3)
        if lineEnd == nil && bytes.count > Self.lineLimit { return .tooLarge(status: 414) }
        if bytes.count > Self.headLimit { return .tooLarge(status: 431) }
        return .incomplete
    }

    /// What `head` asks of a server answering at `hosts` (each `name:port`, in lower case).
    package static func request(_ head: [UInt8], hosts: Set<String>) -> Request {
        let lines = head.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? line.dropLast() : line
        }
        let parts = (lines.first ?? []).split(separator: 0x20)
        let method = parts.first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        let target = parts.count >= 2 ? String(decoding: parts[1], as: UTF8.self) : ""
        let hostLines = lines.dropFirst().filter { line in
            line.count >= 5 && line.prefix(5).map { $0 | 0x20 }.elementsEqual("host:".utf8)
        }
        if parts.count != 3 || !target.hasPrefix("/") || hostLines.count != 1 {
            return .refused(status: 400, reason: "bad request: a request line and one Host header")
        }
        let host = String(decoding: hostLines[0].dropFirst(5), as: UTF8.self).trimmingCharacters(in: .whitespaces)
        // A page of another site that rebinds its name to this address still sends its own name.
        guard hosts.contains(host.lowercased()) else { return .refused(status: 421, reason: "") }
        guard method == "GET" || method == "HEAD" else { return .refused(status: 405, reason: "only GET and HEAD") }
        let raw = String(target.prefix { $0 != "?" && $0 != "#" })
        return .file(method: method, path: raw.removingPercentEncoding ?? raw)
    }

    /// Where the blank line that ends a head starts, looking from `start` on.
    private static func endOfHead(in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= 4, start <= bytes.count - 4 else { return nil }
        for index in start...(bytes.count - 4)
        where bytes[index] == 0x0D && bytes[index + 1] == 0x0A && bytes[index + 2] == 0x0D && bytes[index + 3] == 0x0A {
            return index
        }
        return nil
    }
}
