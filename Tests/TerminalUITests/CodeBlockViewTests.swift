import Testing

@testable import TerminalUI

/// Code blocks: indented by four, highlighted in colour, byte-for-byte the code in plain text.
@Suite struct CodeBlockViewTests {
    static let code = "import httpx  # the client\nx = f('a # b', \"c\")"

    @Test func plainIsTheCodeIndented() {
        #expect(PlainDecorator().render(CodeBlockView(Self.code).render()) == "    import httpx  # the client\n    x = f('a # b', \"c\")\n")
    }

    @Test func keywordsStringsAndCommentsAreStyled() {
        let segments = CodeBlockView(Self.code).render().segments
        #expect(segments.contains { $0.text == "import" && $0.style == [.bold, .magenta] })
        #expect(segments.contains { $0.text == "# the client" && $0.style == .dim })
        #expect(segments.contains { $0.text == "'a # b'" && $0.style == .green })
        #expect(segments.contains { $0.text == "\"c\"" && $0.style == .green })
        #expect(!segments.contains { $0.text.contains("httpx") && $0.style == [.bold, .magenta] })
    }
}
