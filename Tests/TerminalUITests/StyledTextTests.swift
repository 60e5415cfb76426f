import Testing

@testable import TerminalUI

@Suite struct StyledTextTests {
    let esc = "\u{1B}"

    @Test func plainDecoratorDropsStyles() {
        let text = StyledText("idle", style: .green) + " " + StyledText("3", style: [.bold, .red])
        #expect(PlainDecorator().render(text) == "idle 3")
    }

    @Test func ansiDecoratorWrapsEachStyledSegment() {
        let text = StyledText("idle", style: .green) + " " + StyledText("3", style: [.bold, .red])
        #expect(ANSIDecorator().render(text) == "\(esc)[32midle\(esc)[0m \(esc)[1;31m3\(esc)[0m")
    }

    @Test func codesPutAttributesBeforeColourAndGrayIs90() {
        #expect(ANSIDecorator.codes(for: [.underline, .gray, .dim, .italic, .bold]) == [1, 2, 3, 4, 90])
        #expect(ANSIDecorator.codes(for: .plain) == [])
        #expect(
            Style.Color.allCases.map { ANSIDecorator.codes(for: Style(color: $0)) } == [
                [30], [31], [32], [33], [34], [35], [36], [37], [90],
            ]
        )
    }

    @Test func laterColourWinsAndAttributesAccumulate() {
        let style: Style = [.red, .bold, .cyan]
        #expect(style == Style(color: .cyan, isBold: true))
        #expect(Style().isPlain)
    }

    @Test func styledLinesAreClosedBeforeEachNewline() {
        let text = StyledText("a\n\nb", style: .red)
        #expect(ANSIDecorator().render(text) == "\(esc)[31ma\(esc)[0m\n\n\(esc)[31mb\(esc)[0m")
    }

    @Test func segmentsAreNormalised() {
        var text = StyledText("ab", style: .red)
        text.append("", style: .blue)
        text.append("c", style: .red)
        text += StyledText("d")
        #expect(text.segments == [.init("abc", style: .red), .init("d")])
        #expect(text == StyledText(segments: [.init("a", style: .red), .init("bc", style: .red), .init("d")]))
        #expect(StyledText("").isEmpty)
    }

    @Test func joinedUsesAPlainSeparator() {
        let joined = [StyledText("x", style: .bold), "y"].joined(separator: ", ")
        #expect(joined.segments == [.init("x", style: .bold), .init(", y")])
    }

    @Test func applyingLaysAStyleOverEverySegment() {
        let text = (StyledText("a", style: .red) + "b").applying(.bold)
        #expect(ANSIDecorator().render(text) == "\(esc)[1;31ma\(esc)[0m\(esc)[1mb\(esc)[0m")
    }
}
