import Foundation
import Testing

@testable import Playground
@testable import PythonModels

/// The acceptance tests of the foundation: the seed's code, a burst through a small pool, and the seed's mistake.
@Suite struct SeedTests {
    /// The seed article's code block, verbatim with its Chinese comments (`Tests/Fixtures/seed.py`).
    static var seed: String {
        get throws {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/seed.py")
            return try String(contentsOf: url, encoding: .utf8)
        }
    }

    @Test func seedCodePipedShowsTheLimitInForce() async throws {
        let harness = try await PlaygroundHarness.start()
        await harness.pipe(try Self.seed + "\nclient._client._transport._pool._max_connections\n")
        try await harness.stop()
        #expect(harness.output.stderr == "")
        let lines = harness.output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("10"))
        #expect(lines.last == "10")
    }

    @Test func twentyConcurrentCallsThroughFiveConnections() async throws {
        var options = Session.Options()
        options.showPanels = false
        let harness = try await PlaygroundHarness.start(options: options)
        await harness.pipe(
            """
            import asyncio, httpx
            from openai import AsyncOpenAI
            client = AsyncOpenAI(http_client=httpx.AsyncClient(limits=httpx.Limits(max_connections=5)))
            results = await asyncio.gather(*[client.models.list() for _ in range(20)])
            len(results)
            results[19].data[0].id
            client._client._transport._pool
            """)
        let ledger = harness.server.ledger()
        try await harness.stop()
        #expect(harness.output.stderr == "")
        #expect(
            harness.output.stdout == """
                20
                'mock-gpt'
                <AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 5 idle]>

                """)
        #expect(ledger.acceptedConnections <= 5)
        #expect(ledger.requests.count == 20)
    }

    @Test func limitsOnTheOpenAIConstructorTeachesAndKeepsTheSession() async throws {
        let harness = try await PlaygroundHarness.start()
        await harness.pipe(
            """
            import httpx
            from openai import OpenAI
            limits = httpx.Limits(max_connections=10)
            OpenAI(limits=limits)
            limits
            """)
        try await harness.stop()
        #expect(harness.output.stderr.contains("TypeError: OpenAI.__init__() got an unexpected keyword argument 'limits'"))
        #expect(harness.output.stderr.contains("hint: limits belongs to the HTTP client"))
        #expect(harness.output.stdout.contains("Limits(max_connections=10, max_keepalive_connections=None, keepalive_expiry=5.0)"))
    }
}
