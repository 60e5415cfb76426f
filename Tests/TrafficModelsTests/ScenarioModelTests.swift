import Testing
import TrafficModels

/// The scenario model shared by the mock and the simulator: phases in order, the phase in force, knobs through a phase.
@Suite struct ScenarioModelTests {
    static let scenario = Scenario(
        name: "s",
        phases: [
            .init(at: .seconds(30), name: "outage", knobs: [.init("fault", "503"), .init("latency", "2s")]),
            .init(at: .zero, knobs: [.init("latency", "100ms")]),
            .init(at: .seconds(60), knobs: [.init("fault", "none")]),
        ])

    @Test func phasesAreSortedAndNamedByTheirTime() {
        #expect(Self.scenario.phases.map(\.at) == [.zero, .seconds(30), .seconds(60)])
        #expect(Self.scenario.phases.map(\.name) == ["at 0ms", "outage", "at 1m0s"])
    }

    @Test func thePhaseInForceAndTheKnobsThroughIt() {
        let late = Scenario(name: "late", phases: [.init(at: .seconds(5), knobs: [.init("rps", "2")])])
        #expect(late.phaseIndex(at: .seconds(4)) == nil)
        #expect(late.knobs(throughPhase: nil).isEmpty)
        #expect(Self.scenario.phaseIndex(at: .milliseconds(29_999)) == 0)
        #expect(Self.scenario.phaseIndex(at: .seconds(30)) == 1)
        #expect(Self.scenario.knobs(throughPhase: 1).map(\.value) == ["100ms", "503", "2s"])
        #expect(Self.scenario.knobs(throughPhase: 2).last == .init("fault", "none"))
    }
}
