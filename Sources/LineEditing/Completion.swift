/// What a TAB press does, computed without touching the terminal so it can be unit-tested.
public enum CompletionAction: Sendable, Equatable {
    /// Insert this text at the cursor: the rest of the unique candidate (plus a space if it ends a word).
    case insert(String)
    /// Insert this text at the cursor: the rest of the candidates' common prefix. A TAB right after
    /// it counts as a second TAB and lists the candidates.
    case extend(String)
    /// Show these candidates under the line, then redraw the prompt and line.
    case list([String])
    /// Nothing to do (no candidates, or ambiguous on the first TAB): ring the bell.
    case beep
}

/// The pure TAB logic used by ``LibEditLineReader``, readline-style:
/// a unique candidate is inserted (plus a space unless it ends in `(`, `=`, `.`, `[` or `/`);
/// several candidates first extend the word to their longest common prefix (then the next TAB
/// lists them); if there is nothing to extend, the first TAB beeps and a second TAB lists them.
///
/// The completer receives the whole line up to the cursor and returns **full words** that start
/// with ``currentWord(in:)`` — e.g. for `httpx.Limits(max_c` the word is `max_c` and a candidate
/// is `max_connections=`; for `httpx.Li` the word is `httpx.Li` (dots belong to the word) and a
/// candidate is `httpx.Limits(`. Candidates that do not start with the word are ignored.
public enum Completion {
    /// Characters that end a word. Dots and underscores stay inside words.
    public static let wordBreaks: Set<Character> = [
        " ", "\t", "\n", "(", ")", "[", "]", "{", "}", ",", "=", ":", ";", "'", "\"", "+", "-", "*",
        "/", "<", ">", "!", "%", "&", "|", "^", "~", "@", "#",
    ]

    /// The word being completed: the text after the last word-break before the cursor.
    public static func currentWord(in lineBeforeCursor: String) -> Substring {
        guard let lastBreak = lineBeforeCursor.lastIndex(where: { wordBreaks.contains($0) }) else {
            return lineBeforeCursor[...]
        }
        return lineBeforeCursor[lineBeforeCursor.index(after: lastBreak)...]
    }

    /// Decides what TAB does.
    /// - Parameters:
    ///   - lineBeforeCursor: the edit buffer from its start up to the cursor.
    ///   - candidates: what the completer returned for that text.
    ///   - isRepeatedTab: true when the previous key was TAB on the same text.
    public static func action(
        lineBeforeCursor: String, candidates: [String], isRepeatedTab: Bool
    ) -> CompletionAction {
        let word = String(currentWord(in: lineBeforeCursor))
        var seen = Set<String>()
        let matches = candidates.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
        guard let first = matches.first else { return .beep }
        if matches.count == 1 {
            let rest = String(first.dropFirst(word.count))
            let suffix = first.last.map { "(=.[/".contains($0) } == true ? "" : " "
            return .insert(rest + suffix)
        }
        let common = longestCommonPrefix(matches)
        if common.count > word.count {
            return .extend(String(common.dropFirst(word.count)))
        }
        return isRepeatedTab ? .list(matches.sorted()) : .beep
    }

    /// The longest prefix shared by all strings, compared by `Character`.
    public static func longestCommonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first.map(Array.init) else { return "" }
        for string in strings.dropFirst() {
            let characters = Array(string)
            var length = 0
            while length < prefix.count, length < characters.count, prefix[length] == characters[length] {
                length += 1
            }
            prefix.removeSubrange(length...)
        }
        return String(prefix)
    }

    /// Lays candidates out in columns that fit `width` terminal cells (one byte per cell assumed
    /// for ASCII names; wider text just gets fewer columns).
    public static func columns(_ candidates: [String], width: Int) -> String {
        let cell = (candidates.map(\.count).max() ?? 0) + 2
        let perRow = max(1, width / max(cell, 1))
        var lines: [String] = []
        var index = 0
        while index < candidates.count {
            let row = candidates[index..<min(index + perRow, candidates.count)]
            let padded = row.enumerated().map { offset, name in
                offset == row.count - 1 ? name : name + String(repeating: " ", count: cell - name.count)
            }
            lines.append(padded.joined())
            index += perRow
        }
        return lines.joined(separator: "\n")
    }
}
