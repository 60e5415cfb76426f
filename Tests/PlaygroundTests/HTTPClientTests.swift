import Testing

@testable import Playground
@testable import PythonModels

/// httpx clients against the built-in mock, over real loopback sockets.
@Suite struct HTTPClientTests {
    private func run(_ source: String) async throws -> (CapturedOutput, MockServerLedgerCounts) {
        var options = Session.Options()
        options.showPanels = false
        let harness = try await PlaygroundHarness.start(latency: .milliseconds(5), options: options)
        await harness.pipe(source)
        let ledger = harness.server.ledger()
        try await harness.stop()
        return (harness.output, MockServerLedgerCounts(connections: ledger.acceptedConnections, requests: ledger.requests.count))
    }

    @Test func getReturnsAResponseWithStatusHeadersAndJSON() async throws {
        let (output, counts) = try await run(
            """
            import os, httpx
            http_client = httpx.AsyncClient(base_url=os.environ['OPENAI_BASE_URL'])
            r = await http_client.get('/models')
            r
            r.status_code
            r.headers['content-type']
            r.json()['data'][0]['id']
            r2 = await http_client.get(os.environ['OPENAI_BASE_URL'] + '/models')
            http_client._transport._pool.connections
            """)
        #expect(output.stderr == "")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0] == "<Response [200 OK]>")
        #expect(lines[1] == "200")
        #expect(lines[2].hasPrefix("'application/json"))
        #expect(lines[3] == "'mock-gpt'")
        #expect(lines[4].hasPrefix("[<AsyncHTTPConnection ['http://127.0.0.1:"))
        #expect(lines[4].hasSuffix("', HTTP/1.1, IDLE, Request Count: 2]>]"))
        #expect(counts.connections == 1)
        #expect(counts.requests == 2)
    }

    @Test func relativeURLWithoutBaseURLIsHttpxsError() async throws {
        let (output, counts) = try await run("import httpx\nawait httpx.AsyncClient().get('/v1/models')")
        #expect(output.stderr.contains("httpx.UnsupportedProtocol: Request URL is missing an 'http://' or 'https://' protocol."))
        #expect(counts.connections == 0)
    }

    @Test func httpsIsAClearError() async throws {
        let (output, _) = try await run("import httpx\nawait httpx.AsyncClient().get('https://api.openai.com/v1/models')")
        #expect(output.stderr.contains("NotImplementedError: PoolPlay does not support https:// yet"))
    }

    @Test func coroutinesAreLazy() async throws {
        let (output, counts) = try await run(
            "import os, httpx\nc = httpx.AsyncClient()\ncoro = c.get(os.environ['OPENAI_BASE_URL'] + '/models')\n")
        #expect(output.stderr == "")
        #expect(counts.requests == 0)
    }

    @Test func chatCompletionEchoesTheModelAndHasUsage() async throws {
        let (output, _) = try await run(
            """
            from openai import AsyncOpenAI
            client = AsyncOpenAI()
            r = await client.chat.completions.create(model='gpt-test', messages=[{'role': 'user', 'content': 'ping'}])
            r.model
            r.choices[0].message.role
            r.usage.total_tokens > 0
            """)
        #expect(output.stderr == "")
        #expect(output.stdout == "'gpt-test'\n'assistant'\nTrue\n")
    }

    @Test func closedClientRefusesToSend() async throws {
        let (output, _) = try await run(
            "import os, httpx\nc = httpx.AsyncClient()\nawait c.aclose()\nc.is_closed\nawait c.get(os.environ['OPENAI_BASE_URL'])")
        #expect(output.stdout == "True\n")
        #expect(output.stderr.contains("RuntimeError: Cannot send a request, as the client has been closed."))
    }
}

struct MockServerLedgerCounts {
    var connections: Int
    var requests: Int
}
