import TrafficModels

extension ServerModel {
    /// A knob the simulator rejects: unknown, or a value it cannot read. ``message`` is ready to show.
    public struct KnobError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// The mock's knobs the simulator models.
    public static let modelledKnobs: Set<String> = [
        "latency", "connect_cost", "idle_timeout", "max_requests_per_connection", "rps", "rpm", "tpm",
        "request_tokens", "max_concurrent", "fault",
    ]

    /// The mock's knobs that change nothing a pool sees (bodies, auth, bookkeeping): accepted and ignored.
    public static let irrelevantKnobs: Set<String> = [
        "seed", "api_key", "max_body", "max_header", "header_timeout", "ledger_limit", "done_marker",
    ]

    /// Sets one knob from the mock's text form (`apply("latency", "100ms..300ms")`, `exp:100ms` too).
    public mutating func apply(_ knob: String, _ value: String) throws(KnobError) {
        let name = knob.lowercased().replacing("-", with: "_")
        let trimmed = value.trimmingPrefix(" ")
        let text = String(trimmed)
        let none = ["none", "off", "never"].contains(text.lowercased())
        func seconds() throws(KnobError) -> Double {
            guard let duration = DurationText.parse(text) else {
                throw KnobError("\(name): expected a duration such as 200ms, got '\(text)'")
            }
            return ServerLatency.seconds(duration)
        }
        func count() throws(KnobError) -> Int {
            guard let n = Int(text), n >= 1 else { throw KnobError("\(name): expected a whole number ≥ 1, got '\(text)'") }
            return n
        }
        switch name {
        case "latency":
            guard let latency = ServerLatency(parsing: text) else {
                throw KnobError(
                    "latency: expected 200ms, 100ms..300ms, p50:100ms,p99:900ms or exp:100ms; got '\(text)'")
            }
            self.latency = latency
        case "connect_cost": connectCost = try seconds()
        case "idle_timeout": idleTimeout = none ? nil : try seconds()
        case "max_requests_per_connection": maxRequestsPerConnection = none ? nil : try count()
        case "rps": requestsPerSecond = none ? nil : try count()
        case "rpm": requestsPerMinute = none ? nil : try count()
        case "tpm": tokensPerMinute = none ? nil : try count()
        case "request_tokens": requestTokens = none ? 0 : try count()
        case "max_concurrent": maxConcurrent = none ? nil : try count()
        case "fault", "faults":
            if none {
                faults = []
                return
            }
            var rules: [FaultRule] = []
            for part in text.split(separator: ",") {
                guard let rule = FaultRule(String(part)) else {
                    throw KnobError("fault: expected such as 503@0.2, 500/3 or close; got '\(part)'")
                }
                rules.append(rule)
            }
            faults = rules
        case _ where Self.irrelevantKnobs.contains(name):
            return
        default:
            throw KnobError("the simulator cannot model '\(knob)'; it models \(Self.modelledKnobs.sorted().joined(separator: ", "))")
        }
    }

    /// Applies `knob=value` (the form of `--server` and `%server`).
    public mutating func apply(_ assignment: String) throws(KnobError) {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw KnobError("expected knob=value, got '\(assignment)'")
        }
        try apply(String(assignment[..<equals]), String(assignment[assignment.index(after: equals)...]))
    }
}
