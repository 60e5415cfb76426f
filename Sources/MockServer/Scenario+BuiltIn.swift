import TrafficModels

/// The scenarios that ship inside the binary (`poolplay serve --scenario list`), as YAML text.
extension Scenario {
    /// Built-in names, in listing order.
    public static let builtInNames = ["brownout", "rate-limited", "flaky-keepalive"]

    /// Every built-in scenario, parsed.
    public static var builtIn: [Scenario] {
        builtInNames.compactMap { name in builtInText[name].flatMap { try? parse($0, file: "<built-in \(name)>") } }
    }

    /// One line per built-in scenario: name and description.
    public static var builtInList: String {
        builtIn.map { "\($0.name.padding(toLength: 16, withPad: " ", startingAt: 0)) \($0.description)" }
            .joined(separator: "\n")
    }

    static let builtInText: [String: String] = [
        "brownout": """
            name: brownout
            description: 20 s normal, then 30 s of 503s and slow answers, then recovery
            phases:
              - at: 0s
                name: normal
                latency: 200ms
                fault: none
              - at: 20s
                name: brownout
                latency: 1s..3s
                fault: 503@0.5
              - at: 50s
                name: recovered
                latency: 200ms
                fault: none
            routes:
              models:
                latency: 0ms
            """,
        "rate-limited": """
            name: rate-limited
            description: rpm and tpm near a low paid tier (500 requests, 30000 tokens a minute)
            phases:
              - at: 0s
                name: tier-1
                rpm: 500
                tpm: 30000
                latency: 300ms
            routes:
              models:
                latency: 0ms
            """,
        "flaky-keepalive": """
            name: flaky-keepalive
            description: idle connections closed after 4 s (below httpx's 5 s keepalive_expiry), and 1 reused connection in 5 closed instead of answered
            phases:
              - at: 0s
                name: flaky
                idle_timeout: 4s
                fault: close_reused@0.2
                latency: 50ms
            """,
    ]
}
