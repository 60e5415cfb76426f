import Foundation
import Testing

/// The real binary in a real pseudo-terminal (tmux): libedit editing, history, Ctrl-C and Ctrl-D.
@Suite(.serialized) struct TerminalSessionTests {
    /// Starts dash in tmux (it does not restore the tty itself, so a broken restore shows) and returns it ready.
    private func startShell() throws -> TmuxSession {
        let tmux = try TmuxSession(command: ["/bin/sh"], environment: ["NO_COLOR": "1"])
        tmux.sendLiteral("PS1='sh$ '")
        tmux.sendKeys("Enter")
        try tmux.waitFor("sh$ ")
        return tmux
    }

    @Test(.enabled(if: TmuxSession.isAvailable))
    func typeRecallWithUpAndExitWithCtrlD() throws {
        let tmux = try startShell()
        defer { tmux.kill() }
        let before = try tmux.sttySettings()
        tmux.sendLiteral("\(try PoolplayBinary.path) --latency 10ms; echo \"[exit $?]\"")
        tmux.sendKeys("Enter")
        try tmux.waitFor(">>> ", timeout: .seconds(30))
        try tmux.waitFor("%lessons")  // the banner

        tmux.sendLiteral("answer = 40 + 2")
        tmux.sendKeys("Enter")
        tmux.sendLiteral("answer")
        tmux.sendKeys("Enter")
        try tmux.waitUntil("the value echoed") { $0.contains("\n42") }

        // Ctrl-C discards a half-typed line and the session goes on.
        tmux.sendLiteral("this line is discarded")
        tmux.sendKeys("C-c")
        tmux.sendLiteral("'café 日本'")
        tmux.sendKeys("Enter")
        try tmux.waitFor("'café 日本'\n")

        // Up twice recalls `answer`, Enter runs it again.
        tmux.sendKeys("Up")
        tmux.sendKeys("Up")
        tmux.sendKeys("Enter")
        try tmux.waitUntil("42 printed twice") { screen in
            screen.components(separatedBy: "\n").filter { $0 == "42" }.count == 2
        }

        tmux.sendKeys("C-d")
        try tmux.waitFor("[exit 0]")
        #expect(try tmux.sttySettings() == before)

        let history = try String(contentsOfFile: tmux.stateHome + "/poolplay/history", encoding: .utf8)
        #expect(history.contains("answer"))
        #expect(!history.contains("discarded"))
    }
}
