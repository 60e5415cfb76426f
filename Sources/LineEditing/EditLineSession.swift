import CEditShim
import CLibEdit
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One libedit editor plus its history, confined to whichever thread holds
/// ``LibEditLineReader``'s mutex. libedit's key callbacks run inside `el_gets` on that same thread
/// and reach this object through `EL_CLIENTDATA` (see `EditLineCallbacks`).
final class EditLineSession {
    let editLine: OpaquePointer
    let history: OpaquePointer?
    let historyFile: String?
    let completer: (@Sendable (String) -> [String])?
    /// The prompt libedit's prompt callback returns; must outlive each `el_gets` (strdup'd).
    private var promptStorage: UnsafeMutablePointer<CChar>?
    /// Set by the Ctrl-C binding; tells `readLine` to discard what `el_gets` returned.
    var interrupted = false
    /// The text before the cursor at the last TAB, to recognise a second TAB.
    var lastTabText: String?
    private var closed = false

    /// Serialises `el_init`/`el_end` across editors: they call `setlocale` and the termcap
    /// functions (`tgetent`, `tgetstr`), which use process-wide state and crashed when two editors
    /// started at once (seen in parallel tests).
    private static let setupLock = Mutex(())

    /// Returns nil when libedit cannot start (for example `el_init` failing).
    init?(programName: String, historyFile: String?, completer: (@Sendable (String) -> [String])?) {
        guard let editLine = Self.setupLock.withLock({ _ in ceditshim_init(programName) }) else { return nil }
        self.editLine = editLine
        self.completer = completer
        self.historyFile = historyFile
        history = ceditshim_history_init(1000, 1)
        if let history, let historyFile {
            HistoryFileSupport.prepare(historyFile)
            _ = ceditshim_history_load(history, historyFile)
        }
        configure()
    }

    deinit { close() }

    /// Editor setup, in the order the libedit spike proved (Part B.6 of the design notes).
    private func configure() {
        ceditshim_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        ceditshim_set_prompt(editLine, EditLineCallbacks.prompt, 1)
        ceditshim_set_editor(editLine, "emacs")
        if let history { ceditshim_set_hist(editLine, history) }
        // EL_SIGNAL 1: libedit restores the tty on SIGTERM/SIGTSTP/... and redraws on SIGCONT/SIGWINCH.
        ceditshim_set_signal(editLine, 1)
        // ISIG off in edit mode only: ^C reaches us as a key (0x03) instead of raising SIGINT.
        ceditshim_setty(editLine, "-d", "-isig")
        ceditshim_add_function(editLine, "pp-interrupt", "Discard the line", EditLineCallbacks.interrupt)
        ceditshim_bind(editLine, "^C", "pp-interrupt")
        // With ISIG off, ^Z must suspend by hand.
        ceditshim_add_function(editLine, "pp-suspend", "Suspend", EditLineCallbacks.suspend)
        ceditshim_bind(editLine, "^Z", "pp-suspend")
        ceditshim_add_function(editLine, "pp-complete", "Complete the word", EditLineCallbacks.complete)
        ceditshim_bind(editLine, "^I", "pp-complete")
        // Last, so ~/.editrc may override our bindings.
        ceditshim_source_user_config(editLine)
    }

    func readLine(prompt: String) -> ReadResult {
        guard !closed else { return .eof }
        free(promptStorage)
        promptStorage = strdup(prompt)
        interrupted = false
        lastTabText = nil
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count) else {
            if interrupted { return .interrupted }
            // libedit echoed "^D" without a newline.
            writeOut("\n")
            return .eof
        }
        if interrupted { return .interrupted }
        var line = String(cString: raw)
        while line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Enters one history entry (multi-line entries keep their `\n`s) and saves the file at once,
    /// so history survives a crash. Blank entries are skipped; consecutive duplicates collapse.
    func addHistory(_ entry: String) {
        guard let history, !closed else { return }
        var text = entry
        while text.hasSuffix("\n") { text.removeLast() }
        guard text.contains(where: { !$0.isWhitespace }) else { return }
        _ = ceditshim_history_enter(history, text)
        if let historyFile {
            HistoryFileSupport.prepare(historyFile)
            _ = ceditshim_history_save(history, historyFile)
        }
    }

    func pretype(_ text: String) {
        guard !closed, !text.isEmpty else { return }
        el_push(editLine, text)
    }

    /// History entries, newest first (for tests and diagnostics).
    func historyEntries() -> [String] {
        guard let history else { return [] }
        let count = Int(ceditshim_history_size(history))
        return (0..<count).compactMap { index in
            ceditshim_history_entry_from_newest(history, Int32(index)).map { String(cString: $0) }
        }
    }

    /// Restores the terminal (`el_end`) and frees everything. Idempotent.
    func close() {
        guard !closed else { return }
        closed = true
        Self.setupLock.withLock { _ in el_end(editLine) }
        if let history { history_end(history) }
        free(promptStorage)
        promptStorage = nil
    }

    var currentPrompt: UnsafeMutablePointer<CChar>? { promptStorage }

    /// Writes straight to fd 1 (libedit's own output is flushed before key callbacks run).
    func writeOut(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes {
                write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
