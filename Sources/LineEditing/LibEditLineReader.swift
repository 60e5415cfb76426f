import Synchronization

/// Interactive line editing with libedit: emacs keys, UTF-8 (é, 日本語), Up-arrow history saved to
/// a file after every entry, TAB completion, Ctrl-C discards the line, Ctrl-D on an empty line ends.
///
/// Use it only when ``TerminalCheck/stdinAndStdoutAreTerminals``; otherwise use ``PlainLineReader``.
///
/// - Prompt: text between two `"\u{1}"` characters is printed but not counted as width
///   (wrap colour escapes in it: `"\u{1}\u{1B}[32m\u{1}>>> \u{1}\u{1B}[0m\u{1}"`).
/// - Interrupts: while editing, ISIG is off, so Ctrl-C is a key bound to "discard the line":
///   `^C` is shown and `.interrupted` returned. While a command runs the tty is cooked and Ctrl-C
///   raises SIGINT — see ``InterruptSignal``.
/// - Multi-line statements: the caller reads continuation lines itself and calls
///   ``addHistory(_:)`` once per statement with the lines joined by `"\n"`. libedit stores that
///   entry as one item (vis-encoded in the file, so it survives restarts). Up-arrow recalls the
///   whole statement into the edit buffer, shown on several rows; pressing Enter returns it as a
///   single `.line` that contains `"\n"`s. Callers should therefore treat a returned line
///   containing newlines as a complete statement (or feed it through their continuation logic).
/// - Terminal: restored by ``close()`` or deinit (`el_end`); libedit also restores it on SIGTERM
///   while editing (`EL_SIGNAL` on).
/// - `~/.editrc` is read after our bindings, so users can switch to vi mode or rebind keys.
public final class LibEditLineReader: LineReader {
    /// The editor, confined by the mutex: one `readLine` at a time, from any single thread.
    private let session: Mutex<EditLineSession?>
    /// Used only if libedit failed to start.
    private let fallback: PlainLineReader?

    /// - Parameters:
    ///   - programName: passed to `el_init` (selects `~/.editrc` sections).
    ///   - historyFile: e.g. ``HistoryLocation/defaultFile(environment:)``; parent folders are
    ///     created (0700) and the file is kept at 0600. `nil` keeps history in memory only.
    ///   - completer: given the line up to the cursor, returns full-word candidates (see
    ///     ``Completion``). TAB inserts a unique one, extends to the common prefix, and lists
    ///     them on a second TAB.
    public init(programName: String, historyFile: String?, completer: (@Sendable (String) -> [String])? = nil) {
        let editor = EditLineSession(programName: programName, historyFile: historyFile, completer: completer)
        fallback = editor == nil ? PlainLineReader() : nil
        session = Mutex(editor)
    }

    public func readLine(prompt: String) -> ReadResult {
        if let fallback { return fallback.readLine(prompt: prompt) }
        return session.withLock { $0?.readLine(prompt: prompt) ?? .eof }
    }

    public func addHistory(_ entry: String) {
        session.withLock { $0?.addHistory(entry) }
    }

    /// Pushes `text` into libedit's input queue: the next `readLine` starts with it typed in,
    /// ready to edit. Characters are interpreted as keys, so avoid `"\n"` (it would submit) and TAB.
    public func pretype(_ text: String) {
        session.withLock { $0?.pretype(text) }
    }

    /// History entries, newest first.
    public var historyEntries: [String] {
        session.withLock { $0?.historyEntries() ?? [] }
    }

    /// Restores the terminal and releases libedit. Later reads return `.eof`. Idempotent.
    public func close() {
        session.withLock { $0?.close() }
    }
}
