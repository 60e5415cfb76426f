/// httpx's `TextDecoder` for UTF-8 (`httpx/_decoders.py`, a `codecs` incremental decoder with
/// `errors="replace"`): a character split across two chunks is held back until its last byte arrives.
struct IncrementalUTF8Decoder {
    private var pending: [UInt8] = []

    /// The text of `chunk` after what was held back; an incomplete character at its end is held back.
    mutating func decode(_ chunk: [UInt8]) -> String {
        let bytes = pending + chunk
        let cut = bytes.count - Self.incompleteTail(bytes)
        pending = Array(bytes[cut...])
        return String(decoding: bytes[..<cut], as: UTF8.self)
    }

    /// What is still held back, decoded with replacement characters (the end of the body).
    mutating func flush() -> String {
        defer { pending = [] }
        return String(decoding: pending, as: UTF8.self)
    }

    /// How many bytes at the end start a character that is not complete yet (0 when none).
    static func incompleteTail(_ bytes: [UInt8]) -> Int {
        guard !bytes.isEmpty else { return 0 }
        for back in 1...min(3, bytes.count) {
            let byte = bytes[bytes.count - back]
            if byte & 0b1100_0000 == 0b1000_0000 { continue }  // a continuation byte: look further back
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return length > back ? back : 0
        }
        return 0
    }
}

/// httpx's `LineDecoder` (`httpx/_decoders.py`): splits text into lines at `str.splitlines()` boundaries, across
/// chunks. A `\r` at the end of a chunk waits for the next one, which may start with the `\n` of a `\r\n`.
struct LineDecoder {
    private var buffer = ""
    private var trailingCR = false

    /// The lines `text` completes.
    mutating func decode(_ text: String) -> [String] {
        var text = text
        if trailingCR {
            text = "\r" + text
            trailingCR = false
        }
        if text.unicodeScalars.last == "\r" {
            trailingCR = true
            text.unicodeScalars.removeLast()
        }
        guard let last = text.unicodeScalars.last else { return [] }
        let trailingNewline = Self.isLineBoundary(last)
        var lines = Self.splitLines(text)
        if lines.count == 1 && !trailingNewline {
            buffer += lines[0]
            return []
        }
        if !buffer.isEmpty {
            lines[0] = buffer + lines[0]
            buffer = ""
        }
        if !trailingNewline { buffer = lines.removeLast() }
        return lines
    }

    /// The last line, if the body did not end with a line break.
    mutating func flush() -> [String] {
        guard !buffer.isEmpty || trailingCR else { return [] }
        defer {
            buffer = ""
            trailingCR = false
        }
        return [buffer]
    }

    /// Python's `str.splitlines()` line boundaries.
    static func isLineBoundary(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// `str.splitlines()`: `\r\n` counts as one boundary; no empty line after a final boundary.
    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            guard isLineBoundary(scalar) else {
                current.append(scalar)
                continue
            }
            if scalar == "\r", next == "\n" { next = scalars.next() }
            lines.append(String(current))
            current = String.UnicodeScalarView()
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }
}
