import PoolScript
import PythonModels

/// Groups input lines into entries the way Python's interactive prompt does: open brackets and block headers
/// continue on the next line (`...` prompt); a block ends at a blank line.
///
/// One convenience for piped input: when a block is waiting only for its closing blank line and the next line starts
/// at column 0 (and is not `else:`/`except …:`), the block is run first — so pasted scripts without blank lines work.
///
/// Each parse that decides an entry is complete travels with it, so the session runs that parse instead of parsing
/// the entry again.
struct EntryAssembler {
    /// A complete entry: its text, and the parse that found it complete (nil for a magic, or when the text differs
    /// from what was parsed in a way that could change a syntax error's report).
    struct Entry {
        let text: String
        let parsed: ParsedSource?
    }

    private var buffer: [String] = []
    /// The parse of the buffer as it stands, when the last line fed ended in one.
    private var lastParse: ParsedSource?

    /// The prompt for the next line: `>>> ` or `... `.
    var prompt: String { buffer.isEmpty ? ">>> " : "... " }
    var isEmpty: Bool { buffer.isEmpty }

    /// Feeds one line; returns the entries it completed, in order.
    mutating func feed(_ line: String) -> [Entry] {
        if buffer.isEmpty {
            let trimmed = line.trimmingLeadingWhitespace()
            if trimmed.isEmpty { return [] }
            if Self.isMagic(String(trimmed)) { return [Entry(text: String(trimmed), parsed: nil)] }
            buffer = [line]
            return takeIfComplete()
        }
        let startsAtColumnZero = !(line.first?.isWhitespace ?? true)
        if startsAtColumnZero, !Self.continuesBlock(line) {
            let closed = ParsedSource(joined + "\n\n")
            if closed.status == .complete {
                let finished = Entry(text: joined, parsed: closed)
                discard()
                return [finished] + feed(line)
            }
        }
        buffer.append(line)
        if line.trimmingLeadingWhitespace().isEmpty {
            let closed = ParsedSource(joined + "\n")
            if closed.status == .complete { return take(closed) }
        }
        return takeIfComplete()
    }

    /// At end of input: whatever is buffered, as a last entry.
    mutating func finish() -> Entry? {
        guard !buffer.isEmpty else { return nil }
        return take(lastParse).first
    }

    /// Drops a half-typed entry (Ctrl-C).
    mutating func discard() {
        buffer = []
        lastParse = nil
    }

    private var joined: String { buffer.joined(separator: "\n") }

    private mutating func takeIfComplete() -> [Entry] {
        let parsed = ParsedSource(joined)
        switch parsed.status {
        case .incomplete:
            lastParse = parsed
            return []
        case .complete, .invalid: return take(parsed)
        }
    }

    /// The buffer as an entry, without trailing blank lines. A parse that found it complete serves the entry as it
    /// is (blank lines after a complete statement change nothing); a syntax error serves only when it was found in
    /// exactly the entry's text.
    private mutating func take(_ parsed: ParsedSource?) -> [Entry] {
        var lines = buffer
        while let last = lines.last, last.trimmingLeadingWhitespace().isEmpty { lines.removeLast() }
        buffer = []
        lastParse = nil
        guard !lines.isEmpty else { return [] }
        let text = lines.joined(separator: "\n")
        let reusable = parsed.flatMap { $0.source == text || $0.status == .complete ? $0 : nil }
        return [Entry(text: text, parsed: reusable)]
    }

    /// `%magic …`, or `name?` / `obj.attr?` (help).
    static func isMagic(_ line: String) -> Bool {
        if line.hasPrefix("%") { return true }
        guard line.hasSuffix("?") else { return false }
        let body = line.dropLast(line.hasSuffix("??") ? 2 : 1)
        return !body.isEmpty && body.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    }

    private static func continuesBlock(_ line: String) -> Bool {
        let words = ["else", "elif", "except", "finally"]
        return words.contains { line.hasPrefix($0 + ":") || line.hasPrefix($0 + " ") || line == $0 }
    }
}

extension String {
    func trimmingLeadingWhitespace() -> Substring { drop(while: { $0.isWhitespace }) }
}
