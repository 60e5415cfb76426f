/// A block of Python set apart from the prose around it: each line indented by four spaces, in the code colour.
///
/// Lines are never wrapped (a wrapped line of Python would not be the line to type).
public struct CodeBlockView: Sendable, Hashable {
    /// The code, lines separated by `\n`.
    public var code: String

    /// Creates the view.
    ///
    /// - Parameter code: The code.
    public init(_ code: String) {
        self.code = code
    }

    /// Every line as `    line\n`, in yellow.
    ///
    /// - Returns: The styled text, ending with a newline.
    public func render() -> StyledText {
        var text = StyledText()
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
            text.append("    \(line)\n", style: .yellow)
        }
        return text
    }
}
