import Testing

@testable import TerminalUI

@Suite struct TerminalCapabilitiesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var environment: [String: String]
        var tty: Bool
        var flag: Bool
        var expected: Bool
        var testDescription: String { "\(environment) tty=\(tty) --no-color=\(flag) → \(expected)" }
    }

    static let cases: [Case] = [
        // TTY and TERM decide when nothing overrides.
        Case(environment: ["TERM": "xterm-256color"], tty: true, flag: false, expected: true),
        Case(environment: [:], tty: true, flag: false, expected: true),
        Case(environment: ["TERM": "xterm"], tty: false, flag: false, expected: false),
        Case(environment: ["TERM": "dumb"], tty: true, flag: false, expected: false),
        // --no-color beats the TTY.
        Case(environment: ["TERM": "xterm"], tty: true, flag: true, expected: false),
        // NO_COLOR beats the TTY; empty NO_COLOR is unset.
        Case(environment: ["TERM": "xterm", "NO_COLOR": "1"], tty: true, flag: false, expected: false),
        Case(environment: ["TERM": "xterm", "NO_COLOR": ""], tty: true, flag: false, expected: true),
        // FORCE_COLOR beats NO_COLOR, --no-color, pipes and TERM=dumb.
        Case(environment: ["FORCE_COLOR": "1", "NO_COLOR": "1"], tty: false, flag: true, expected: true),
        Case(environment: ["FORCE_COLOR": "3", "TERM": "dumb"], tty: false, flag: false, expected: true),
        Case(environment: ["FORCE_COLOR": "true"], tty: false, flag: false, expected: true),
        // FORCE_COLOR=0/false forces colour off, even on a TTY; empty is unset.
        Case(environment: ["FORCE_COLOR": "0", "TERM": "xterm"], tty: true, flag: false, expected: false),
        Case(environment: ["FORCE_COLOR": "FALSE", "TERM": "xterm"], tty: true, flag: false, expected: false),
        Case(environment: ["FORCE_COLOR": "", "TERM": "xterm"], tty: true, flag: false, expected: true),
        Case(environment: ["FORCE_COLOR": "", "NO_COLOR": "x"], tty: true, flag: false, expected: false),
    ]

    @Test(arguments: cases)
    func colourPolicy(_ item: Case) {
        let enabled = TerminalCapabilities.colorEnabled(
            environment: item.environment,
            stdoutIsTTY: item.tty,
            noColorFlag: item.flag
        )
        #expect(enabled == item.expected)
    }

    @Test func decoratorFollowsThePolicy() {
        let text = StyledText("x", style: .red)
        #expect(TerminalCapabilities(colorEnabled: true).decorator.render(text) == "\u{1B}[31mx\u{1B}[0m")
        #expect(TerminalCapabilities(colorEnabled: false).decorator.render(text) == "x")
    }

    @Test func detectHonoursOverridesWhateverStdoutIs() {
        #expect(TerminalCapabilities.detect(environment: ["FORCE_COLOR": "1"], noColorFlag: true).colorEnabled)
        #expect(!TerminalCapabilities.detect(environment: ["TERM": "xterm"], noColorFlag: true).colorEnabled)
    }
}
