import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a pipe or file: no prompt printed, no history, no escape sequences, so
/// scripted output stays byte-clean. Used whenever ``TerminalCheck/stdinAndStdoutAreTerminals``
/// is false, and for `--script`.
public final class PlainLineReader: LineReader {
    /// Bytes read from the descriptor but not yet returned as lines.
    private struct Buffer: ~Copyable {
        var bytes: [UInt8] = []
        var reachedEnd = false
    }

    private let fileDescriptor: Int32
    private let buffer = Mutex(Buffer())

    /// Reads standard input.
    public convenience init() { self.init(fileDescriptor: STDIN_FILENO) }

    /// Reads the given descriptor (tests pass one end of a pipe). The descriptor is not closed.
    public init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

    /// Returns the next line without its `\n` (a trailing `\r` is dropped too), the last unterminated
    /// line at end of input, then `.eof`. Invalid UTF-8 becomes U+FFFD. The prompt is ignored.
    public func readLine(prompt: String) -> ReadResult {
        buffer.withLock { state in
            while true {
                if let newline = state.bytes.firstIndex(of: UInt8(ascii: "\n")) {
                    var line = Array(state.bytes[..<newline])
                    state.bytes.removeSubrange(...newline)
                    if line.last == UInt8(ascii: "\r") { line.removeLast() }
                    return .line(String(decoding: line, as: UTF8.self))
                }
                if state.reachedEnd {
                    if state.bytes.isEmpty { return .eof }
                    let line = state.bytes
                    state.bytes.removeAll()
                    return .line(String(decoding: line, as: UTF8.self))
                }
                fill(&state)
            }
        }
    }

    /// Plain readers keep no history.
    public func addHistory(_ entry: String) {}

    /// Plain readers cannot pre-type.
    public func pretype(_ text: String) {}

    /// Plain readers cannot pre-type.
    public var canPretype: Bool { false }

    /// One `read(2)`; retries on EINTR, treats errors like end of input.
    private func fill(_ state: inout Buffer) {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                state.bytes.append(contentsOf: chunk[..<count])
                return
            }
            if count < 0, errno == EINTR { continue }
            state.reachedEnd = true
            return
        }
    }
}
