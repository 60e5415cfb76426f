import Testing

@testable import Playground
@testable import PythonModels

/// `%timeline` draws each connection of the pools the last statement changed, from the pool's event log.
@Suite struct TimelineMagicTests {
    private static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func theKeepAliveTrapShowsAsOneConnectionPerRequest() async throws {
        var options = Session.Options()
        options.showPanels = false
        let harness = try await PlaygroundHarness.start(latency: .milliseconds(5), options: options)
        await harness.pipe(
            """
            %timeline
            import httpx
            from openai import AsyncOpenAI
            client = AsyncOpenAI(http_client=httpx.AsyncClient(limits=httpx.Limits(max_connections=5, max_keepalive_connections=2)))
            %burst 12
            x = 1
            %timeline
            """)
        let first = harness.output.stdout
        await harness.pipe("%burst 12\n%timeline all\n%timeline everything")
        try await harness.stop()
        #expect(first.contains("No pool activity yet: send some requests, then %timeline.\n"))
        let timeline = String(try #require(first.range(of: " timeline  client._client").map { first[$0.lowerBound...] }))
        // httpcore 1.0.9 compares the keep-alive limit with all connections: every request opens its own.
        #expect(Self.occurrences(of: "\n conn ", in: timeline) == 12)
        #expect(Self.occurrences(of: "1 request · closed (keep-alive limit)", in: timeline) == 10)
        #expect(Self.occurrences(of: "1 request · idle", in: timeline) == 2)
        #expect(timeline.contains(" queued "))
        let all = String(harness.output.stdout.dropFirst(first.count))
        // The second burst reuses the 2 idle connections once and opens 10 more.
        #expect(Self.occurrences(of: "\n conn ", in: all) == 22, "both bursts: \(all)")
        #expect(harness.output.stderr.contains("UsageError: %timeline [all]"))
    }
}
