/// A block of Python set apart from the prose around it: each line indented by four spaces, highlighted.
///
/// Keywords are bold magenta, string literals green, comments dim, everything else in the code colour (yellow).
/// The highlighting is lexical and forgiving (an unclosed string runs to the end of the line). Lines are never
/// wrapped: a wrapped line of Python would not be the line to type. Plain output is the code, indented.
public struct CodeBlockView: Sendable, Hashable {
    /// The code, lines separated by `\n`.
    public var code: String

    /// Creates the view.
    ///
    /// - Parameter code: The code.
    public init(_ code: String) {
        self.code = code
    }

    /// Python's keywords, and the three constants, as highlighted.
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    /// Every line as `    line\n`.
    ///
    /// - Returns: The styled text, ending with a newline.
    public func render() -> StyledText {
        var text = StyledText()
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
            text.append("    ", style: .yellow)
            text.append(Self.highlight(line))
            text.append("\n", style: .yellow)
        }
        return text
    }

    /// One line of Python, highlighted.
    static func highlight(_ line: Substring) -> StyledText {
        var result = StyledText()
        var rest = line
        while let first = rest.first {
            if first == "#" {
                result.append(String(rest), style: .dim)
                break
            }
            if first == "\"" || first == "'" {
                var end = rest.index(after: rest.startIndex)
                var escaped = false
                while end < rest.endIndex {
                    let c = rest[end]
                    end = rest.index(after: end)
                    if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == first { break }
                }
                result.append(String(rest[..<end]), style: .green)
                rest = rest[end...]
                continue
            }
            if first.isLetter || first == "_" {
                let word = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                result.append(String(word), style: keywords.contains(String(word)) ? [.bold, .magenta] : .yellow)
                rest = rest[word.endIndex...]
                continue
            }
            let other = rest.prefix { !($0.isLetter || $0 == "_" || $0 == "#" || $0 == "\"" || $0 == "'") }
            result.append(String(other), style: .yellow)
            rest = rest[other.endIndex...]
        }
        return result
    }
}
