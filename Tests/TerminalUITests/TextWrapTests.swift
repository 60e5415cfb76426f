import Testing

@testable import TerminalUI

/// Wrapping to a width: at spaces, between CJK characters (two columns each), never before closing punctuation,
/// with a hanging indent, and with styles kept.
@Suite struct TextWrapTests {
    @Test func breaksAtSpaces() {
        #expect(TextWrap.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
        #expect(TextWrap.wrap("", width: 10) == [""])
        #expect(TextWrap.wrap("fits", width: 10) == ["fits"])
    }

    @Test func keepsAWordWiderThanTheLineWhole() {
        #expect(TextWrap.wrap("abcdefghij xy", width: 4) == ["abcdefghij", "xy"])
        #expect(TextWrap.wrap("see https://example.test/a/very/long/path now", width: 12)
            == ["see", "https://example.test/a/very/long/path", "now"])
    }

    @Test func cjkCountsTwoColumnsAndBreaksBetweenCharacters() {
        let lines = TextWrap.wrap("连接池的最大连接数", width: 8)
        #expect(lines == ["连接池的", "最大连接", "数"])
        #expect(lines.allSatisfy { visibleWidth($0) <= 8 })
    }

    @Test func closingPunctuationStaysWithTheCharacterBefore() {
        #expect(TextWrap.wrap("连接池，最大", width: 6) == ["连接", "池，最", "大"])
    }

    @Test func mixedLatinAndCJK() {
        #expect(TextWrap.wrap("设置 max_connections 为 10", width: 20) == ["设置 max_connections", "为 10"])
    }

    @Test func hangingIndentAndStylesAreKept() {
        var text = StyledText("• ")
        text.append("alpha", style: .bold)
        text.append(" beta gamma")
        let lines = TextWrap.wrap(text, width: 10, hangingIndent: 2)
        #expect(lines.map(\.plainText) == ["• alpha", "  beta", "  gamma"])
        #expect(lines[0].segments.contains { $0.text == "alpha" && $0.style == .bold })
    }
}
