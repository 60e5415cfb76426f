/// Styles a Python error laid out as lines of spans — a traceback, a `SyntaxError` with its caret, an exception
/// group's box, PoolPlay's `hint:` notes — by what each span is, never by reading its text.
///
/// The interpreter lays the error out exactly as CPython prints it and tags each span with its role; this view only
/// adds colour:
///
/// | role | style |
/// |---|---|
/// | ``Role/exception``: the `TypeError: …` line | red |
/// | ``Role/warning``: a warning's line | yellow |
/// | ``Role/caret``: the `^^^` line of a syntax error | bold |
/// | ``Role/note``: `hint: …` | cyan |
/// | ``Role/plain``, ``Role/margin``: `Traceback …`, `File …` lines, source, a group's box | plain |
///
/// Each line ends in a newline. Without a width, rendering with ``PlainDecorator`` gives the lines' characters
/// byte for byte; with one, a note outside a group's box that is wider than it is wrapped (``WidthFit``).
public struct DiagnosticView: Sendable, Hashable {
    /// What a span is.
    public enum Role: Sendable, Hashable {
        case plain, margin, exception, warning, caret, note
    }

    /// A run of text in one role.
    public struct Span: Sendable, Hashable {
        public var text: String
        public var role: Role

        public init(_ text: String, _ role: Role) {
            self.text = text
            self.role = role
        }
    }

    /// The lines, each without its newline.
    public var lines: [[Span]]
    /// The terminal's width for wrapping notes; nil leaves every line as it is.
    public var width: Int?

    /// Creates the view.
    ///
    /// - Parameters:
    ///   - lines: The error's lines as the interpreter laid them out.
    ///   - width: The terminal's width for wrapping notes (PoolPlay's own words; CPython's lines stay as printed).
    public init(lines: [[Span]], width: Int? = nil) {
        self.lines = lines
        self.width = width
    }

    /// The styled text.
    ///
    /// - Returns: Every line styled per the type's table, each followed by a newline.
    public func render() -> StyledText {
        var result = StyledText()
        for line in lines {
            var styled = StyledText()
            for span in line { styled.append(span.text, style: Self.style(span.role)) }
            let isNote = line.contains { $0.role == .note } && !line.contains { $0.role == .margin }
            result.append(isNote ? WidthFit.fit(styled, width: width) : styled)
            result.append("\n")
        }
        return result
    }

    /// The style of a role.
    static func style(_ role: Role) -> Style {
        switch role {
        case .plain, .margin: return .plain
        case .exception: return .red
        case .warning: return .yellow
        case .caret: return .bold
        case .note: return .cyan
        }
    }
}
