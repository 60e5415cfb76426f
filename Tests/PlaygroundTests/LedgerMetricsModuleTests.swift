import MockServer
import Testing

@testable import Playground
@testable import PythonModels

/// `poolplay.server.ledger` shows the ledger's bytes, time to first byte, tokens and scenario phase.
@Suite struct LedgerMetricsModuleTests {
    @Test func requestAndConnectionRecordsCarryBytesTTFBTokensAndPhase() async throws {
        var options = Session.Options()
        options.showPanels = false
        let harness = try await PlaygroundHarness.start(latency: .milliseconds(5), options: options)
        await harness.pipe(
            """
            import poolplay
            from openai import AsyncOpenAI
            ledger = poolplay.server.ledger
            %server tpm=100000
            chat = await AsyncOpenAI().chat.completions.create(model='mock-gpt', messages=[{'role': 'user', 'content': 'hi'}])
            r = ledger.requests[0]
            r.bytes_in > 100, r.bytes_out > 100, r.ttfb >= 0.005, r.tokens, r.phase
            c = ledger.connections[0]
            c.bytes_in >= r.bytes_in, c.bytes_out >= r.bytes_out
            sorted(k for k in r.model_dump() if k in ('bytes_in', 'bytes_out', 'ttfb', 'tokens', 'phase'))
            """)
        try await harness.stop()
        let output = harness.output
        #expect(output.stderr == "", "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("(True, True, True, 2, None)"), "\(output.stdout)")
        #expect(lines.contains("(True, True)"), "\(output.stdout)")
        #expect(lines.contains("['bytes_in', 'bytes_out', 'phase', 'tokens', 'ttfb']"), "\(output.stdout)")
    }
}
