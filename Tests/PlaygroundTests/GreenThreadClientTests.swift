import Testing

@testable import Playground
@testable import PythonModels

/// A sync client fanned out with `ThreadPoolExecutor` (httpcore#1110's shape): each worker is a green thread, and a
/// sync request blocks only its own thread, so the workers share the pool as threads do in CPython. Expected text
/// from CPython 3.11 with httpx2 2.16.2 against the same mock.
@Suite struct GreenThreadClientTests {
    @Test func workersShareTheSyncPoolConcurrently() async throws {
        var options = Session.Options()
        options.showPanels = false
        let harness = try await PlaygroundHarness.start(latency: .milliseconds(200), options: options)
        await harness.pipe(
            """
            import httpx2 as httpx, os
            from concurrent.futures import ThreadPoolExecutor
            client = httpx.Client(limits=httpx.Limits(max_connections=4, max_keepalive_connections=4))
            url = os.environ["OPENAI_BASE_URL"] + "/models"
            def get(i):
                return client.get(url).status_code

            with ThreadPoolExecutor(max_workers=8) as pool:
                codes = list(pool.map(get, range(16)))

            print(codes.count(200), client._transport._pool)
            """)
        let ledger = harness.server.ledger()
        let counters = harness.session.context.pools.first?.engine.snapshot.counters
        try await harness.stop()
        #expect(harness.output.stderr == "")
        #expect(harness.output.stdout == "16 <ConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 4 idle]>\n")
        // Four connections at once, as four threads would open them; serial calls would have needed one.
        #expect(ledger.acceptedConnections == 4)
        #expect(counters?.opened == 4)
        #expect(counters?.reused == 12)
    }
}
