/// Wraps text to a terminal width, counting columns the way ``visibleWidth(_:)`` does (a CJK character is two).
///
/// Lines break at spaces, and between two wide (CJK) characters, which need no space between them; closing CJK
/// punctuation (`，。、：；！？）」`) stays with the character before it. A word wider than the whole line is kept
/// whole on a line of its own, for the terminal to fold. Styles are kept: a ``StyledText`` wraps at the same places as its plain text.
public enum TextWrap {
    /// Wraps one line of plain text.
    ///
    /// - Parameters:
    ///   - line: The text; a newline in it is treated as a space.
    ///   - width: The columns available (at least 1 is used).
    ///   - hangingIndent: Spaces put before every line but the first (list items).
    /// - Returns: The lines, without trailing spaces; one empty line for empty text.
    public static func wrap(_ line: String, width: Int, hangingIndent: Int = 0) -> [String] {
        wrap(StyledText(line), width: width, hangingIndent: hangingIndent).map(\.plainText)
    }

    /// Wraps one line of styled text.
    ///
    /// - Parameters:
    ///   - text: The text; a newline in it is treated as a space.
    ///   - width: The columns available (at least 1 is used).
    ///   - hangingIndent: Spaces put before every line but the first.
    /// - Returns: The lines.
    public static func wrap(_ text: StyledText, width: Int, hangingIndent: Int = 0) -> [StyledText] {
        let width = max(width, 1)
        let indent = min(max(hangingIndent, 0), width - 1)
        var lines: [StyledText] = []
        var line = StyledText()
        var lineWidth = 0
        func flush() {
            lines.append(line)
            line = StyledText(String(repeating: " ", count: indent))
            lineWidth = indent
        }
        for unit in units(of: text) {
            let gap = unit.spaceBefore && lineWidth > (lines.isEmpty ? 0 : indent) ? 1 : 0
            if lineWidth + gap + unit.width <= width {
                if gap == 1 { line.append(" ", style: unit.spaceStyle) }
                for (character, style) in unit.characters { line.append(String(character), style: style) }
                lineWidth += gap + unit.width
                continue
            }
            if lineWidth > (lines.isEmpty ? 0 : indent) { flush() }
            // The unit starts a line. One wider than the line stays whole: the terminal folds it, and a URL or a
            // long identifier stays one piece that can be copied.
            for (character, style) in unit.characters { line.append(String(character), style: style) }
            lineWidth += unit.width
        }
        lines.append(line)
        return lines
    }

    /// A piece that is never broken inside (unless it is wider than a line): a word, or one wide character with
    /// the closing punctuation after it.
    private struct Unit {
        var characters: [(Character, Style)] = []
        var width = 0
        var spaceBefore = false
        var spaceStyle = Style.plain
    }

    /// Closing punctuation that must not start a line.
    private static let noBreakBefore: Set<Character> = ["，", "。", "、", "：", "；", "！", "？", "）", "」", "』", "》", "”", "’", "…"]

    private static func units(of text: StyledText) -> [Unit] {
        var units: [Unit] = []
        var current = Unit()
        var pendingSpace = false
        var spaceStyle = Style.plain
        var lastWasWide = false
        func finish() {
            if !current.characters.isEmpty { units.append(current) }
            current = Unit()
        }
        for segment in text.segments {
            for character in segment.text {
                if character == " " || character == "\n" || character == "\t" {
                    finish()
                    pendingSpace = true
                    spaceStyle = segment.style
                    lastWasWide = false
                    continue
                }
                let columns = characterWidth(character)
                let isWide = columns == 2
                if noBreakBefore.contains(character), !pendingSpace, !current.characters.isEmpty || !units.isEmpty {
                    if current.characters.isEmpty, var last = units.popLast() {
                        last.characters.append((character, segment.style))
                        last.width += columns
                        current = last
                    } else {
                        current.characters.append((character, segment.style))
                        current.width += columns
                    }
                    lastWasWide = true
                    continue
                }
                if isWide || lastWasWide { finish() }
                if current.characters.isEmpty {
                    current.spaceBefore = pendingSpace
                    current.spaceStyle = spaceStyle
                    pendingSpace = false
                }
                current.characters.append((character, segment.style))
                current.width += columns
                lastWasWide = isWide
            }
        }
        finish()
        return units
    }
}
