/// Styles the small Markdown subset used by lesson text (``Lessons/Step/text``, hints) for the terminal.
///
/// Line by line:
///
/// | source | shown as |
/// |---|---|
/// | `### Heading` (any level) | the heading text, bold |
/// | `- item` / `* item` | `• item` |
/// | a fenced block (```` ``` ```` … ```` ``` ````) | its lines indented by 4, dim; fences dropped |
/// | other lines | as written, with inline spans below |
///
/// Inline: `` `code` `` keeps its backticks (dim) around cyan code, so plain output still marks code;
/// `**bold**` becomes bold without the asterisks. An unmatched `` ` `` or `**` is shown as written.
/// Lines are not re-wrapped: lesson authors break lines themselves.
public struct MarkdownView: Sendable, Hashable {
    /// The Markdown text.
    public var markdown: String

    /// Creates the view.
    ///
    /// - Parameter markdown: The text to style.
    public init(_ markdown: String) {
        self.markdown = markdown
    }

    /// The styled text; lines joined by `\n`, no trailing newline added.
    ///
    /// - Returns: The styled text.
    public func render() -> StyledText {
        var lines: [StyledText] = []
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inFence.toggle()
                continue
            }
            if inFence {
                lines.append(StyledText("    " + line, style: .dim))
            } else if line.hasPrefix("#") {
                let text = line.drop { $0 == "#" }.drop { $0 == " " }
                lines.append(Self.inline(text).applying(.bold))
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                lines.append("• " + Self.inline(line.dropFirst(2)))
            } else {
                lines.append(Self.inline(line))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Styles `` `code` `` and `**bold**` spans in one line.
    static func inline(_ line: Substring) -> StyledText {
        var result = StyledText()
        var rest = line
        while !rest.isEmpty {
            if rest.hasPrefix("`"), let end = rest.dropFirst().firstIndex(of: "`") {
                let code = rest[rest.index(after: rest.startIndex)..<end]
                result.append("`", style: .dim)
                result.append(String(code), style: .cyan)
                result.append("`", style: .dim)
                rest = rest[rest.index(after: end)...]
            } else if rest.hasPrefix("**"), let end = rest.dropFirst(2).firstRange(of: "**") {
                result.append(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound]), style: .bold)
                rest = rest[end.upperBound...]
            } else {
                // Copy up to the next possible span start.
                let next = rest.dropFirst().firstIndex { $0 == "`" || $0 == "*" } ?? rest.endIndex
                result.append(String(rest[..<next]))
                rest = rest[next...]
            }
        }
        return result
    }
}
