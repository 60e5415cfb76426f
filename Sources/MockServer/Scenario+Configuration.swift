import TrafficModels

/// The mock's side of a ``Scenario`` (the model lives in TrafficModels, shared with the Simulator): its knobs
/// applied to a ``MockServerConfiguration``.
extension Scenario {
    /// `base` with the knobs of every phase up to and including `index` applied, in order.
    public func configuration(base: MockServerConfiguration, throughPhase index: Int?) -> MockServerConfiguration {
        var configuration = base
        guard index != nil else { return configuration }
        for knob in knobs(throughPhase: index) { try? configuration.apply(knob.name, knob.value) }  // validated when parsed
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
