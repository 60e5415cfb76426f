/// What one call to ``LineReader/readLine(prompt:)`` produced.
public enum ReadResult: Sendable, Equatable {
    /// A finished line, without its newline. A line recalled from history may contain `"\n"`
    /// when the history entry was a multi-line statement (see ``LibEditLineReader``).
    case line(String)
    /// Ctrl-C while editing: the half-typed line was discarded and `^C` was shown.
    /// The caller prints a fresh prompt by calling `readLine` again.
    case interrupted
    /// End of input (Ctrl-D on an empty line, or the end of a pipe). The newline after the
    /// echoed `^D` has already been printed.
    case eof
}

/// Reads lines from the learner, one at a time.
///
/// Implementations are `Sendable` so the caller may run the blocking ``readLine(prompt:)`` on a
/// dedicated thread; calls must still come one after another, never concurrently.
public protocol LineReader: AnyObject, Sendable {
    /// Reads one line (without the newline). Blocking is fine; the caller runs it off the
    /// cooperative pool if needed.
    func readLine(prompt: String) -> ReadResult
    /// Adds a finished (possibly multi-line) entry to history and saves it (no-op for plain readers).
    func addHistory(_ entry: String)
    /// Pre-types text into the next `readLine` (libedit `el_push`); plain readers ignore it.
    func pretype(_ text: String)
    /// Whether ``pretype(_:)`` puts text at the prompt (false for plain readers, which ignore it).
    var canPretype: Bool { get }
}

extension LineReader {
    /// Readers pre-type unless they say otherwise.
    public var canPretype: Bool { true }
}
