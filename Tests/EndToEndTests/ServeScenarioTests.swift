import Foundation
import Testing

/// `poolplay serve --scenario`: the built-in list, a bad file refused with `file:line`, and each phase change
/// logged. Phase timing itself is tested on a virtual clock in `MockServerTests/ScenarioTests`.
@Suite("poolplay serve --scenario", .timeLimit(.minutes(2)))
struct ServeScenarioTests {
    @Test func listShowsTheBuiltIns() async throws {
        let result = try await PoolplayBinary.run(["serve", "--scenario", "list"], timeout: .seconds(30))
        #expect(result.status == 0, "\(result)")
        for name in ["brownout", "rate-limited", "flaky-keepalive"] {
            #expect(result.stdout.contains(name), "\(result)")
        }
    }

    @Test func aBadFileIsRefusedWithFileAndLineAndNothingIsServed() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-bad-\(UUID()).yaml")
        try "name: bad\nphases:\n  - at: 0s\n    latency: soon\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await PoolplayBinary.run(
            ["serve", "--port", "0", "--scenario", file.path], timeout: .seconds(30))
        #expect(result.status != 0)
        #expect((result.stderr + result.stdout).contains("\(file.path):4: latency: expected"), "\(result)")
        #expect(!result.stdout.contains("export OPENAI_BASE_URL"))
    }

    @Test func eachPhaseChangeIsLogged() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-phases-\(UUID()).yaml")
        try """
            name: two-step
            description: fast, then failing
            phases:
              - at: 0s
                name: first
                latency: 0ms
              - at: 200ms
                name: second
                fault: 503
            """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let server = try await SDKCompatServer.start(extraArguments: ["--scenario", file.path])
        for _ in 0..<100 where !server.output.contains("phase 'second'") {  // bounded: 10 s
            try await Task.sleep(for: .milliseconds(100))
        }
        _ = await server.stop()
        let lines = server.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("scenario two-step loaded: fast, then failing"), "\(server.output)")
        #expect(lines.contains("scenario two-step: phase 'first' (at 0ms): latency=0ms"), "\(server.output)")
        #expect(lines.contains("scenario two-step: phase 'second' (at 200ms): fault=503"), "\(server.output)")
    }
}
