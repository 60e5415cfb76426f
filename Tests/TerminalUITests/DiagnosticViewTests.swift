import Testing

@testable import TerminalUI

@Suite struct DiagnosticViewTests {
    let e = "\u{1B}"
    typealias Span = DiagnosticView.Span

    /// A traceback with a hint, as the interpreter lays it out.
    static let typeError: [[Span]] = [
        [Span("Traceback (most recent call last):", .plain)],
        [Span("  File \"<stdin>\", line 1, in <module>", .plain)],
        [Span("TypeError: OpenAI.__init__() got an unexpected keyword argument 'limits'", .exception)],
        [Span("  ", .plain), Span("hint: limits belong to the HTTP client: OpenAI(http_client=httpx.Client(limits=...))", .note)],
    ]

    static let syntaxError: [[Span]] = [
        [Span("  File \"<stdin>\", line 1", .plain)],
        [Span("    client = AsyncOpenAI(http_client=", .plain)],
        [Span("    " + String(repeating: " ", count: 20) + "^", .caret)],
        [Span("SyntaxError: '(' was never closed", .exception)],
    ]

    static func text(_ lines: [[Span]]) -> String { lines.map { $0.map(\.text).joined() + "\n" }.joined() }

    @Test(arguments: [typeError, syntaxError, [], [[]], [[Span("httpx.PoolTimeout", .exception)]], [[Span("  ~~~^^^\r", .caret)]]])
    func plainRenderingIsByteIdentical(_ lines: [[Span]]) {
        #expect(Array(PlainDecorator().render(DiagnosticView(lines: lines).render()).utf8) == Array(Self.text(lines).utf8))
    }

    @Test func tracebackStylesErrorAndHint() {
        let expected = """
            Traceback (most recent call last):
              File "<stdin>", line 1, in <module>
            \(e)[31mTypeError: OpenAI.__init__() got an unexpected keyword argument 'limits'\(e)[0m
              \(e)[36mhint: limits belong to the HTTP client: OpenAI(http_client=httpx.Client(limits=...))\(e)[0m

            """
        #expect(ANSIDecorator().render(DiagnosticView(lines: Self.typeError).render()) == expected)
    }

    @Test func syntaxErrorStylesCaret() {
        let caret = String(repeating: " ", count: 24) + "^"
        let expected = """
              File "<stdin>", line 1
                client = AsyncOpenAI(http_client=
            \(e)[1m\(caret)\(e)[0m
            \(e)[31mSyntaxError: '(' was never closed\(e)[0m

            """
        #expect(ANSIDecorator().render(DiagnosticView(lines: Self.syntaxError).render()) == expected)
    }

    @Test func stylesFollowRolesNotText() {
        // Source that looks like an exception line or a caret line stays plain: the view never reads the text.
        let lines: [[Span]] = [[Span("ValueError: looks like one", .plain)], [Span("    ~~~^^^", .plain)]]
        #expect(ANSIDecorator().render(DiagnosticView(lines: lines).render()) == Self.text(lines))
        // An exception line inside a group's box is red after its plain margin.
        let member: [[Span]] = [[Span("    | ", .margin), Span("ValueError: a", .exception)]]
        #expect(ANSIDecorator().render(DiagnosticView(lines: member).render()) == "    | \(e)[31mValueError: a\(e)[0m\n")
    }

    @Test func onlyNotesOutsideAGroupWrapToTheWidth() {
        let note = "hint: this is a rather long hint that will not fit"
        let lines: [[Span]] = [
            [Span("TypeError: a message that is longer than the width stays as CPython prints it", .exception)],
            [Span("  ", .plain), Span(note, .note)],
            [Span("  | ", .margin), Span("  ", .plain), Span(note, .note)],
        ]
        let plain = PlainDecorator().render(DiagnosticView(lines: lines, width: 30).render())
        #expect(
            plain == """
                TypeError: a message that is longer than the width stays as CPython prints it
                  hint: this is a rather long
                        hint that will not fit
                  |   hint: this is a rather long hint that will not fit

                """)
    }
}
