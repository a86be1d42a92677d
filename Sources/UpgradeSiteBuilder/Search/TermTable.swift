/// A count for each distinct term of a page, keyed by the term's bytes.
///
/// A page of two kilobytes has a few hundred words and a hundred distinct ones. Counting
/// them in a `[String: Int]` made a `String` and ran SipHash for every word, a seventh of a
/// whole build's time. Here a word costs an FNV-1a hash of its bytes and a probe of an
/// open-addressed table; the bytes of a term are kept once, the first time it is seen, and
/// it becomes a `String` once, when the page's terms are read out.
struct TermTable {
    private struct Entry {
        var start: Int32
        var length: Int32
        var hash: UInt32
        var value: Int
    }

    /// Every distinct term's bytes, end to end.
    private var bytes: [UInt8] = []
    private var entries: [Entry] = []
    /// An entry's index plus one, or 0 for an empty slot; a power of two long, at most half full.
    private var slots: [Int32]

    init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        entries.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 8)
    }

    var count: Int { entries.count }

    /// Calls `change` on the value of `term` (0 the first time it is seen).
    mutating func update(_ term: UnsafeBufferPointer<UInt8>, _ change: (inout Int) -> Void) {
        var hash: UInt32 = 0x811C_9DC5
        for byte in term {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let found = Int(slots[slot])
            if found == 0 { break }
            let entry = entries[found - 1]
            if entry.hash == hash, Int(entry.length) == term.count, equal(entry, term) {
                change(&entries[found - 1].value)
                return
            }
            slot = (slot + 1) & mask
        }
        var value = 0
        change(&value)
        entries.append(Entry(start: Int32(bytes.count), length: Int32(term.count), hash: hash, value: value))
        bytes.append(contentsOf: term)
        slots[slot] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
    }

    /// Each term and its value, in the order the terms were first seen.
    func forEach(_ body: (String, Int) -> Void) {
        forEachTerm { body(String(decoding: $0, as: UTF8.self), $1) }
    }

    /// Each term's bytes and its value, in the order the terms were first seen.
    func forEachTerm(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            for entry in entries {
                body(UnsafeBufferPointer(rebasing: all[Int(entry.start)..<Int(entry.start) + Int(entry.length)]), entry.value)
            }
        }
    }

    private func equal(_ entry: Entry, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            let start = Int(entry.start)
            for index in 0..<term.count where all[start + index] != term[index] { return false }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2, mask = size - 1
        var grown = [Int32](repeating: 0, count: size)
        for (index, entry) in entries.enumerated() {
            var slot = Int(entry.hash) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = Int32(index + 1)
        }
        slots = grown
    }
}
