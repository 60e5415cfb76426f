import Testing

@testable import Playground
@testable import PythonModels

/// `httpx.get` and friends (`httpx/_api.py`): each call is `with Client(...) as client: client.request(...)`, so it
/// builds a pool of its own, opens one connection, and closes it before returning.
@Suite struct HTTPXModuleFunctionTests {
    @Test func eachCallUsesAFreshPoolThatItCloses() async throws {
        var options = Session.Options()
        options.showPanels = false
        let harness = try await PlaygroundHarness.start(latency: .zero, options: options)
        await harness.pipe(
            """
            import httpx, httpx2, os
            url = os.environ["OPENAI_BASE_URL"] + "/models"
            httpx.get(url).status_code
            httpx2.post(os.environ["OPENAI_BASE_URL"] + "/embeddings", json={"model": "m", "input": "hi"}).status_code
            httpx.request("GET", url).json()["object"]
            """)
        let pools = harness.session.context.pools
        let ledger = harness.server.ledger()
        try await harness.stop()
        #expect(harness.output.stderr == "")
        #expect(harness.output.stdout == "200\n200\n'list'\n")
        // One pool per call, each with the default limits, of the module's own library.
        #expect(pools.map(\.stack.module) == ["httpx", "httpx2", "httpx"])
        #expect(pools.map(\.maxConnections) == [.int(100), .int(100), .int(100)])
        for pool in pools {
            let snapshot = pool.engine.snapshot
            #expect(snapshot.connections.isEmpty)
            #expect(snapshot.counters.opened == 1)
            #expect(snapshot.counters.completed == 1)
            #expect(snapshot.counters.closed == 1)
        }
        // The server saw three connections, one request on each: nothing was reused across calls.
        #expect(ledger.acceptedConnections == 3)
        #expect(ledger.requests.count == 3)
        #expect(ledger.connections.map(\.requestsServed) == [1, 1, 1])
    }

    @Test func streamIsAContextManagerThatClosesItsClient() async throws {
        var options = Session.Options()
        options.showPanels = false
        let harness = try await PlaygroundHarness.start(latency: .zero, options: options)
        await harness.pipe(
            """
            import httpx, os
            url = os.environ["OPENAI_BASE_URL"] + "/models"
            manager = httpx.stream("GET", url)
            type(manager).__name__
            with manager as response:
                print(response.status_code)
                print(response.read()[:1])

            """)
        let pools = harness.session.context.pools
        try await harness.stop()
        #expect(harness.output.stderr == "")
        #expect(harness.output.stdout == "'_GeneratorContextManager'\n200\nb'{'\n")
        let pool = try #require(pools.only)
        #expect(pool.engine.snapshot.connections.isEmpty)
        #expect(pool.engine.snapshot.counters.opened == 1)
    }

    /// Errors name the function as CPython does, and a failed request still closes its temporary pool.
    @Test func errorsMatchCPythonAndStillClose() async throws {
        var options = Session.Options()
        options.showPanels = false
        let harness = try await PlaygroundHarness.start(latency: .zero, options: options)
        await harness.pipe(
            """
            import httpx
            try:
                httpx.get()
            except TypeError as e:
                print(type(e).__name__, e)

            try:
                httpx.post("http://127.0.0.1:9/", nope=1)
            except TypeError as e:
                print(type(e).__name__, e)

            try:
                httpx.get("http://127.0.0.1:9/")
            except httpx.ConnectError as e:
                print(type(e).__name__, e)

            httpx.get
            """)
        let pools = harness.session.context.pools
        try await harness.stop()
        let lines = harness.output.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 4, "\(harness.output.stdout)\(harness.output.stderr)")
        #expect(lines[0] == "TypeError get() missing 1 required positional argument: 'url'")
        #expect(lines[1] == "TypeError post() got an unexpected keyword argument 'nope'")
        #expect(lines[2].hasPrefix("ConnectError "))
        #expect(lines[3].hasPrefix("<function get at 0x"))
        let pool = try #require(pools.only)
        #expect(pool.engine.isClosed || pool.engine.snapshot.connections.isEmpty)
        #expect(pool.engine.snapshot.activeRequests == 0)
    }
}

extension Array {
    /// The single element, or nil when there are none or several.
    fileprivate var only: Element? { count == 1 ? first : nil }
}
