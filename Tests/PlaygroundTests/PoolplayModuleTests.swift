import MockServer
import Testing

@testable import Playground
@testable import PythonModels

/// `import poolplay`: the built-in mock endpoint and its ledger as Python objects, read fresh on each access.
@Suite struct PoolplayModuleTests {
    private func run(_ source: String) async throws -> (CapturedOutput, lines: [String], server: MockServer) {
        var options = Session.Options()
        options.showPanels = false
        let harness = try await PlaygroundHarness.start(latency: .milliseconds(5), options: options)
        await harness.pipe(source)
        try await harness.stop()
        return (harness.output, harness.output.stdout.split(separator: "\n").map(String.init), harness.server)
    }

    @Test func serverReprShowsTheBaseURLAndTheMainKnobs() async throws {
        let (output, lines, server) = try await run(
            """
            import os, poolplay
            poolplay.server
            poolplay.server.base_url == os.environ['OPENAI_BASE_URL']
            poolplay.server.knobs.split()[0]
            """)
        #expect(output.stderr == "", "\(output.stderr)")
        #expect(lines.first == "<MockServer \(server.baseURL) latency=5ms idle_timeout=none max_requests_per_connection=none "
            + "max_connections=none rps=none max_concurrent=none fault=none done_delay=0ms>")
        #expect(lines.dropFirst().first == "True")
        #expect(lines.dropFirst(2).first == "'latency=5ms'")
    }

    @Test func ledgerRecordsAreReadFreshAfterEachCall() async throws {
        let (output, lines, _) = try await run(
            """
            import poolplay
            from openai import AsyncOpenAI
            ledger = poolplay.server.ledger
            ledger.total_requests
            client = AsyncOpenAI()
            page = await client.models.list()
            chat = await client.chat.completions.create(model='mock-gpt', messages=[{'role': 'user', 'content': 'hi'}])
            ledger.total_requests, ledger.total_connections, ledger.peak_connections, ledger.peak_requests
            [r.route for r in ledger.requests]
            [(r.status, r.retry_count, r.connection_id) for r in ledger.requests]
            conn = ledger.connections[0]
            conn.id, conn.requests, conn.closed_at, conn.closed_by, conn.close_reason
            conn.client_port > 0 and conn.opened_at >= 0
            ledger.requests[1].ended_at >= ledger.requests[1].started_at
            repr(conn).startswith('Connection(id=1, client_port=')
            repr(ledger.requests[0]).endswith(", retry_count=0)")
            ledger.requests[0].model_dump()['route']
            dump = ledger.model_dump()
            dump['total_requests'], len(dump['requests']), dump['connections'][0]['requests']
            ledger
            """)
        #expect(output.stderr == "", "\(output.stderr)")
        #expect(lines == [
            "0",
            "(2, 1, 1, 1)",
            "['GET /v1/models', 'POST /v1/chat/completions']",
            "[(200, 0, 1), (200, 0, 1)]",
            "(1, 2, None, None, None)",
            "True", "True", "True", "True",
            "'GET /v1/models'",
            "(2, 2, 2)",
            "Ledger(total_connections=1, open_connections=1, peak_connections=1, total_requests=2, peak_requests=1, "
                + "dropped_connections=0, dropped_requests=0, limit=10000)",
        ])
    }

    @Test func resetAndConfigureActOnTheRunningServer() async throws {
        let (output, lines, server) = try await run(
            """
            import poolplay
            from openai import AsyncOpenAI
            page = await AsyncOpenAI().models.list()
            poolplay.server.ledger.total_requests
            poolplay.server.reset()
            poolplay.server.ledger.total_requests
            poolplay.server.configure(rps=7, idle_timeout='2s', fault=None, ledger_limit=50)
            poolplay.server.configure(rps='fast')
            poolplay.server.ledger.limit
            """)
        #expect(lines == ["1", "0", "50"])
        #expect(output.stderr.contains("ValueError: rps: expected a whole number ≥ 1, got 'fast'"), "\(output.stderr)")
        #expect(server.configuration.requestsPerSecond == 7)
        #expect(server.configuration.idleTimeout == .seconds(2))
        #expect(server.configuration.ledgerLimit == 50)
    }

    @Test func importWorksAndServerIsNoneWithoutABuiltInMock() async throws {
        #expect(PlaygroundHost.moduleNames.contains("poolplay"))
        let output = CapturedOutput()
        let session = Session(environment: [:], server: nil, options: Session.Options(), output: output)
        await session.execute("import poolplay")
        await session.execute("poolplay.server is None")
        await session.execute("poolplay.nope")
        await session.shutdown()
        #expect(output.stdout == "True\n")
        #expect(output.stderr.contains("AttributeError: module 'poolplay' has no attribute 'nope'"), "\(output.stderr)")
    }
}
