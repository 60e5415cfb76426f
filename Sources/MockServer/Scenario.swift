import TrafficModels

/// A scripted server: phases over time that change knobs, and knobs per route, with a name and a
/// description. Read from YAML by ``Scenario/parse(_:file:)`` or taken from ``Scenario/builtIn``.
///
/// Time starts when the scenario is loaded. Each phase changes only the knobs it names, on top of the
/// phases before it (and of the configuration in force at load time); the last phase stays in force.
/// For each request the knobs come, in order of precedence, from its `x-poolplay-*` headers, then its
/// route's knobs, then the phase's, then the defaults.
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
        /// Shown in `serve`'s log and in the ledger; defaults to `at 30s`.
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

    /// `base` with the knobs of every phase up to and including `index` applied, in order.
    public func configuration(base: MockServerConfiguration, throughPhase index: Int?) -> MockServerConfiguration {
        var configuration = base
        guard let index else { return configuration }
        for phase in phases[...index] {
            for knob in phase.knobs { try? configuration.apply(knob.name, knob.value) }  // validated when parsed
        }
        configuration.routeKnobs = routes
        return configuration
    }
}


extension MockServerConfiguration {
    /// Applies the scenario's knobs for `route` (a request's per-route knobs, below its own headers).
    mutating func applyRouteKnobs(_ route: Route.Match) {
        guard !routeKnobs.isEmpty, case .route(let route) = route, let name = route.scenarioName,
            let knobs = routeKnobs[name]
        else { return }
        for knob in knobs { try? apply(knob.name, knob.value) }  // validated when parsed
    }
}

extension Route {
    /// The name a scenario's `routes:` gives this route; `nil` for admin routes.
    var scenarioName: String? {
        switch self {
        case .listModels, .retrieveModel: "models"
        case .chatCompletions: "chat"
        case .completions: "completions"
        case .embeddings: "embeddings"
        case .responses: "responses"
        case .ledger, .resetLedger, .knobs: nil
        }
    }
}
