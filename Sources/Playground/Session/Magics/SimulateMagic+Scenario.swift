import MockServer
import Simulator
import TrafficModels

/// `--scenario` for `poolplay simulate` and `%simulate`: the Simulator takes a ``Scenario`` value (TrafficModels)
/// but cannot read YAML, so the reader `poolplay serve --scenario` uses (MockServer's) is handed to it from here.
extension SimulationOptions {
    /// Reads a built-in scenario by name or a scenario file, as `poolplay serve --scenario` does.
    public static func loadScenario(_ nameOrPath: String) throws(UsageError) -> Scenario {
        do {
            return try Scenario.load(nameOrPath)
        } catch {
            throw UsageError("--scenario: \(error.description)")
        }
    }

    /// One line per built-in scenario (`--scenario list`).
    public static var builtInScenarios: String { Scenario.builtInList }

    /// ``configuration(defaults:loadScenario:)`` with MockServer's scenario reader.
    public func configuration(readingScenarioOver defaults: SimulationConfiguration) throws(UsageError)
        -> SimulationConfiguration
    {
        try configuration(defaults: defaults, loadScenario: Self.loadScenario)
    }
}
