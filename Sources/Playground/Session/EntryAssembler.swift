import PoolScript
import PythonModels

/// Groups input lines into entries the way Python's interactive prompt does: open brackets and block headers
/// continue on the next line (`...` prompt); a block ends at a blank line.
///
/// One convenience for piped input: when a block is waiting only for its closing blank line and the next line starts
/// at column 0 (and is not `else:`/`except …:`), the block is run first — so pasted scripts without blank lines work.
struct EntryAssembler {
    private var buffer: [String] = []

    /// The prompt for the next line: `>>> ` or `... `.
    var prompt: String { buffer.isEmpty ? ">>> " : "... " }
    var isEmpty: Bool { buffer.isEmpty }

    /// Feeds one line; returns the entries it completed, in order.
    mutating func feed(_ line: String) -> [String] {
        if buffer.isEmpty {
            let trimmed = line.trimmingLeadingWhitespace()
            if trimmed.isEmpty { return [] }
            if Self.isMagic(String(trimmed)) { return [String(trimmed)] }
            buffer = [line]
            return takeIfComplete()
        }
        let startsAtColumnZero = !(line.first?.isWhitespace ?? true)
        if startsAtColumnZero, !Self.continuesBlock(line), inputStatus(joined + "\n\n") == .complete {
            let finished = joined
            buffer = []
            return [finished] + feed(line)
        }
        buffer.append(line)
        if line.trimmingLeadingWhitespace().isEmpty, inputStatus(joined + "\n") == .complete {
            return take()
        }
        return takeIfComplete()
    }

    /// At end of input: whatever is buffered, as a last entry.
    mutating func finish() -> String? {
        guard !buffer.isEmpty else { return nil }
        return take().first
    }

    /// Drops a half-typed entry (Ctrl-C).
    mutating func discard() { buffer = [] }

    private var joined: String { buffer.joined(separator: "\n") }

    private mutating func takeIfComplete() -> [String] {
        switch inputStatus(joined) {
        case .incomplete: return []
        case .complete, .invalid: return take()
        }
    }

    private mutating func take() -> [String] {
        var lines = buffer
        while let last = lines.last, last.trimmingLeadingWhitespace().isEmpty { lines.removeLast() }
        buffer = []
        return lines.isEmpty ? [] : [lines.joined(separator: "\n")]
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
