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

    // Issue 9: inline code is styled, never shown with its raw backticks.
    @Test func plainDropsMarkup() {
        let expected = """
            Limits belong to the HTTP client, not to OpenAI.

            Why
            • max_connections caps open connections;
            • a lone ` backtick and 2 * 3 stay as written.

                >>> limits
            """
        #expect(PlainDecorator().render(MarkdownView(Self.source).render()) == expected)
    }

    @Test func ansiStylesCodeBoldHeadingsAndBlocks() {
        let code = { (name: String) in "\(e)[36m\(name)\(e)[0m" }
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

    @Test func emphasisIsStyledAndIdentifiersAreNot() {
        let plain = { (text: String) in PlainDecorator().render(MarkdownView(text).render()) }
        #expect(plain("an *idle* connection, **kept** alive") == "an idle connection, kept alive")
        #expect(plain("_max_connections and _max_keepalive_connections_") == "_max_connections and _max_keepalive_connections_")
        #expect(plain("2 * 3 * 4 and a*b*c") == "2 * 3 * 4 and a*b*c")
        let styled = MarkdownView("an *idle* one").render()
        #expect(styled.segments.contains { $0.text == "idle" && $0.style == .italic })
    }

    @Test func withAWidthParagraphsAndItemsAreReflowed() {
        let source = """
            One two three four
            five six.

            - alpha beta gamma
              delta
            """
        let text = PlainDecorator().render(MarkdownView(source, width: 14).render())
        #expect(text == "One two three\nfour five six.\n\n• alpha beta\n  gamma delta")
    }

    @Test func cjkLinesJoinWithoutASpace() {
        let text = PlainDecorator().render(MarkdownView("连接池\n最大连接数", width: 40).render())
        #expect(text == "连接池最大连接数")
    }
}
