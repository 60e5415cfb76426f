import Testing

@testable import Playground
@testable import PythonModels

/// `%lessons`, `%lesson 1`, the automatic check after each statement, `%hint`, `%next`.
@Suite struct LessonFlowTests {
    @Test func stepsAreCheckedAfterEveryStatement() async throws {
        var options = Session.Options()
        options.showPanels = false
        options.lessonsDirectory = LessonReplayTests.lessonsDirectory
        let harness = try await PlaygroundHarness.start(options: options)
        await harness.pipe(
            """
            %lessons
            %lesson 1
            import httpx
            %hint
            limits = httpx.Limits(max_connections=10, max_keepalive_connections=5)
            %next
            """)
        try await harness.stop()
        let out = harness.output.stdout
        #expect(out.contains("1. Connection limits go on the HTTP client"))
        #expect(out.contains("── Lesson 1 · Step 1/4 · Describe the limits ──"))
        #expect(out.contains("hint: "))
        // The check passes only after the statement that builds `limits`, not after `import httpx`.
        let passed = try #require(out.range(of: "✓ step 1 passed"))
        let hint = try #require(out.range(of: "hint: "))
        #expect(hint.lowerBound < passed.lowerBound)
        #expect(out.contains("── Lesson 1 · Step 2/4 · Put the limits on an HTTP client ──"))
        #expect(harness.output.stderr == "")
    }

    @Test func unknownMagicIsAClearErrorAndTheSessionGoesOn() async throws {
        let harness = try await PlaygroundHarness.start()
        await harness.pipe("%frobnicate\n1 + 1")
        try await harness.stop()
        #expect(harness.output.stderr.contains("UsageError: Line magic function `%frobnicate` not found."))
        #expect(harness.output.stdout.hasSuffix("2\n"))
    }

    @Test func serverMagicRejectsUnknownKnobsAndKeepsTheConfiguration() async throws {
        let harness = try await PlaygroundHarness.start()
        await harness.pipe("%server latency=7ms colour=blue\n%server fault=503/2 idle_timeout=2s")
        let configuration = harness.server.configuration
        try await harness.stop()
        #expect(harness.output.stderr.contains("UsageError: %server: unknown knob 'colour'"))
        #expect(configuration.latency == .milliseconds(20), "a bad line changes nothing")
        #expect(configuration.idleTimeout == .seconds(2))
        #expect(configuration.faults.count == 1)
    }

    @Test func serverMagicShowsTheLedgerAndChangesLatency() async throws {
        let harness = try await PlaygroundHarness.start()
        await harness.pipe("%server latency=5ms")
        let latency = harness.server.configuration.latency
        try await harness.stop()
        #expect(latency == .milliseconds(5))
        #expect(harness.output.stdout.contains("latency=5ms"))
        #expect(harness.output.stdout.contains("TCP connections accepted: 0"))
    }
}
