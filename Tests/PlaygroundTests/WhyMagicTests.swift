import Testing

@testable import Playground

/// `%why` over a real pool and the mock: the rule and library behind each decision, the other library measured by
/// replay, a connection's story, and the SDK's retries from the ledger.
@Suite struct WhyMagicTests {
    static func run(_ source: String) async throws -> String {
        let harness = try await PlaygroundHarness.start()
        await harness.pipe(source + "\n")
        let text = harness.output.stdout + harness.output.stderr
        try await harness.stop()
        return text
    }

    @Test func keepAliveBurstOnHttpxNamesLine294AndTheReplayedHttpx2() async throws {
        let text = try await Self.run(
            """
            import asyncio, httpx, os
            client = httpx.AsyncClient(limits=httpx.Limits(max_connections=5, max_keepalive_connections=2), timeout=None)
            r = await asyncio.gather(*[client.get(os.environ["OPENAI_BASE_URL"] + "/models") for _ in range(20)])
            %why
            %why conn 7
            """)
        #expect(text.contains("Why, for client (httpcore 1.0.9, max_connections=5, max_keepalive_connections=2):"))
        #expect(text.contains("httpcore 1.0.9 compares max_keepalive_connections=2 with all"))
        #expect(text.contains("(connection_pool.py line 294)"))
        #expect(text.contains("• ×15 conn 6–20 for request 6–20: opened right after the keep-alive trim"))
        #expect(text.contains("Under httpcore2 2.16.2, the same 20 arrivals with the same response times (replayed through its rules): opened 5 (here 20)"))
        #expect(text.contains("conn 7 of client (httpcore 1.0.9):\n  • t=+0.0 conn 7 for request 7: opened"))
    }

    @Test func httpx2NamesItsOwnRuleAndComparesWithHttpcore1() async throws {
        let text = try await Self.run(
            """
            import asyncio, httpx2, os
            client = httpx2.AsyncClient(limits=httpx2.Limits(max_connections=5, max_keepalive_connections=2), timeout=None)
            r = await asyncio.gather(*[client.get(os.environ["OPENAI_BASE_URL"] + "/models") for _ in range(20)])
            %why
            """)
        #expect(text.contains("(httpcore2 2.16.2, max_connections=5, max_keepalive_connections=2)"))
        #expect(text.contains("reused an idle connection"))
        #expect(text.contains("Under httpcore 1.0.9, the same 20 arrivals"))
        #expect(text.contains("opened 20 (here 5)"))
    }

    @Test func sdkRetriesComeFromTheLedger() async throws {
        let text = try await Self.run(
            """
            from openai import AsyncOpenAI
            client = AsyncOpenAI(max_retries=2, default_headers={"x-poolplay-fault": "503"})
            try:
                await client.models.list()
            except Exception as e:
                print(type(e).__name__)

            %why
            """)
        #expect(text.contains("InternalServerError"))
        #expect(text.contains("SDK retries: 2 of the 3 requests the mock saw were retries"))
        #expect(text.contains("after 503 ×3"))
    }

    @Test func nothingToExplainAndUsage() async throws {
        let text = try await Self.run("%why\n%why conn x\n%why conn 3")
        #expect(text.contains("Nothing to explain yet"))
        #expect(text.contains("UsageError: %why conn N"))
        #expect(text.contains("No connection 3 in any pool's log"))
    }
}

/// A pool created by the same statement that sends its requests is remembered for `%why` and `%timeline`.
@Suite struct WhyAfterOneStatementTests {
    @Test func aPoolMadeAndUsedInOneStatement() async throws {
        let text = try await WhyMagicTests.run(
            """
            import asyncio, httpx, os
            async def go():
                c = httpx.AsyncClient(limits=httpx.Limits(max_connections=2), timeout=None)
                return await asyncio.gather(*[c.get(os.environ["OPENAI_BASE_URL"] + "/models") for _ in range(4)])

            r = await go()
            %why
            %timeline
            """)
        #expect(!text.contains("Nothing to explain yet"))
        #expect(text.contains("Why, for pool 1 (httpcore 1.0.9, max_connections=2"))
        #expect(!text.contains("No pool activity yet"))
    }
}
