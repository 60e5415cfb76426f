import Testing

@testable import TerminalUI

@Suite struct MarkdownViewTests {
    let e = "\u{1B}"

    static let source = """
        Limits belong to the **HTTP client**, not to `OpenAI`.

        ### Why
        - `max_connections` caps open connections;
        * a lone ` backtick and 2 * 3 stay as written.

        ```text
        >>> limits
        ```
        """

    @Test func plainKeepsBackticksAndDropsMarkup() {
        let expected = """
            Limits belong to the HTTP client, not to `OpenAI`.

            Why
            • `max_connections` caps open connections;
            • a lone ` backtick and 2 * 3 stay as written.

                >>> limits
            """
        #expect(PlainDecorator().render(MarkdownView(Self.source).render()) == expected)
    }

    @Test func ansiStylesCodeBoldHeadingsAndBlocks() {
        let code = { (name: String) in "\(e)[2m`\(e)[0m\(e)[36m\(name)\(e)[0m\(e)[2m`\(e)[0m" }
        let expected = [
            "Limits belong to the \(e)[1mHTTP client\(e)[0m, not to \(code("OpenAI")).",
            "",
            "\(e)[1mWhy\(e)[0m",
            "• \(code("max_connections")) caps open connections;",
            "• a lone ` backtick and 2 * 3 stay as written.",
            "",
            "\(e)[2m    >>> limits\(e)[0m",
        ].joined(separator: "\n")
        #expect(ANSIDecorator().render(MarkdownView(Self.source).render()) == expected)
    }
}
