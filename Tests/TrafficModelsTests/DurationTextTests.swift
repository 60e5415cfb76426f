import Testing

@testable import TrafficModels

/// The text form of durations that every knob shares.
@Suite struct DurationTextTests {
    @Test func parsesEveryUnit() {
        #expect(DurationText.parse("250ms") == .milliseconds(250))
        #expect(DurationText.parse(" 1.5S\t") == .milliseconds(1500))
        #expect(DurationText.parse("2m") == .seconds(120))
        #expect(DurationText.parse("500us") == .microseconds(500))
        #expect(DurationText.parse("500µs") == .microseconds(500))
        #expect(DurationText.parse("0") == .zero)
        #expect(DurationText.parse("\u{00A0}3s") == .seconds(3))
    }

    @Test func rejectsAnythingElse() {
        for text in ["", "5", "-1s", "ms", "1h", "infs", "1.5 s x"] {
            #expect(DurationText.parse(text) == nil, "\(text)")
        }
    }

    @Test func formatsMillisecondsThenSeconds() {
        #expect(DurationText.format(.milliseconds(200)) == "200ms")
        #expect(DurationText.format(.milliseconds(1250)) == "1250ms")
        #expect(DurationText.format(.milliseconds(1500)) == "1.5s")
        #expect(DurationText.format(.seconds(2)) == "2s")
        #expect(DurationText.format(.microseconds(1999)) == "1ms")
    }

    @Test func trimsWhatFoundationCallsWhitespace() {
        #expect(DurationText.trimmingBlanks(" \t\u{2003}a b\u{3000} ") == "a b")
        #expect(DurationText.trimmingBlanks("\n1s") == "\n1s")
        #expect(DurationText.trimmingBlanks("  ") == "")
    }
}

@Suite struct ResetTextTests {
    @Test(arguments: [
        (Duration.zero, "0ms"), (.milliseconds(20), "20ms"), (.microseconds(12_001), "13ms"), (.seconds(1), "1s"),
        (.milliseconds(1500), "1.5s"), (.milliseconds(59_999), "59.999s"), (.seconds(360), "6m0s"),
        (.milliseconds(61_250), "1m1.25s"), (.seconds(3723), "1h2m3s"),
    ])
    func formatsAsTheAPIDoes(duration: Duration, text: String) {
        #expect(DurationText.formatReset(duration) == text)
    }
}
