extension Unicode.Scalar {
    /// A character a terminal or a page acts on rather than shows: C0 controls but tab and
    /// newline, DEL, C1 controls, and the bidirectional marks, embeddings, overrides and isolates.
    /// Content refuses them, the terminal and JSON get them escaped: one list for all three.
    package var isDisplayControl: Bool {
        switch value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
