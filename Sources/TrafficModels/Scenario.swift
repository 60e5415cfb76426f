/// A scripted server: phases over time that change knobs, and knobs per route, with a name and a
/// description — the one model that `poolplay serve --scenario`, `%server scenario=` and
/// `poolplay simulate --scenario` share.
///
/// It is pure: knobs stay in the mock's text form (`latency` = `1s..3s`), and each consumer reads them with
/// its own `apply(name, value)` — the mock's `MockServerConfiguration` on the wall clock, the Simulator's
/// `ServerModel` in virtual time. MockServer reads it from YAML (`Scenario.parse(_:file:)`, where Yams is
/// allowed) and ships the built-in ones (`Scenario.builtIn`).
///
/// Time starts when the scenario is loaded (the mock) or at t = 0 (the simulator). Each phase changes only
/// the knobs it names, on top of the phases before it (and of the configuration in force at load time); the
/// last phase stays in force. For each request the knobs come, in order of precedence, from its
/// `x-poolplay-*` headers, then its route's knobs, then the phase's, then the defaults.
public struct Scenario: Sendable, Hashable {
    /// One `name=value` setting, with the line of the file it came from (for messages).
    public struct Knob: Sendable, Hashable {
        public var name: String
        public var value: String
        public var line: Int

        public init(_ name: String, _ value: String, line: Int = 0) {
            self.name = name
            self.value = value
            self.line = line
        }
    }

    /// Knobs that take effect `at` after the scenario loads.
    public struct Phase: Sendable, Hashable {
        public var at: Duration
        /// Shown in `serve`'s log, the ledger and the simulator's phase table; defaults to `at 30s`.
        public var name: String
        public var knobs: [Knob]

        public init(at: Duration, name: String? = nil, knobs: [Knob]) {
            self.at = at
            self.name = name ?? "at \(DurationText.formatReset(at))"
            self.knobs = knobs
        }
    }

    public var name: String
    public var description: String
    /// In order of `at`.
    public var phases: [Phase]
    /// Per-request knobs by route name (``routeNames``).
    public var routes: [String: [Knob]]

    /// Route names a scenario's `routes:` may use, and the paths they stand for.
    public static let routeNames = ["models", "chat", "completions", "embeddings", "responses"]

    public init(name: String, description: String = "", phases: [Phase], routes: [String: [Knob]] = [:]) {
        self.name = name
        self.description = description
        self.phases = phases.sorted { $0.at < $1.at }
        self.routes = routes
    }

    /// The index of the phase in force `elapsed` after loading; `nil` before the first phase starts.
    public func phaseIndex(at elapsed: Duration) -> Int? {
        phases.lastIndex { $0.at <= elapsed }
    }

    /// The knobs of every phase up to and including `index`, in the order they are applied (a later one
    /// wins); empty for `nil` (before the first phase).
    public func knobs(throughPhase index: Int?) -> [Knob] {
        guard let index else { return [] }
        return phases[...index].flatMap(\.knobs)
    }
}
