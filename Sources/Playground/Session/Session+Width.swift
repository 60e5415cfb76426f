import LineEditing
import TerminalUI

extension Session {
    /// The width the playground's own text is fitted to now: the terminal's (read anew, so a resize counts), a
    /// fixed one, or nil when piped (nothing is wrapped).
    var currentWidth: Int? {
        options.followTerminalWidth ? TerminalCheck.stdoutColumns : options.terminalWidth
    }

    /// Writes text the playground authored (help, `%server`, `%why`), fitted to ``currentWidth``. Program output
    /// (`print`, echoed values) is never wrapped.
    func say(_ text: String) {
        output.write(WidthFit.fit(text, width: currentWidth))
    }
}
