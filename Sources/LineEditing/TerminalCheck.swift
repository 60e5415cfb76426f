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

    public static var stdinAndStdoutAreTerminals: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// The columns of the terminal on stdout, or 80 when unknown (for wrapping text).
    public static var stdoutColumns: Int { Int(ceditshim_terminal_columns()) }
}
