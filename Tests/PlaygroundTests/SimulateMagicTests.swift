import Foundation
import MockServer
import Testing

@testable import Playground
@testable import PythonModels

/// `%simulate` runs the newest client's pool (limits, algorithm, `Timeout.pool`, openai's `max_retries`) against the
/// live mock's knobs in virtual time, with `poolplay simulate`'s options.
@Suite struct SimulateMagicTests {
    private static func harness() async throws -> PlaygroundHarness {
        var options = Session.Options()
        options.showPanels = false
        return try await PlaygroundHarness.start(latency: .milliseconds(5), options: options)
    }

    /// The seed's `Limits(10, 5)` on an openai client given an `httpx.AsyncClient` (so httpcore 1.0.9), the mock at
    /// 200 ms: a burst of 20 opens 20 connections; the client's `max_retries` and `Timeout.pool` (openai's 600 s,
    /// which the SDK sends with each request) come along, and the mock's connection cap is reported as not modelled.
    @Test func simulatesTheNewestClientAgainstTheMocksKnobs() async throws {
        let harness = try await Self.harness()
        await harness.pipe(
            """
            import httpx
            from openai import AsyncOpenAI
            old = httpx.AsyncClient()
            client = AsyncOpenAI(max_retries=3, http_client=httpx.AsyncClient(limits=httpx.Limits(max_connections=10, max_keepalive_connections=5)))
            %server latency=200ms max_connections=50
            %simulate --burst 20 --json
            %simulate --burst 20 --no-chart
            """)
        try await harness.stop()
        let stdout = harness.output.stdout
        #expect(harness.output.stderr == "")
        let json = try #require(stdout.split(separator: "\n").first { $0.hasPrefix("{\"library\"") })
        #expect(json.contains("\"library\": \"httpx\""))
        #expect(json.contains("\"connections_opened\": 20,"))
        #expect(json.contains("\"completed\": 20,"))
        #expect(json.contains("\"simulated_seconds\": 0.4,"))
        #expect(stdout.contains("simulate: client's pool"))
        #expect(stdout.contains("Limits(max_connections=10, max_keepalive_connections=5, keepalive_expiry=5.0)"))
        #expect(stdout.contains("max_retries=3"))
        #expect(stdout.contains("Timeout.pool=600.0"))
        #expect(stdout.contains("server: latency=200ms"))
        #expect(stdout.contains("not modelled (live mock knobs the simulator ignores): max_connections=50"))
        #expect(stdout.contains("connections opened"))
    }

    /// A plain httpx client (httpcore 1.0.9) with the workload flags of the command line, and options overriding
    /// what was read: `--limits` and `--server`.
    @Test func takesTheCommandLinesOptions() async throws {
        let harness = try await Self.harness()
        await harness.pipe(
            """
            import httpx
            http = httpx.AsyncClient(limits=httpx.Limits(max_connections=10, max_keepalive_connections=5), timeout=httpx.Timeout(5, pool=1.5))
            %simulate --burst 20 --server latency=200ms --json
            %simulate --rate 300 --requests 2000 --limits 1,1 --json
            %simulate --requests 10
            """)
        try await harness.stop()
        let lines = harness.output.stdout.split(separator: "\n").filter { $0.hasPrefix("{\"library\"") }
        try #require(lines.count == 2)
        #expect(lines[0].contains("\"library\": \"httpx\""))
        #expect(lines[0].contains("\"connections_opened\": 20,"))
        #expect(lines[0].contains("\"closed\": {\"keep-alive_limit\": 15}"))
        // One connection for 300/s at 5 ms: the 1.5 s pool timeout is never reached, every request completes.
        #expect(lines[1].contains("\"requests\": 2000,"))
        #expect(lines[1].contains("\"connections_opened\": 1,"))
        #expect(harness.output.stderr.contains("UsageError: %simulate: give a workload"))
    }
}
