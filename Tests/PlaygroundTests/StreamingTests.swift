import Testing

@testable import Playground
@testable import PythonModels

/// `client.stream(...)` and openai `stream=True` against the built-in mock: the pool shows the request active
/// while the body is open.
@Suite struct StreamingTests {
    private func run(_ source: String) async throws -> CapturedOutput {
        var options = Session.Options()
        options.showPanels = false
        let harness = try await PlaygroundHarness.start(latency: .milliseconds(5), options: options)
        await harness.pipe(source)
        try await harness.stop()
        return harness.output
    }

    @Test func streamHoldsTheConnectionUntilReadAndClosed() async throws {
        let output = try await run(
            """
            import os, httpx
            client = httpx.AsyncClient()
            url = os.environ['OPENAI_BASE_URL'] + '/models'
            async with client.stream('GET', url) as r:
                print(r.status_code, r.is_stream_consumed, client._transport._pool)

            print(type(r).__name__, r.is_closed)

            async with client.stream('GET', url) as r:
                body = await r.aread()
                print(r.json()['object'], r.is_closed, client._transport._pool)
            """)
        #expect(output.stderr == "")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "200 False <AsyncConnectionPool [Requests: 1 active, 0 queued | Connections: 1 active, 0 idle]>",
                "Response True",
                "list True <AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 1 idle]>",
            ])
    }

    /// openai 3.57 drains the tail after `[DONE]` for at most 0.1 s: a server that holds the body open longer
    /// (`done_delay=3s`, 30× the limit, so a busy machine cannot flip it) loses the connection; one that ends at once
    /// keeps it idle.
    @Test(arguments: [("0ms", "0 active, 1 idle"), ("3s", "0 active, 0 idle")])
    func theDrainAfterDoneGivesUpAfterATenthOfASecond(_ delay: String, _ connections: String) async throws {
        let output = try await run(
            """
            from openai import AsyncOpenAI
            client = AsyncOpenAI(default_headers={"x-poolplay-done_delay": "\(delay)"})
            stream = await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}], stream=True)
            async for chunk in stream:
                pass
            print(client._client._transport._pool)
            """)
        #expect(output.stderr == "")
        #expect(output.stdout.hasSuffix("Connections: \(connections)]>\n"), "\(output.stdout)")
    }

    @Test func closingBeforeTheEndClosesTheConnection() async throws {
        let output = try await run(
            """
            import os, httpx
            client = httpx.AsyncClient()
            async with client.stream('GET', os.environ['OPENAI_BASE_URL'] + '/models') as r:
                pass
            print(r.is_closed, client._transport._pool)
            """)
        #expect(output.stderr == "")
        #expect(
            output.stdout
                == "True <AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]>\n")
    }

    @Test func openAIStreamYieldsChunksAndReleasesAtDone() async throws {
        let output = try await run(
            """
            import httpx
            from openai import AsyncOpenAI
            http_client = httpx.AsyncClient()
            client = AsyncOpenAI(http_client=http_client)
            stream = await client.chat.completions.create(model='gpt-4o-mini', messages=[{'role': 'user', 'content': 'hi'}], stream=True, stream_options={'include_usage': True})
            print(repr(stream).startswith('<openai.AsyncStream object at 0x'), http_client._transport._pool)
            chunks = []
            async for chunk in stream:
                chunks.append(chunk)
            print(chunks[0].object, chunks[-1].usage is not None, http_client._transport._pool)
            """)
        #expect(output.stderr == "")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "True <AsyncConnectionPool [Requests: 1 active, 0 queued | Connections: 1 active, 0 idle]>",
                "chat.completion.chunk True <AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 1 idle]>",
            ])
    }
}
