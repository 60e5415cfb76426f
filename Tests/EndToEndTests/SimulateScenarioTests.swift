import Foundation
import Testing

/// `poolplay simulate --scenario` (a built-in by name, a YAML file, a bad file) and `%simulate` replaying the live
/// mock's scenario. Phase timing itself is tested in virtual time in `SimulatorTests/ScenarioTests`.
@Suite("poolplay simulate --scenario", .timeLimit(.minutes(2)))
struct SimulateScenarioTests {
    static func json(_ result: PoolplayBinary.Result) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(object as? [String: Any], "\(result)")
    }

    static func phases(_ json: [String: Any]) throws -> [[String: Any]] {
        try #require(json["phases"] as? [[String: Any]])
    }

    @Test func aBuiltInByNameFailsOnlyInItsBrownout() async throws {
        let result = try await PoolplayBinary.run(
            ["simulate", "--scenario", "brownout", "--rate", "20", "--requests", "1500", "--max-retries", "2",
             "--limits", "20,20", "--json"])
        #expect(result.status == 0, "\(result)")
        let json = try Self.json(result)
        #expect(json["scenario"] as? String == "brownout")
        let phases = try Self.phases(json)
        #expect(phases.map { $0["name"] as? String } == ["normal", "brownout", "recovered"])
        #expect(phases.map { $0["start_seconds"] as? Double } == [0, 20, 50])
        #expect(phases[0]["errors"] as? Int == 0 && phases[2]["errors"] as? Int == 0)
        #expect((phases[1]["errors"] as? Int ?? 0) > 50)
        #expect((phases[1]["retries"] as? Int ?? 0) > 50 && phases[0]["retries"] as? Int == 0)
        #expect(json["requests"] as? Int == 1500)
    }

    @Test func aFileDrivesTheSameRunForTheSameSeedAndTheTableShowsItsPhases() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-sim-\(UUID()).yaml")
        try """
            name: squeeze
            description: a concurrency cap from 2 s
            phases:
              - at: 0s
                name: open
                latency: 100ms
              - at: 2s
                name: capped
                max_concurrent: 1
            """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let arguments = ["simulate", "--scenario", file.path, "--rate", "20", "--requests", "80", "--seed", "5"]
        let first = try await PoolplayBinary.run(arguments + ["--json"])
        let second = try await PoolplayBinary.run(arguments + ["--json"])
        #expect(first.status == 0, "\(first)")
        func withoutWallTime(_ text: String) -> String {
            text.replacing(/"wall_seconds": [0-9.e-]+/, with: "")
        }
        #expect(withoutWallTime(first.stdout) == withoutWallTime(second.stdout))
        let phases = try Self.phases(try Self.json(first))
        #expect(phases.map { $0["name"] as? String } == ["open", "capped"])
        #expect(phases[0]["rate_limited"] as? Int == 0)
        #expect((phases[1]["rate_limited"] as? Int ?? 0) > 0)

        let table = try await PoolplayBinary.run(arguments)
        #expect(table.status == 0, "\(table)")
        #expect(table.stdout.contains("scenario squeeze, phase by phase:"), "\(table)")
        #expect(table.stdout.contains("│ 1 open, 2 capped"), "\(table)")
    }

    @Test func aBadFileIsRefusedWithFileAndLine() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-sim-bad-\(UUID()).yaml")
        try "name: bad\nphases:\n  - at: 0s\n    latency: soon\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await PoolplayBinary.run(["simulate", "--scenario", file.path, "--burst", "5"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(file.path):4: latency: expected"), "\(result)")
        let list = try await PoolplayBinary.run(["simulate", "--scenario", "list"])
        #expect(list.status == 0 && list.stdout.contains("flaky-keepalive"), "\(list)")
    }

    @Test func percentSimulateReplaysTheLiveMocksScenario() async throws {
        let result = try await PoolplayBinary.run(
            [], input: "%server load brownout\n%simulate --rate 5 --requests 300 --no-chart\n")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("  scenario: brownout (normal at 0ms, brownout at 20s, recovered at 50s)"), "\(result)")
        #expect(result.stdout.contains("the live mock's scenario, now at phase 'normal'"), "\(result)")
        #expect(result.stdout.contains("scenario brownout, phase by phase:"), "\(result)")
        #expect(!result.stdout.contains("not modelled"), "\(result)")  // the models route's latency is about another route
    }
}
