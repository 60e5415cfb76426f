import PoolScript
import TerminalUI

/// Python errors on the terminal: the interpreter's ``Diagnostic`` styled span by span by TerminalUI's
/// `DiagnosticView`. Without colour or width the text is ``Diagnostic/formatted()``, byte for byte.
enum ErrorView {
    /// `width`: fit PoolPlay's own `hint:` notes to it; CPython's lines stay as CPython prints them.
    static func render(_ diagnostic: Diagnostic, color: Bool, width: Int? = nil) -> String {
        decorator(color).render(view(diagnostic, width: width).render())
    }

    /// The view of `diagnostic`'s lines, each span in its role.
    static func view(_ diagnostic: Diagnostic, width: Int? = nil) -> DiagnosticView {
        DiagnosticView(
            lines: diagnostic.lines().map { line in line.spans.map { DiagnosticView.Span($0.text, role($0.role)) } },
            width: width)
    }

    static func role(_ role: Diagnostic.Role) -> DiagnosticView.Role {
        switch role {
        case .text: return .plain
        case .margin: return .margin
        case .exception: return .exception
        case .warning: return .warning
        case .caret: return .caret
        case .note: return .note
        }
    }
}
