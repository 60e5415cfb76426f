/// Styles an already-formatted Python error — a traceback, a `SyntaxError` with its caret, PoolPlay's
/// `hint:` lines — without changing a single character.
///
/// PoolScript formats the text (source line, caret, message) exactly as CPython would; this view only
/// adds colour, line by line:
///
/// | line | style |
/// |---|---|
/// | the exception line, e.g. `TypeError: …`, `httpx.PoolTimeout` (unindented `Name` or `Name: …`) | red |
/// | a caret line: only spaces, `^` and `~` (`    ^^^^`, `~~~^^^`) | bold |
/// | a `hint:` line (after optional indentation) | cyan from `hint:` on |
/// | anything else (`Traceback (most recent call last):`, `  File "<stdin>", line 1`, source) | plain |
///
/// Rendering with ``PlainDecorator`` returns the input byte for byte.
public struct DiagnosticView: Sendable, Hashable {
    /// The formatted error text.
    public var text: String

    /// Creates the view.
    ///
    /// - Parameter text: The formatted error, as CPython would print it.
    public init(_ text: String) {
        self.text = text
    }

    /// The styled text.
    ///
    /// - Returns: The input, with styles per the type's table.
    public func render() -> StyledText {
        var result = StyledText()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { result.append("\n") }
            result.append(Self.style(line))
        }
        return result
    }

    /// Styles one line.
    static func style(_ line: Substring) -> StyledText {
        let indentation = line.prefix { $0 == " " || $0 == "\t" }
        let content = line.dropFirst(indentation.count)
        if content.hasPrefix("hint:") {
            return StyledText(String(indentation)) + StyledText(String(content), style: .cyan)
        }
        if isCaretLine(line) {
            return StyledText(String(line), style: .bold)
        }
        if indentation.isEmpty, isExceptionLine(line) {
            return StyledText(String(line), style: .red)
        }
        return StyledText(String(line))
    }

    /// `^`/`~` markers under source: nothing but spaces, tabs, `^` and `~`, with at least one marker.
    static func isCaretLine(_ line: Substring) -> Bool {
        line.contains { $0 == "^" || $0 == "~" } && line.allSatisfy { " \t^~".contains($0) }
    }

    /// `Name` or `Name: message`, where `Name` is a dotted Python identifier (`openai.APIError`).
    static func isExceptionLine(_ line: Substring) -> Bool {
        let name = line.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        let rest = line.dropFirst(name.count)
        return rest.isEmpty || rest.first == ":"
    }
}
