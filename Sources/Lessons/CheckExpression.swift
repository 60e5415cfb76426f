/// Splits a step's check into the parts `%check` reports on.
///
/// A check such as `a == 1 and b == 2` is true when every part is; when it fails, the learner is told which part
/// is false. Only a top-level `and` splits: one inside brackets or a string literal does not.
public enum CheckExpression {
    /// The top-level `and` operands of `expression`, trimmed; the whole expression when there is none.
    ///
    /// - Parameter expression: A Python expression.
    /// - Returns: Its conjuncts, in order.
    public static func conjuncts(_ expression: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        var escaped = false
        let characters = Array(expression)
        var index = 0
        func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        while index < characters.count {
            let c = characters[index]
            if let open = quote {
                current.append(c)
                if escaped {
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == open {
                    quote = nil
                }
                index += 1
                continue
            }
            switch c {
            case "\"", "'": quote = c
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            default: break
            }
            if depth == 0, c == "a", index + 3 <= characters.count, String(characters[index..<index + 3]) == "and",
                index == 0 || !isWordCharacter(characters[index - 1]),
                index + 3 == characters.count || !isWordCharacter(characters[index + 3])
            {
                parts.append(current.trimmingWhitespace())
                current = ""
                index += 3
                continue
            }
            current.append(c)
            index += 1
        }
        parts.append(current.trimmingWhitespace())
        let kept = parts.filter { !$0.isEmpty }
        return kept.isEmpty ? [expression.trimmingWhitespace()] : kept
    }
}
