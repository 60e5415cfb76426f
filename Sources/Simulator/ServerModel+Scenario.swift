import TrafficModels

extension ServerModel {
    /// The route whose `routes:` knobs of a scenario apply to the simulated calls: they are chat completions
    /// (`client.chat.completions.create`), the call the lessons and `%simulate` are about.
    public static let scenarioRoute = "chat"

    /// This server with `knobs` applied in order; the knobs the simulator cannot model are skipped (see
    /// ``unmodelledKnobs(in:)``, which names them).
    public func applying(_ knobs: [Scenario.Knob]) -> ServerModel {
        var server = self
        for knob in knobs { try? server.apply(knob.name, knob.value) }
        return server
    }

    /// The knobs of `scenario`'s phases (and of its ``scenarioRoute``) that the simulator cannot model, as
    /// `name=value`, each once. Other routes' knobs are not listed: the simulated calls never take them.
    public static func unmodelledKnobs(in scenario: Scenario) -> [String] {
        var names: [String] = []
        func note(_ text: String) { if !names.contains(text) { names.append(text) } }
        var scratch = ServerModel()
        for knob in scenario.phases.flatMap(\.knobs) + (scenario.routes[scenarioRoute] ?? []) {
            do { try scratch.apply(knob.name, knob.value) } catch { note("\(knob.name)=\(knob.value)") }
        }
        return names
    }
}

/// A scenario laid out for the simulator: when each phase starts, in simulated seconds, and the server model
/// in force from then on (the base with every phase up to it applied, then the ``ServerModel/scenarioRoute``'s
/// knobs on top, as the mock applies a route's knobs over the phase's).
struct ScenarioSchedule: Sendable {
    struct Entry: Sendable {
        var start: Double
        var name: String
        var server: ServerModel
    }

    /// In order of `start`; the first starts at 0 (a segment named `before <first phase>` when the scenario's
    /// first phase starts later).
    var entries: [Entry]

    init(_ scenario: Scenario, base: ServerModel) {
        let route = scenario.routes[ServerModel.scenarioRoute] ?? []
        var entries: [Entry] = []
        if let first = scenario.phases.first, first.at > .zero {
            entries.append(Entry(start: 0, name: "before \(first.name)", server: base.applying(route)))
        }
        var server = base
        for phase in scenario.phases {
            server = server.applying(phase.knobs)
            let start = max(0, ServerLatency.seconds(phase.at))
            let entry = Entry(start: start, name: phase.name, server: server.applying(route))
            // Two phases at the same time: the later one wins, as it does in the mock.
            if entries.last?.start == start { entries[entries.count - 1] = entry } else { entries.append(entry) }
        }
        if entries.isEmpty { entries.append(Entry(start: 0, name: scenario.name, server: base.applying(route))) }
        self.entries = entries
    }
}
