import Testing

@testable import Playground

/// TAB completion over a live session: signatures come from the objects PoolPlay binds and from the learner's
/// functions, and building the index never sends a request.
@Suite struct SessionCompletionTests {
    @Test func keywordArgumentsComeFromTheBoundObjectsAndUserFunctions() async throws {
        let harness = try await PlaygroundHarness.start()
        await harness.pipe(
            """
            import asyncio, httpx, httpx2
            from openai import AsyncOpenAI
            client = AsyncOpenAI(http_client=httpx.AsyncClient(limits=httpx.Limits(max_connections=2)))
            def fetch(url, *, retries=3): pass

            """)
        let index = harness.session.completions
        #expect(index.candidates(lineBeforeCursor: "httpx.Limits(max_k") == ["max_keepalive_connections="])
        #expect(index.candidates(lineBeforeCursor: "httpx2.Timeout(5, po") == ["pool="])
        #expect(index.candidates(lineBeforeCursor: "httpx.AsyncHTTPTransport(retr") == ["retries="])
        #expect(index.candidates(lineBeforeCursor: "AsyncOpenAI(max_r") == ["max_retries="])
        #expect(index.candidates(lineBeforeCursor: "client.chat.completions.create(mod").contains("model="))
        #expect(index.candidates(lineBeforeCursor: "asyncio.gather(*tasks, return_") == ["return_exceptions="])
        #expect(index.candidates(lineBeforeCursor: "fetch('x', ret") == ["retries="])
        #expect(index.candidates(lineBeforeCursor: "from openai import DefaultAsyncHttpxC") == ["DefaultAsyncHttpxClient"])
        #expect(index.candidates(lineBeforeCursor: "%timel") == ["timeline"])
        #expect(index.candidates(lineBeforeCursor: "client.mod") == ["client.models"])
        // Completing never calls anything: the mock has seen no request.
        #expect(harness.server.ledger().totalRequests == 0)
        try await harness.stop()
    }
}
