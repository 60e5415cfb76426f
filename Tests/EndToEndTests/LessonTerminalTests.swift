import Foundation
import Testing

/// A lesson in a real pseudo-terminal (tmux): `poolplay lesson 1`, text wrapped to the terminal, `%solution`
/// pre-typing a two-line solution one line per prompt, edited before Enter, and the ✓ in `%lessons`.
@Suite(.serialized) struct LessonTerminalTests {
    @Test(.enabled(if: TmuxSession.isAvailable))
    func solutionIsPretypedLineByLineAndEditable() async throws {
        let tmux = try TmuxSession(command: ["/bin/sh"], environment: ["NO_COLOR": "1"], width: 60, height: 100)
        defer { tmux.kill() }
        tmux.sendLiteral("PS1='sh$ '")
        tmux.sendKeys("Enter")
        try await tmux.waitFor("sh$ ")
        tmux.sendLiteral("\(try PoolplayBinary.path) lesson 1 --latency 10ms; echo \"[exit $?]\"")
        tmux.sendKeys("Enter")
        try await tmux.waitFor("── Lesson 1 · Step 1/4 · Describe the limits ──", timeout: .seconds(30))
        try await tmux.waitForLastLine(">>> ")
        // Prose is wrapped at spaces to the 60-column pane (the terminal would cut words), without backticks.
        let screen = tmux.capture()
        #expect(screen.contains("\nclient, and every httpx client has a connection pool. The\n"), "\(screen)")
        #expect(screen.contains("\n(checked after each statement · %goal · %check · %hint ·\n%solution)\n"), "\(screen)")
        #expect(!screen.contains("`"), "inline code is shown without backticks")

        tmux.sendLiteral("%solution")
        tmux.sendKeys("Enter")
        try await tmux.waitForLastLine(">>> import httpx")
        tmux.sendLiteral(", asyncio")  // edit the pre-typed line before Enter
        tmux.sendKeys("Enter")
        // The second line is pre-typed at the next prompt (60 columns: the terminal folds it).
        try await tmux.waitFor(">>> limits = httpx.Limits(max_connections=10, max_keepalive_")
        tmux.sendKeys("Enter")
        try await tmux.waitFor("✓ step 1 passed")
        try await tmux.waitForLastLine(">>> ")
        tmux.sendLiteral("asyncio.__name__")
        tmux.sendKeys("Enter")
        try await tmux.waitFor("'asyncio'")
        try await tmux.waitForLastLine(">>> ")
        tmux.sendLiteral("%lessons")
        tmux.sendKeys("Enter")
        try await tmux.waitFor("[1/4]")
        try await tmux.waitForLastLine(">>> ")
        tmux.sendKeys("C-d")
        try await tmux.waitFor("[exit 0]")
    }

    /// Ctrl-C during a replay stops it at the last step it finished, and the lesson goes on from there.
    @Test(.enabled(if: TmuxSession.isAvailable))
    func ctrlCStopsTheReplayAtTheLastFinishedStep() async throws {
        let tmux = try TmuxSession(command: ["/bin/sh"], environment: ["NO_COLOR": "1"], width: 100, height: 30)
        defer { tmux.kill() }
        let lessons = tmux.root.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try """
            ---
            id: slow
            title: Slow
            summary: S
            ---
            ## Quick
            check: a == 1
            solution:
            ```python
            a = 1
            ```

            ## Slow
            check: b == 2
            solution:
            ```python
            import asyncio
            await asyncio.sleep(60)
            b = 2
            ```

            ## Last
            Read.
            """.write(to: lessons.appendingPathComponent("77-slow.md"), atomically: true, encoding: .utf8)
        tmux.sendLiteral("PS1='sh$ '")
        tmux.sendKeys("Enter")
        try await tmux.waitFor("sh$ ")
        tmux.sendLiteral("\(try PoolplayBinary.path) lesson 77 3 --lessons \(lessons.path); echo \"[exit $?]\"")
        tmux.sendKeys("Enter")
        try await tmux.waitFor("↻ step 1/3 replayed · Quick", timeout: .seconds(30))
        tmux.sendKeys("C-c")
        try await tmux.waitFor("Replay interrupted: continuing at step 2.")
        try await tmux.waitFor("── Lesson 77 · Step 2/3 · Slow ──")
        try await tmux.waitForLastLine(">>> ")
        tmux.sendLiteral("a")
        tmux.sendKeys("Enter")
        try await tmux.waitUntil("a from the replayed step 1") { $0.contains(">>> a\n1\n") }
        tmux.sendKeys("C-d")
        try await tmux.waitFor("[exit 0]")
    }
}
