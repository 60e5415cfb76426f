import Testing

@testable import TerminalUI

@Suite struct VisibleWidthTests {
    @Test(arguments: [
        ("max_connections", 15),
        ("", 0),
        ("设置最大连接数", 14),  // CJK ideographs: two columns each
        ("# 设置最大连接数", 16),
        ("ｍａｘ", 6),  // fullwidth Latin
        ("カタカナ", 8),
        ("한국어", 6),  // precomposed Hangul syllables
        ("\u{1100}\u{1161}\u{11A8}", 2),  // decomposed Hangul: one syllable
        ("e\u{301}", 1),  // combining acute accent
        ("\u{301}", 0),  // a lone combining mark
        ("a\u{200B}b", 2),  // zero-width space
        ("✓ ok", 4),
        ("🚀", 2),
        ("👨\u{200D}👩\u{200D}👧", 2),  // ZWJ family
        ("❤\u{FE0F}", 2),  // emoji presentation selector
        ("──", 2),  // ambiguous width counts 1
        ("\u{1B}[1;31mred\u{1B}[0m", 3),
        ("\u{1B}[32m连接\u{1B}[0m", 4),
        ("\u{1B}]8;;http://x\u{07}link\u{1B}]8;;\u{1B}\\", 4),  // OSC 8 hyperlink
        ("tab\there", 7),
    ])
    func widths(text: String, width: Int) {
        #expect(visibleWidth(text) == width)
    }

    @Test func styledTextWidthIgnoresStyles() {
        let text = StyledText("连接", style: [.bold, .green]) + " idle"
        #expect(text.visibleWidth == 9)
        #expect(visibleWidth(ANSIDecorator().render(text)) == 9)
    }

    @Test func stripRemovesOnlyEscapes() {
        #expect(stripANSIEscapes("\u{1B}[1mbold\u{1B}[0m and \u{1B}[2Kplain") == "bold and plain")
        #expect(stripANSIEscapes("no escapes 你好") == "no escapes 你好")
    }
}
