import Foundation
import Testing

/// The shell as a learner meets it, in a real pseudo-terminal (tmux): completion of an attribute, a keyword
/// argument and a magic; the live gauge; `%why`; Ctrl-C during a large burst; width-true text at 60 columns.
@Suite(.serialized) struct ShellAcceptanceTests {
    private func start(width: Int = 100, latency: String = "1s") async throws -> TmuxSession {
        let tmux = try TmuxSession(command: ["/bin/sh"], environment: ["NO_COLOR": "1"], width: width, height: 40)
        tmux.sendLiteral("PS1='sh$ '")
        tmux.sendKeys("Enter")
        try await tmux.waitFor("sh$ ")
        tmux.sendLiteral("\(try PoolplayBinary.path) --latency \(latency); echo \"[exit $?]\"")
        tmux.sendKeys("Enter")
        try await tmux.waitFor("%lessons", timeout: .seconds(30))
        try await tmux.waitForLastLine(">>> ")
        return tmux
    }

    private func enter(_ line: String, _ tmux: TmuxSession, timeout: Duration = .seconds(30)) async throws {
        let prompts = Self.prompts(tmux.captureJoined())
        tmux.sendLiteral(line)
        tmux.sendKeys("Enter")
        try await tmux.waitUntil("the next prompt", timeout: timeout) { screen in
            Self.prompts(tmux.captureJoined()) > prompts
                && screen.split(separator: "\n", omittingEmptySubsequences: false).last == ">>> "
        }
    }

    /// Prompts in the whole history (the screen alone scrolls).
    static func prompts(_ history: String) -> Int {
        history.split(separator: "\n", omittingEmptySubsequences: false).count { $0.hasPrefix(">>> ") }
    }

    /// The last line, without the trailing spaces libedit writes over a longer line it erased.
    private func lastLine(_ tmux: TmuxSession) -> String {
        var line = tmux.capture().split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    @Test(.enabled(if: TmuxSession.isAvailable))
    func completionGaugeWhyAndCtrlC() async throws {
        let tmux = try await start()
        defer { tmux.kill() }
        try await enter("import asyncio, httpx, os", tmux)
        try await enter("from openai import AsyncOpenAI", tmux)
        try await enter(
            "client = AsyncOpenAI(http_client=httpx.AsyncClient(limits=httpx.Limits(max_connections=5)))", tmux)

        // An attribute, a keyword argument and a magic complete with TAB.
        tmux.sendLiteral("client.mod")
        tmux.sendKeys("Tab")
        try await tmux.waitUntil("client.models") { _ in lastLine(tmux) == ">>> client.models" }
        tmux.sendKeys("C-u")
        tmux.sendLiteral("httpx.Limits(max_k")
        tmux.sendKeys("Tab")
        try await tmux.waitUntil("the keyword") { _ in lastLine(tmux) == ">>> httpx.Limits(max_keepalive_connections=" }
        tmux.sendKeys("C-u")
        tmux.sendLiteral("%timel")
        tmux.sendKeys("Tab")
        try await tmux.waitUntil("the magic") { _ in lastLine(tmux) == ">>> %timeline" }
        tmux.sendKeys("C-u")
        try await tmux.waitUntil("an empty line") { _ in lastLine(tmux) == ">>>" }

        // A 20-request burst at 1 s latency through 5 connections shows a k/20 gauge while it runs.
        tmux.sendLiteral("r = await asyncio.gather(*[client.models.list() for _ in range(20)])")
        tmux.sendKeys("Enter")
        try await tmux.waitUntil("the gauge", timeout: .seconds(20)) { screen in
            screen.range(of: #"⏵ \d+/20 done"#, options: .regularExpression) != nil
        }
        try await tmux.waitUntil("the panel", timeout: .seconds(30)) { $0.contains("+20 requests") }
        try await tmux.waitForLastLine(">>> ")
        #expect(!tmux.capture().contains("⏵"))  // erased before the panel

        // %why after a keep-alive burst on httpx Limits(5, 2).
        try await enter("%server latency=50ms", tmux)
        try await enter(
            "c2 = httpx.AsyncClient(limits=httpx.Limits(max_connections=5, max_keepalive_connections=2), timeout=None)",
            tmux)
        try await enter(
            "r = await asyncio.gather(*[c2.get(os.environ['OPENAI_BASE_URL'] + '/models') for _ in range(20)])", tmux)
        try await enter("%why", tmux)
        // %why wraps to the terminal with indented continuation lines: compare its words, not its line breaks.
        let why = tmux.captureJoined().replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        #expect(why.contains("closed when it went idle: httpcore 1.0.9 compares max_keepalive_connections=2"))
        #expect(why.contains("keep-alive"))

        // Ctrl-C during a 200-request burst comes back to the prompt, with the pool consistent.
        try await enter("%server latency=2s", tmux)
        tmux.sendLiteral("r = await asyncio.gather(*[client.models.list() for _ in range(200)])")
        tmux.sendKeys("Enter")
        try await tmux.waitUntil("the burst running", timeout: .seconds(10)) { $0.contains("done") }
        tmux.sendKeys("C-c")
        try await tmux.waitUntil("KeyboardInterrupt", timeout: .seconds(10)) { $0.contains("KeyboardInterrupt") }
        try await tmux.waitForLastLine(">>> ")
        try await enter("client._client._transport._pool", tmux)
        #expect(tmux.capture().contains("<AsyncConnectionPool [Requests: 0 active, 0 queued"))
        tmux.sendKeys("C-d")
        try await tmux.waitFor("[exit 0]")
    }

    @Test(.enabled(if: TmuxSession.isAvailable))
    func sixtyColumnsFitHelpLessonsServerAndWhy() async throws {
        let tmux = try await start(width: 60, latency: "20ms")
        defer { tmux.kill() }
        for line in [
            "%help", "%lessons", "%server", "import asyncio, httpx, os",
            "c = httpx.AsyncClient(limits=httpx.Limits(max_connections=5, max_keepalive_connections=2), timeout=None)",
            "r = await asyncio.gather(*[c.get(os.environ['OPENAI_BASE_URL'] + '/models') for _ in range(20)])",
            "%why", "%pool",
        ] {
            try await enter(line, tmux)
        }
        let typed = Set(["c = httpx", "r = await"])
        for line in tmux.captureJoined().split(separator: "\n").map(String.init) {
            // The learner's own long input lines are folded by the terminal; everything PoolPlay writes fits.
            if line.hasPrefix(">>> "), typed.contains(where: { line.dropFirst(4).hasPrefix($0) }) { continue }
            if line.hasPrefix("sh$ ") { continue }
            #expect(Self.columns(line) <= 60, "wider than 60 columns: \(line)")
        }
        tmux.sendKeys("C-d")
        try await tmux.waitFor("[exit 0]")
    }

    /// Display columns: a CJK character takes two.
    static func columns(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { width, scalar in
            let wide = (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFF00...0xFF60).contains(scalar.value)
            return width + (wide ? 2 : 1)
        }
    }
}
