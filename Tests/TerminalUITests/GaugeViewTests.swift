import Testing

@testable import TerminalUI

@Suite struct GaugeViewTests {
    static let reading = GaugeReading(
        done: 12, started: 20, activeRequests: 5, queuedRequests: 3, openConnections: 5, idleConnections: 0,
        elapsed: 2.46)

    @Test func allPartsWhenTheyFit() {
        #expect(GaugeView.render(Self.reading, width: 100).plainText
            == "⏵ 12/20 done · 5 active, 3 queued · 5 open, 0 idle · 2.4s")
    }

    @Test func dropsPartsFromTheRightButKeepsProgressAndTime() {
        let at45 = GaugeView.render(Self.reading, width: 45).plainText
        #expect(at45 == "⏵ 12/20 done · 5 active, 3 queued · 2.4s")
        #expect(visibleWidth(at45) <= 44)
        #expect(visibleWidth(GaugeView.render(Self.reading, width: 40).plainText) <= 39)
        #expect(GaugeView.render(Self.reading, width: 20).plainText == "⏵ 12/20 done · 2.4s")
    }

    @Test func elapsedTimes() {
        #expect(GaugeView.formatElapsed(0.39) == "0.3s")
        #expect(GaugeView.formatElapsed(59.99) == "59.9s")
        #expect(GaugeView.formatElapsed(125) == "2m05s")
    }

    @Test func colourMarksQueuedRequests() {
        let ansi = ANSIDecorator().render(GaugeView.render(Self.reading, width: 100))
        #expect(ansi.contains("\u{1B}["))
        #expect(stripANSIEscapes(ansi) == GaugeView.render(Self.reading, width: 100).plainText)
    }
}
