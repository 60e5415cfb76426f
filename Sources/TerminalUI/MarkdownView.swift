/// Styles the small Markdown subset used by lesson text (``Lessons/Step/text``, hints) for the terminal.
///
/// Line by line:
///
/// | source | shown as |
/// |---|---|
/// | `### Heading` (any level) | the heading text, bold |
/// | `- item` / `* item` | `• item` (continuation lines indented under the text) |
/// | a fenced block (```` ``` ```` … ```` ``` ````) | its lines indented by 4, dim; fences dropped |
/// | other lines | paragraphs, with inline spans below |
///
/// Inline: `` `code` `` is shown in the code colour without its backticks; `**bold**` is bold and `*emphasis*` is
/// italic, never showing the asterisks. Emphasis needs a non-space after the opening `*` and before the closing
/// one, and no letter or digit just outside, so `2 * 3` and `a*b` stay as written. Underscores never mark
/// emphasis, so `_max_connections` is an identifier. An unmatched marker is shown as written.
///
/// With a `width`, each paragraph and list item is re-flowed and wrapped to it by ``TextWrap`` (CJK characters
/// count two columns; no space is put between two CJK characters that met at a line break in the source).
/// Without one, lines are kept as the author broke them.
public struct MarkdownView: Sendable, Hashable {
    /// The Markdown text.
    public var markdown: String
    /// The columns to wrap to; `nil` keeps the author's lines.
    public var width: Int?

    /// Creates the view.
    ///
    /// - Parameters:
    ///   - markdown: The text to style.
    ///   - width: The columns to wrap to, or `nil`.
    public init(_ markdown: String, width: Int? = nil) {
        self.markdown = markdown
        self.width = width
    }

    /// The styled text; lines joined by `\n`, no trailing newline added.
    ///
    /// - Returns: The styled text.
    public func render() -> StyledText {
        var lines: [StyledText] = []
        var inFence = false
        /// The paragraph or list item being gathered: its text, and the bullet it started with.
        var pending: (text: String, bullet: Bool)?
        func flush() {
            guard let (text, bullet) = pending else { return }
            pending = nil
            let styled = (bullet ? StyledText("• ") : StyledText()) + Self.inline(Substring(text))
            if let width {
                lines += TextWrap.wrap(styled, width: width, hangingIndent: bullet ? 2 : 0)
            } else {
                lines.append(styled)
            }
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                flush()
                inFence.toggle()
                continue
            }
            if inFence {
                lines.append(StyledText("    " + line, style: .dim))
            } else if line.hasPrefix("#") {
                flush()
                let text = line.drop { $0 == "#" }.drop { $0 == " " }
                lines.append(Self.inline(text).applying(.bold))
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                flush()
                pending = (String(line.dropFirst(2)), true)
            } else if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                flush()
                lines.append(StyledText())
            } else if width != nil, let gathered = pending {
                // A continuation line of the paragraph or item: joined, to be wrapped again.
                let text = String(line.drop { $0 == " " })
                let joint = Self.isWide(gathered.text.last) && Self.isWide(text.first) ? "" : " "
                pending = (gathered.text + joint + text, gathered.bullet)
            } else if width != nil {
                pending = (String(line), false)
            } else {
                flush()
                lines.append(Self.inline(line))
            }
        }
        flush()
        return lines.joined(separator: "\n")
    }

    private static func isWide(_ character: Character?) -> Bool {
        character.map { characterWidth($0) == 2 } ?? false
    }

    /// Styles `` `code` ``, `**bold**` and `*emphasis*` spans in one line.
    static func inline(_ line: Substring) -> StyledText {
        var result = StyledText()
        var rest = line
        var previous: Character?
        while !rest.isEmpty {
            if rest.hasPrefix("`"), let end = rest.dropFirst().firstIndex(of: "`"), end > rest.index(after: rest.startIndex) {
                let code = rest[rest.index(after: rest.startIndex)..<end]
                result.append(String(code), style: .cyan)
                previous = "`"
                rest = rest[rest.index(after: end)...]
            } else if rest.hasPrefix("**"), let (inner, after) = emphasis(rest, marker: "**", previous: previous) {
                result.append(inline(inner).applying(.bold))
                previous = "*"
                rest = after
            } else if rest.hasPrefix("*"), !rest.hasPrefix("**"), let (inner, after) = emphasis(rest, marker: "*", previous: previous) {
                result.append(inline(inner).applying(.italic))
                previous = "*"
                rest = after
            } else {
                // Copy up to the next possible span start.
                let next = rest.dropFirst().firstIndex { $0 == "`" || $0 == "*" } ?? rest.endIndex
                result.append(String(rest[..<next]))
                previous = rest[..<next].last
                rest = rest[next...]
            }
        }
        return result
    }

    /// A `marker`-delimited span at the start of `text`: its inside and what follows, when it is emphasis.
    private static func emphasis(_ text: Substring, marker: String, previous: Character?) -> (Substring, Substring)? {
        if let previous, previous.isLetter || previous.isNumber { return nil }
        let afterOpen = text.dropFirst(marker.count)
        guard let first = afterOpen.first, first != " ", first != "*" else { return nil }
        var search = afterOpen.dropFirst()
        while let found = search.firstRange(of: marker) {
            let inner = afterOpen[afterOpen.startIndex..<found.lowerBound]
            let after = afterOpen[found.upperBound...]
            let closesCleanly = inner.last != " " && !(after.first.map { $0.isLetter || $0.isNumber } ?? false)
                && !(marker == "*" && after.first == "*")
            if closesCleanly { return (inner, after) }
            search = afterOpen[found.upperBound...]
        }
        return nil
    }
}
