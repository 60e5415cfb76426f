/// Fits text the playground writes (panels, `%help`, `%server`, `%why`, hints) to the terminal's width: every line
/// wider than the width is wrapped at word boundaries (``TextWrap``), and its continuation lines are indented under
/// its text — past its leading spaces and a leading marker (`•`, `-`, `hint:`, a `%magic` usage column). Lines that
/// fit are left exactly as they are; a `nil` width (piped) leaves everything as it is.
public enum WidthFit {
    public static func fit(
        _ text: StyledText, width: Int?, onlyLinesWhere shouldFit: (String) -> Bool = { _ in true }
    ) -> StyledText {
        guard let width else { return text }
        var out = StyledText()
        let lines = splitLines(text)
        for (index, line) in lines.enumerated() {
            if index > 0 { out.append("\n") }
            guard line.visibleWidth > width, shouldFit(line.plainText) else {
                out.append(line)
                continue
            }
            let indent = hangingIndent(of: line.plainText)
            let (head, rest) = split(line, at: indent.prefixLength)
            let wrapped = TextWrap.wrap(rest, width: max(width - indent.columns, 1))
            for (number, piece) in wrapped.enumerated() {
                if number > 0 { out.append("\n" + String(repeating: " ", count: indent.columns)) } else { out.append(head) }
                out.append(piece)
            }
        }
        return out
    }

    /// The same for plain strings.
    public static func fit(_ text: String, width: Int?) -> String {
        fit(StyledText(text), width: width).plainText
    }

    /// Where a line's text starts: its leading spaces, then a marker, then the spaces after it.
    static func hangingIndent(of line: String) -> (prefixLength: Int, columns: Int) {
        let characters = Array(line)
        var index = 0
        while index < characters.count, characters[index] == " " { index += 1 }
        let rest = String(characters[index...])
        for marker in ["• ", "- ", "* ", "hint: ", "note: ", "✓ ", "↻ "] where rest.hasPrefix(marker) {
            index += marker.count
            break
        }
        // A two-column table row (`  %timeline [all]     what it does`): continue under the second column.
        let tail = Array(rest)
        // A table row (`%timeline [all]     what it does`, `opened         new TCP connections`): a short first
        // column, then three or more spaces.
        if let gap = (0..<max(tail.count - 2, 0)).first(where: { tail[$0] == " " && tail[$0 + 1] == " " && tail[$0 + 2] == " " }),
            gap > 0, gap < 24
        {
            var end = gap
            while end < tail.count, tail[end] == " " { end += 1 }
            index += end
        }
        while index < characters.count, characters[index] == " " { index += 1 }
        let prefix = String(characters[..<index])
        return (index, visibleWidth(prefix))
    }

    /// The lines of a styled text, without the newlines.
    static func splitLines(_ text: StyledText) -> [StyledText] {
        var lines: [StyledText] = [StyledText()]
        for segment in text.segments {
            let parts = segment.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                if index > 0 { lines.append(StyledText()) }
                if !part.isEmpty { lines[lines.count - 1].append(String(part), style: segment.style) }
            }
        }
        return lines
    }

    /// The first `count` characters and the rest, keeping styles.
    static func split(_ text: StyledText, at count: Int) -> (StyledText, StyledText) {
        var head = StyledText()
        var tail = StyledText()
        var remaining = count
        for segment in text.segments {
            if remaining <= 0 {
                tail.append(segment.text, style: segment.style)
            } else if segment.text.count <= remaining {
                head.append(segment.text, style: segment.style)
                remaining -= segment.text.count
            } else {
                let cut = segment.text.index(segment.text.startIndex, offsetBy: remaining)
                head.append(String(segment.text[..<cut]), style: segment.style)
                tail.append(String(segment.text[cut...]), style: segment.style)
                remaining = 0
            }
        }
        return (head, tail)
    }
}
