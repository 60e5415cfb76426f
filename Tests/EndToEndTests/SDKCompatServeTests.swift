import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `poolplay serve` itself, without Python: the banner, knobs as arguments, a clean stop on SIGTERM, and the
/// refusal to bind beyond loopback without `--allow-remote` (never binds, so the test stays on 127.0.0.1).
@Suite("poolplay serve", .timeLimit(.minutes(2)))
struct SDKCompatServeTests {
    @Test func bannerShowsTheURLTheExportsAndTheKnobsLogsRequestsThenSIGTERMStopsCleanly() async throws {
        let server = try await SDKCompatServer.start(extraArguments: ["api_key=sk-banner", "ledger_limit=5", "rps=3"])
        var request = URLRequest(url: try #require(URL(string: server.baseURL + "/models")))
        request.setValue("Bearer sk-banner", forHTTPHeaderField: "Authorization")
        request.setValue("0", forHTTPHeaderField: "x-stainless-retry-count")
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let status = await server.stop()
        let lines = server.output.split(separator: "\n").map(String.init)
        #expect(server.baseURL.hasPrefix("http://127.0.0.1:") && server.baseURL.hasSuffix("/v1"))
        #expect(lines.contains("export OPENAI_BASE_URL=\(server.baseURL)"), "\(server.output)")
        #expect(lines.contains("export OPENAI_API_KEY=sk-banner"), "\(server.output)")
        let knobs = try #require(lines.first { $0.hasPrefix("knobs: ") }, "\(server.output)")
        #expect(knobs.contains("latency=0ms") && knobs.contains("rps=3") && knobs.contains("ledger_limit=5"))
        #expect(knobs.contains("api_key=set") && !knobs.contains("sk-banner"), "the key is not echoed: \(knobs)")
        #expect(
            lines.contains { $0.contains("conn 1  GET /v1/models  200") && $0.hasSuffix("retry 0") },
            "one log line per request: \(server.output)")
        #expect(status == 0, "\(server.output)")
        #expect(lines.last == "stopped")
    }

    @Test func aNonLoopbackHostNeedsAllowRemote() async throws {
        let result = try await PoolplayBinary.run(["serve", "--host", "0.0.0.0", "--port", "0"], timeout: .seconds(30))
        #expect(result.status != 0)
        #expect(
            (result.stderr + result.stdout).contains("refusing to bind 0.0.0.0: pass --allow-remote to serve beyond this machine"),
            "\(result)")
        #expect(!result.stdout.contains("export OPENAI_BASE_URL"))
    }

    @Test func aBadKnobIsRefusedWithItsReason() async throws {
        let result = try await PoolplayBinary.run(["serve", "--port", "0", "rps=fast"], timeout: .seconds(30))
        #expect(result.status != 0)
        #expect((result.stderr + result.stdout).contains("rps: expected a whole number ≥ 1, got 'fast'"), "\(result)")
    }
}
