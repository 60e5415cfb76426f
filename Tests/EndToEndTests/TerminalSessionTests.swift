import Foundation
import Testing

/// The real binary in a real pseudo-terminal (tmux): libedit editing, history, completion, Ctrl-C and Ctrl-D.
@Suite(.serialized) struct TerminalSessionTests {
    /// Starts dash in tmux (it does not restore the tty itself, so a broken restore shows) and returns it ready.
    private func startShell() async throws -> TmuxSession {
        let tmux = try TmuxSession(command: ["/bin/sh"], environment: ["NO_COLOR": "1"])
        tmux.sendLiteral("PS1='sh$ '")
        tmux.sendKeys("Enter")
        try await tmux.waitFor("sh$ ")
        return tmux
    }

    /// Starts poolplay in the shell and waits for its first prompt.
    private func startPoolplay(in tmux: TmuxSession) async throws {
        tmux.sendLiteral("\(try PoolplayBinary.path) --latency 10ms; echo \"[exit $?]\"")
        tmux.sendKeys("Enter")
        try await tmux.waitFor("%lessons", timeout: .seconds(30))  // the banner
        try await tmux.waitForLastLine(">>> ")
    }

    /// Types a line, presses Enter and waits for the next empty prompt.
    private func enter(_ line: String, in tmux: TmuxSession) async throws {
        tmux.sendLiteral(line)
        tmux.sendKeys("Enter")
        try await tmux.waitForLastLine(">>> ")
    }

    private func lastLine(_ screen: String) -> String? {
        screen.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces)
    }

    @Test(.enabled(if: TmuxSession.isAvailable))
    func typeRecallWithUpAndExitWithCtrlD() async throws {
        let tmux = try await startShell()
        defer { tmux.kill() }
        let before = try tmux.sttySettings()
        try await startPoolplay(in: tmux)

        try await enter("answer = 40 + 2", in: tmux)
        tmux.sendLiteral("answer")
        tmux.sendKeys("Enter")
        try await tmux.waitUntil("the value echoed") { $0.contains("\n42") }
        try await tmux.waitForLastLine(">>> ")

        // Ctrl-C discards a half-typed line and the session goes on; UTF-8 round-trips.
        tmux.sendLiteral("this line is discarded")
        tmux.sendKeys("C-c")
        try await tmux.waitForLastLine(">>> ")
        tmux.sendLiteral("'café 日本'")
        tmux.sendKeys("Enter")
        try await tmux.waitFor("'café 日本'\n")
        try await tmux.waitForLastLine(">>> ")

        // Up twice recalls `answer`, Enter runs it again.
        tmux.sendKeys("Up")
        tmux.sendKeys("Up")
        try await tmux.waitUntil("answer recalled") { lastLine($0) == ">>> answer" }
        tmux.sendKeys("Enter")
        try await tmux.waitUntil("42 printed twice") { screen in
            screen.components(separatedBy: "\n").filter { $0 == "42" }.count == 2
        }
        try await tmux.waitForLastLine(">>> ")

        tmux.sendKeys("C-d")
        try await tmux.waitFor("[exit 0]")
        #expect(try tmux.sttySettings() == before)

        let history = try String(contentsOfFile: tmux.stateHome + "/poolplay/history", encoding: .utf8)
        #expect(history.contains("answer"))
        #expect(!history.contains("discarded"))
    }

    @Test(.enabled(if: TmuxSession.isAvailable))
    func tabCompletesAttributePaths() async throws {
        let tmux = try await startShell()
        defer { tmux.kill() }
        try await startPoolplay(in: tmux)
        try await enter("import httpx", in: tmux)
        tmux.sendLiteral("lim = httpx.Lim")
        tmux.sendKeys("Tab")
        try await tmux.waitUntil("httpx.Limits( completed") { lastLine($0) == ">>> lim = httpx.Limits(" }
        try await enter("max_connections=3)", in: tmux)
        tmux.sendLiteral("lim.max_connections")
        tmux.sendKeys("Enter")
        try await tmux.waitUntil("3 echoed") { $0.split(separator: "\n").contains("3") }
        try await tmux.waitForLastLine(">>> ")
        tmux.sendKeys("C-d")
        try await tmux.waitFor("[exit 0]")
    }

    @Test(.enabled(if: TmuxSession.isAvailable))
    func ctrlCInterruptsARunningStatement() async throws {
        let tmux = try await startShell()
        defer { tmux.kill() }
        try await startPoolplay(in: tmux)
        try await enter("import asyncio", in: tmux)
        tmux.sendLiteral("await asyncio.sleep(60)")
        tmux.sendKeys("Enter")
        try await tmux.waitUntil("the statement to run") { lastLine($0) == ">>> await asyncio.sleep(60)" }
        tmux.sendKeys("C-c")
        try await tmux.waitFor("KeyboardInterrupt")
        try await tmux.waitForLastLine(">>> ")
        tmux.sendLiteral("1 + 1")
        tmux.sendKeys("Enter")
        try await tmux.waitUntil("the session goes on") { $0.split(separator: "\n").contains("2") }
        try await tmux.waitForLastLine(">>> ")
        tmux.sendKeys("C-d")
        try await tmux.waitFor("[exit 0]")
    }
}
