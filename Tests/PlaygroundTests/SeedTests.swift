import Foundation
import Testing

@testable import Playground

/// The acceptance tests of the foundation: the seed's code, a burst through a small pool, and the seed's mistake.
@Suite struct SeedTests {
    /// The seed article's code block, verbatim with its Chinese comments.
    static let seed = """
        import httpx
        from openai import AsyncOpenAI

        # 创建自定义HTTP客户端
        http_client = httpx.AsyncClient(
            limits=httpx.Limits(
                max_connections=10,  # 设置最大连接数
                max_keepalive_connections=5  # 设置保持活动的连接数
            )
        )

        # 初始化OpenAI客户端
        client = AsyncOpenAI(http_client=http_client)
        """

    @Test func seedCodePipedShowsTheLimitInForce() async throws {
        let harness = try await PlaygroundHarness.start()
        await harness.pipe(Self.seed + "\nclient._client._transport._pool._max_connections\n")
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
