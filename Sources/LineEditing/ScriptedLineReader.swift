import Synchronization

/// A reader for tests: returns the given lines in order, then `.eof`, and records every prompt it
/// was asked with. A line equal to ``interruptMarker`` yields `.interrupted` instead.
public final class ScriptedLineReader: LineReader {
    /// Put this string in the script to simulate Ctrl-C while editing.
    public static let interruptMarker = "\u{3}"

    private struct State {
        var remaining: [String]
        var prompts: [String] = []
        var history: [String] = []
        var pretyped: [String] = []
    }

    private let state: Mutex<State>

    public init(_ lines: [String]) { state = Mutex(State(remaining: lines)) }

    /// Every prompt passed to ``readLine(prompt:)``, in order.
    public var prompts: [String] { state.withLock { $0.prompts } }
    /// Every entry passed to ``addHistory(_:)``, in order.
    public var history: [String] { state.withLock { $0.history } }
    /// Every text passed to ``pretype(_:)``, in order.
    public var pretyped: [String] { state.withLock { $0.pretyped } }

    public func readLine(prompt: String) -> ReadResult {
        state.withLock { state in
            state.prompts.append(prompt)
            guard !state.remaining.isEmpty else { return .eof }
            let next = state.remaining.removeFirst()
            return next == Self.interruptMarker ? .interrupted : .line(next)
        }
    }

    public func addHistory(_ entry: String) { state.withLock { $0.history.append(entry) } }

    public func pretype(_ text: String) { state.withLock { $0.pretyped.append(text) } }
}
