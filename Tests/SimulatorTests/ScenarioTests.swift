import PoolCore
import Simulator
import Testing
import TrafficModels

/// `--scenario`: the server's knobs change at each phase boundary in virtual time, deterministically for a seed.
@Suite struct ScenarioTests {
    typealias Knob = Scenario.Knob

    /// 10 s normal (100 ms), 10 s of 503 on every request, then recovery.
    static let outage = Scenario(
        name: "outage",
        phases: [
            .init(at: .zero, name: "normal", knobs: [Knob("latency", "100ms"), Knob("fault", "none")]),
            .init(at: .seconds(10), name: "outage", knobs: [Knob("fault", "503")]),
            .init(at: .seconds(20), name: "recovered", knobs: [Knob("fault", "none")]),
        ])

    static func openAI(_ scenario: Scenario?, seed: UInt64 = 7) -> SimulationConfiguration {
        SimulationConfiguration(
            pool: PoolConfiguration(maxConnections: 20, maxKeepaliveConnections: 20, keepaliveExpiry: 5, algorithm: .httpcore2),
            poolTimeout: 600, maxRetries: 2, workload: .poisson(rate: 10, requests: 300), seed: seed, scenario: scenario)
    }

    @Test func a503PhaseFailsAndRetriesOnlyInItsWindow() {
        let result = Simulation(Self.openAI(Self.outage)).runned
        #expect(result.phases.map(\.name) == ["normal", "outage", "recovered"])
        #expect(result.phases.map(\.start) == [0, 10, 20])
        let (normal, outage, recovered) = (result.phases[0], result.phases[1], result.phases[2])
        #expect(normal.errors == 0 && normal.retries == 0 && normal.callsFailed == 0)
        #expect(normal.attempts > 50)
        // Every attempt in the outage is refused; calls that started there and ran out of retries failed.
        #expect(outage.errors == outage.attempts && outage.errors > 50)
        #expect(outage.retries > 0 && outage.callsFailed > 0)
        // After it, no errors; the only retries are those of 503s answered in its last 100 ms, decided just after.
        #expect(recovered.errors == 0 && recovered.retries <= 2)
        #expect(result.failed == ["InternalServerError": outage.callsFailed + recovered.callsFailed])
        #expect(result.retries == outage.retries + recovered.retries)
        // Without the scenario, the same run has no errors at all.
        let plain = Simulation(Self.openAI(nil)).runned
        #expect(plain.failedTotal == 0 && plain.retries == 0 && plain.phases.isEmpty)
    }

    @Test func theSameSeedGivesTheSameJSONAndAnotherSeedAnotherRun() {
        func json(_ seed: UInt64) -> String {
            let text = SimulationReport.json(Simulation(Self.openAI(Self.outage, seed: seed)).runned)
            return String(text[..<text.firstRange(of: "\"wall_seconds\"")!.lowerBound])
                + String(text[text.firstRange(of: "\"scenario\"")!.lowerBound...])
        }
        #expect(json(3) == json(3))
        #expect(json(3) != json(4))
        #expect(json(3).contains("\"scenario\": \"outage\", \"phases\": [{\"name\": \"normal\", \"start_seconds\": 0"))
    }

    @Test func latencyChangesAtThePhaseBoundaryAndTheRouteKnobsApplyOnTop() {
        var scenario = Scenario(
            name: "slowdown",
            phases: [
                .init(at: .zero, knobs: [Knob("latency", "100ms")]),
                .init(at: .seconds(5), knobs: [Knob("latency", "1s")]),
            ])
        var configuration = SimulationConfiguration(
            pool: PoolConfiguration(maxConnections: 1, maxKeepaliveConnections: 1, keepaliveExpiry: nil, algorithm: .httpcore1),
            workload: .arrivals([1, 4.95, 6]), scenario: scenario)
        var result = Simulation(configuration).runned
        // 1 → 1.1; 4.95 → 5.05 (the latency is decided when the request starts); 6 → 7.
        #expect(abs(result.simulatedSeconds - 7) < 1e-9)
        #expect(result.phases.map(\.name) == ["at 0ms", "at 5s"])
        #expect(result.phases[0].callsEnded == 1 && result.phases[1].callsEnded == 2)
        #expect(abs(result.phases[1].latency.maxSeconds - 1) < 1e-9)

        // The chat route's knobs (the simulated calls) beat the phase's; other routes' do not apply.
        scenario.routes = ["chat": [Knob("latency", "300ms")], "models": [Knob("latency", "0ms")]]
        configuration.scenario = scenario
        result = Simulation(configuration).runned
        #expect(abs(result.simulatedSeconds - 6.3) < 1e-9)
        #expect(ServerModel.unmodelledKnobs(in: scenario).isEmpty)
    }

    @Test func limitsAndIdleTimeoutFollowThePhases() {
        // max_concurrent=1 only between 2 s and 4 s: a burst there gets 429s, the same burst before it none.
        let scenario = Scenario(
            name: "squeeze",
            phases: [
                .init(at: .seconds(2), name: "squeeze", knobs: [Knob("max_concurrent", "1"), Knob("idle_timeout", "500ms")]),
                .init(at: .seconds(4), name: "open", knobs: [Knob("max_concurrent", "none")]),
            ])
        var configuration = SimulationConfiguration(
            pool: PoolConfiguration(maxConnections: 3, maxKeepaliveConnections: 3, keepaliveExpiry: 5, algorithm: .httpcore2),
            workload: .arrivals([0, 0, 0, 2.5, 2.5, 2.5, 3.5]),
            server: ServerModel(latency: .model(.fixed(.milliseconds(200)))), scenario: scenario)
        let result = Simulation(configuration).runned
        #expect(result.phases.map(\.name) == ["before squeeze", "squeeze"])  // the run ends at 3.7 s, before "open"
        #expect(result.phases[0].rateLimited == 0 && result.phases[0].opened == 3)
        #expect(result.phases[1].rateLimited == 2)  // two of the three at 2.5 s (plain httpx: a 429 is an answer)
        #expect(result.failed == ["HTTP 429": 2])
        // Idle 500 ms under the squeeze: connections used at 2.5 s are closed by the server before 3.5 s.
        #expect(result.pool.closed(.serverClosed) > 0)
        configuration.scenario?.phases[0].knobs.removeLast()
        #expect(Simulation(configuration).runned.pool.closed(.serverClosed) == 0)
    }

    @Test func knobsTheSimulatorCannotModelAreNamedAndSkipped() {
        let scenario = Scenario(
            name: "streams",
            phases: [.init(at: .zero, knobs: [Knob("stream_ttfb", "2s"), Knob("latency", "50ms")])],
            routes: ["embeddings": [Knob("latency", "1s")]])
        #expect(ServerModel.unmodelledKnobs(in: scenario) == ["stream_ttfb=2s"])
        let result = Simulation(
            SimulationConfiguration(
                pool: PoolConfiguration(maxConnections: 1, maxKeepaliveConnections: 1, keepaliveExpiry: nil, algorithm: .httpcore1),
                workload: .burst(2), scenario: scenario)
        ).runned
        #expect(abs(result.simulatedSeconds - 0.1) < 1e-9)
    }

    @Test func theTableGetsPhaseRowsAndTheChartAPhaseMarker() throws {
        var options = try SimulationOptions.parse(["--rate", "10", "--requests", "300", "--seed", "7"])
        options.scenario = "outage"
        #expect(throws: SimulationOptions.UsageError.self) { try options.configuration(defaults: Self.openAI(nil)) }
        let configuration = try options.configuration(defaults: Self.openAI(nil)) { _ throws(SimulationOptions.UsageError) in
            Self.outage
        }
        let text = try options.report(base: configuration)
        #expect(text.contains("scenario outage, phase by phase:\nphase "))
        #expect(text.contains("\noutage         10    20"))
        #expect(text.contains("\nphases       │1"))
        #expect(text.contains("│ 1 normal, 2 outage, 3 recovered"))
    }
}
