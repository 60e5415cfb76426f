import Testing

@testable import TerminalUI

@Suite struct WidthFitTests {
    @Test func linesThatFitStayAsTheyAre() {
        let text = "  short\n\n  also short  "
        #expect(WidthFit.fit(text, width: 60) == text)
        #expect(WidthFit.fit("x" + String(repeating: " y", count: 50), width: nil).count == 101)
    }

    @Test func continuationLinesGoUnderTheText() {
        let line = "  • ×18 conn 1–18: closed when it went idle: httpcore 1.0.9 compares max_keepalive_connections=2 with all"
        let fitted = WidthFit.fit(line, width: 40).split(separator: "\n").map(String.init)
        #expect(fitted.allSatisfy { visibleWidth($0) <= 40 })
        #expect(fitted[0].hasPrefix("  • ×18"))
        #expect(fitted.dropFirst().allSatisfy { $0.hasPrefix("    ") && !$0.hasPrefix("     ") })
        #expect(fitted.joined(separator: " ").split(separator: " ").joined(separator: " ")
            == line.split(separator: " ").joined(separator: " "))
    }

    @Test func aHelpTableRowContinuesUnderItsSecondColumn() {
        let row = "  %timeline [all]     each connection's activity during the last statement (all: everything kept)"
        let fitted = WidthFit.fit(row, width: 60).split(separator: "\n").map(String.init)
        #expect(fitted.count == 2)
        #expect(fitted.allSatisfy { visibleWidth($0) <= 60 })
        #expect(fitted[1].hasPrefix(String(repeating: " ", count: 22)))
    }

    @Test func cjkCountsTwoColumnsAndStylesSurvive() {
        var text = StyledText("  hint: ", style: .dim)
        text.append("连接池的最大连接数决定了同时打开的连接数量，超过的请求会排队等待", style: .yellow)
        let fitted = WidthFit.fit(text, width: 30)
        let lines = fitted.plainText.split(separator: "\n").map(String.init)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { visibleWidth($0) <= 30 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("        ") })
        #expect(fitted.segments.contains { $0.style == .yellow })
    }

    @Test func aWordLongerThanTheWidthStaysWhole() {
        let fitted = WidthFit.fit("see https://example.test/a/very/long/path/to/a/page", width: 20)
        #expect(fitted.split(separator: "\n").map(String.init) == ["see", "https://example.test/a/very/long/path/to/a/page"])
    }
}
