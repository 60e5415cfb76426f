import CEditShim
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides whether line editing may be used.
public enum TerminalCheck {
    /// True only when both stdin and stdout are terminals. With stdin a terminal but stdout piped,
    /// libedit's prompt and redraw bytes would go into the pipe and the user would see nothing,
    /// so the caller must use ``PlainLineReader`` unless this is true.
    /// The width of the terminal on standard output now, in columns (80 when it is not a terminal).
    public static var columns: Int { Int(ceditshim_terminal_columns()) }

    public static var stdinAndStdoutAreTerminals: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }
}
