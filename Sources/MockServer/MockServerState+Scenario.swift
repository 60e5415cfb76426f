import NIOCore
import Synchronization
import TrafficModels

/// A loaded scenario and where it is in its timeline.
struct ScenarioRun: Sendable {
    var scenario: Scenario
    /// When it was loaded (time zero of its phases).
    var loadedAt: NIODeadline
    /// The configuration in force when it was loaded, under its phases.
    var base: MockServerConfiguration
    /// The phase in force; `nil` before the first.
    var phase: Int?
    /// Phase changes not yet taken by ``MockServerState/takeScenarioLog()`` (at most 100 kept).
    var log: [String] = []
}

extension MockServerState {
    /// Loads `scenario` at `now`: its phases count from here, and its first phase (if at 0s) applies at once.
    func loadScenario(_ scenario: Scenario, at now: NIODeadline) {
        let base = configuration
        scenarioRun.withLock { run in
            run = ScenarioRun(scenario: scenario, loadedAt: now, base: base, phase: nil)
            run?.log.append("scenario \(scenario.name) loaded: \(scenario.description)")
        }
        hasScenario.store(true, ordering: .releasing)
        _ = advanceScenario(at: now)
    }

    /// Applies the phase in force at `now` if it changed; returns its name (`nil`: no scenario, or before its
    /// first phase). Cheap when no scenario is loaded (one atomic load).
    @discardableResult
    func advanceScenario(at now: NIODeadline) -> String? {
        guard hasScenario.load(ordering: .acquiring) else { return nil }
        let change = scenarioRun.withLock { run -> (MockServerConfiguration?, String?) in
            guard var current = run else { return (nil, nil) }
            let elapsed = Duration.nanoseconds((now - current.loadedAt).nanoseconds)
            let index = current.scenario.phaseIndex(at: elapsed)
            let name = index.map { current.scenario.phases[$0].name }
            guard index != current.phase else { return (nil, name) }
            current.phase = index
            let phase = index.map { current.scenario.phases[$0] }
            if let phase {
                let knobs = phase.knobs.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
                current.log.append(
                    "scenario \(current.scenario.name): phase '\(phase.name)' (at \(DurationText.formatReset(phase.at))): \(knobs)")
                if current.log.count > 100 { current.log.removeFirst(current.log.count - 100) }
            }
            let configuration = current.scenario.configuration(base: current.base, throughPhase: index)
            run = current
            return (configuration, name)
        }
        if let configuration = change.0 { updateConfiguration { $0 = configuration } }
        return change.1
    }

    /// Drops the loaded scenario; its phases stop changing the configuration (which stays as it is now).
    func unloadScenario() {
        hasScenario.store(false, ordering: .releasing)
        scenarioRun.withLock { $0 = nil }
    }

    /// The phase changes logged since the last call (for `serve`'s log).
    func takeScenarioLog() -> [String] {
        scenarioRun.withLock { run in
            defer { run?.log = [] }
            return run?.log ?? []
        }
    }

    /// The loaded scenario's name and the phase in force, if any.
    var scenarioStatus: (name: String, phase: String?)? {
        guard hasScenario.load(ordering: .acquiring) else { return nil }
        let snapshot: ScenarioRun? = scenarioRun.withLock { $0 }
        guard let snapshot else { return nil }
        let phase = snapshot.phase.map { snapshot.scenario.phases[$0].name }
        return (snapshot.scenario.name, phase)
    }
}

/// The loaded scenario as `%simulate` models it: the scenario, how long ago it was loaded, and the
/// configuration in force when it was loaded (what its phases change).
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    public var elapsed: Duration
    public var base: MockServerConfiguration
}

extension MockServer {
    /// The loaded scenario, if any (see ``LoadedScenario``).
    public var loadedScenario: LoadedScenario? {
        guard state.hasScenario.load(ordering: .acquiring) else { return nil }
        let now = NIODeadline.now()
        return state.scenarioRun.withLock { run in
            run.map {
                LoadedScenario(
                    scenario: $0.scenario, elapsed: .nanoseconds((now - $0.loadedAt).nanoseconds), base: $0.base)
            }
        }
    }
}
