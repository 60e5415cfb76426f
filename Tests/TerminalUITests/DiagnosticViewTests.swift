import Testing

@testable import TerminalUI

@Suite struct DiagnosticViewTests {
    let e = "\u{1B}"

    static let typeError = """
        Traceback (most recent call last):
          File "<stdin>", line 1, in <module>
        TypeError: OpenAI.__init__() got an unexpected keyword argument 'limits'
          hint: limits belong to the HTTP client: OpenAI(http_client=httpx.Client(limits=...))
        """

    static let syntaxError = """
          File "<stdin>", line 1
            client = AsyncOpenAI(http_client=
                                ^
        SyntaxError: '(' was never closed

        """

    @Test(arguments: [typeError, syntaxError, "", "\n", "httpx.PoolTimeout\n", "  ~~~^^^\r\n"])
    func plainRenderingIsByteIdentical(_ text: String) {
        #expect(Array(PlainDecorator().render(DiagnosticView(text).render()).utf8) == Array(text.utf8))
    }

    @Test func tracebackStylesErrorAndHint() {
        let expected = """
            Traceback (most recent call last):
              File "<stdin>", line 1, in <module>
            \(e)[31mTypeError: OpenAI.__init__() got an unexpected keyword argument 'limits'\(e)[0m
              \(e)[36mhint: limits belong to the HTTP client: OpenAI(http_client=httpx.Client(limits=...))\(e)[0m
            """
        #expect(ANSIDecorator().render(DiagnosticView(Self.typeError).render()) == expected)
    }

    @Test func syntaxErrorStylesCaret() {
        let caret = String(repeating: " ", count: 24) + "^"
        #expect(Self.syntaxError.split(separator: "\n", omittingEmptySubsequences: false)[2] == caret)
        let expected = """
              File "<stdin>", line 1
                client = AsyncOpenAI(http_client=
            \(e)[1m\(caret)\(e)[0m
            \(e)[31mSyntaxError: '(' was never closed\(e)[0m

            """
        #expect(ANSIDecorator().render(DiagnosticView(Self.syntaxError).render()) == expected)
    }

    @Test(arguments: [
        ("httpx.PoolTimeout", true),
        ("KeyboardInterrupt", true),
        ("openai.APIConnectionError: Connection error.", true),
        ("Traceback (most recent call last):", false),
        ("During handling of the above exception, another exception occurred:", false),
        ("1: not a name", false),
        ("", false),
    ])
    func exceptionLines(line: String, isException: Bool) {
        #expect(DiagnosticView.isExceptionLine(Substring(line)) == isException)
    }

    @Test func indentedNamesAndCaretsInSourceAreNotMisread() {
        // Source lines inside a traceback are indented; "x ^ y" is source, not a caret line.
        #expect(!DiagnosticView.isCaretLine("    x ^ y"))
        #expect(DiagnosticView.isCaretLine("    ~~~~^^^^"))
        let text = "    ValueError: looks like one but is indented"
        #expect(ANSIDecorator().render(DiagnosticView(text).render()) == text)
    }
}
