import Foundation
import TrafficModels

/// The one text form of the knobs, shared by `%server latency=300ms …` and `poolplay serve --… ` flags.
extension MockServerConfiguration {
    /// A knob name or value that ``apply(_:_:)`` rejects; ``message`` is ready to show.
    public struct KnobError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// Every knob name, in help order.
    public static let knobNames = [
        "latency", "idle_timeout", "max_requests_per_connection", "max_connections", "rps", "rpm", "tpm",
        "max_concurrent",
        "fault", "stream_ttfb", "stream_chunk_delay", "done_delay", "done_marker", "connect_cost", "api_key", "seed",
        "max_body", "max_header", "header_timeout", "ledger_limit",
    ]

    /// The knobs a single request may set for itself with a header `x-poolplay-<knob>` (dashes or
    /// underscores), e.g. `x-poolplay-done-delay: 300ms`; `x-poolplay-fault` takes a bare `Fault`.
    public static let perRequestKnobNames = [
        "latency", "fault", "stream_ttfb", "stream_chunk_delay", "done_delay", "done_marker", "connect_cost",
    ]

    /// One line per knob: name, example, meaning.
    public static var knobHelp: String {
        """
        latency=200ms                   delay per response; also 100ms..300ms (uniform) or p50:100ms,p99:900ms
        idle_timeout=2s                 close keep-alive connections idle this long (none: never)
        max_requests_per_connection=5   answer the n-th request with Connection: close, then close (none)
        max_connections=10              accept, then close connections beyond this many open ones (none)
        rps=5                           requests per second; more get 429 with retry-after (none)
        rpm=500                         requests per minute, a continuously refilling bucket; more get 429 (none)
        tpm=30000                       tokens per minute (prompt chars/4 + max_completion_tokens reserved) (none)
        max_concurrent=4                requests in progress at once; more get 429 (none)
        fault=503@0.2                   inject a fault: 500|503|429|<status>[+retry|+noretry]|close|close_reused|reset|slow|malformed, @probability or /every-nth; comma-separate several; none clears
        stream_ttfb=100ms               streams: pause before the first event
        stream_chunk_delay=20ms         streams: pause between events
        done_delay=300ms                streams: pause between the last event ([DONE]) and the end of the body
        done_marker=off                 chat streams: end without data: [DONE] (on: send it, the default)
        connect_cost=50ms               extra delay on each connection's first response
        api_key=sk-x                    require Authorization: Bearer sk-x (none: no check)
        seed=1                          seed of the latency and fault-probability generator
        max_body=1MiB                   larger request bodies get 413 (bytes, KiB or MiB)
        max_header=16KiB                larger request heads get 431
        header_timeout=10s              close a connection whose request head is not complete in time (none)
        ledger_limit=10000              keep the most recent n connections and requests (totals stay exact)
        per request: a header x-poolplay-<knob> sets latency, fault, stream_ttfb, stream_chunk_delay,
                     done_delay, done_marker or connect_cost for that request alone, e.g. x-poolplay-done-delay: 300ms
        """
    }

    /// The current knobs in the text form, `name=value` separated by spaces (defaults included).
    public func describe() -> String {
        func duration(_ value: Duration?) -> String { value.map(Self.format) ?? "none" }
        func number(_ value: Int?) -> String { value.map(String.init) ?? "none" }
        return [
            "latency=\(latencyModel)", "idle_timeout=\(duration(idleTimeout))",
            "max_requests_per_connection=\(number(maxRequestsPerConnection))",
            "max_connections=\(number(maxConcurrentConnections))", "rps=\(number(requestsPerSecond))",
            "rpm=\(number(requestsPerMinute))", "tpm=\(number(tokensPerMinute))",
            "max_concurrent=\(number(maxConcurrentRequests))",
            "fault=\(faults.isEmpty ? "none" : faults.map(\.description).joined(separator: ","))",
            "stream_ttfb=\(Self.format(streamFirstByteDelay))", "stream_chunk_delay=\(Self.format(streamChunkDelay))",
            "done_delay=\(Self.format(doneToEndDelay))", "done_marker=\(streamDoneMarker ? "on" : "off")",
            "connect_cost=\(Self.format(connectCost))",
            "api_key=\(apiKey == nil ? "none" : "set")", "seed=\(seed)", "max_body=\(maxBodyBytes)",
            "max_header=\(maxHeaderBytes)", "header_timeout=\(duration(headerReadTimeout))",
            "ledger_limit=\(ledgerLimit)",
        ].joined(separator: " ")
    }

    /// Sets one knob from its text form, e.g. `apply("latency", "100ms..300ms")`.
    public mutating func apply(_ knob: String, _ value: String) throws(KnobError) {
        let name = knob.lowercased().replacingOccurrences(of: "-", with: "_")
        let value = value.trimmingCharacters(in: .whitespaces)
        let none = ["none", "off", "never"].contains(value.lowercased())
        func duration() throws(KnobError) -> Duration {
            guard let parsed = Self.parseDuration(value) else {
                throw KnobError("\(name): expected a duration such as 200ms, got '\(value)'")
            }
            return parsed
        }
        func count(minimum: Int = 1) throws(KnobError) -> Int {
            guard let parsed = Int(value), parsed >= minimum else {
                throw KnobError("\(name): expected a whole number ≥ \(minimum), got '\(value)'")
            }
            return parsed
        }
        func bytes() throws(KnobError) -> Int {
            let units: [(String, Int)] = [("kib", 1024), ("mib", 1 << 20), ("kb", 1000), ("mb", 1_000_000), ("b", 1)]
            let lower = value.lowercased()
            for (suffix, scale) in units where lower.hasSuffix(suffix) {
                if let n = Int(lower.dropLast(suffix.count)), n > 0 { return n * scale }
            }
            if let n = Int(lower), n > 0 { return n }
            throw KnobError("\(name): expected a size such as 16KiB or 1MiB, got '\(value)'")
        }
        switch name {
        case "latency": latencyModel = try Self.parseLatency(value)
        case "idle_timeout": idleTimeout = none ? nil : try duration()
        case "max_requests_per_connection": maxRequestsPerConnection = none ? nil : try count()
        case "max_connections": maxConcurrentConnections = none ? nil : try count()
        case "rps": requestsPerSecond = none ? nil : try count()
        case "rpm": requestsPerMinute = none ? nil : try count()
        case "tpm": tokensPerMinute = none ? nil : try count()
        case "max_concurrent": maxConcurrentRequests = none ? nil : try count()
        case "fault", "faults":
            if none { faults = []; return }
            var rules: [FaultRule] = []
            for part in value.split(separator: ",") {
                guard let rule = FaultRule(String(part).trimmingCharacters(in: .whitespaces)) else {
                    throw KnobError(
                        "fault: expected such as 503@0.2 (probability), 500/3 (every 3rd) or close; got '\(part)'")
                }
                rules.append(rule)
            }
            faults = rules
        case "stream_ttfb": streamFirstByteDelay = try duration()
        case "stream_chunk_delay": streamChunkDelay = try duration()
        case "done_delay": doneToEndDelay = try duration()
        case "done_marker":
            switch value.lowercased() {
            case "on", "true", "1", "yes": streamDoneMarker = true
            case "off", "false", "0", "no", "none": streamDoneMarker = false
            default: throw KnobError("done_marker: expected on or off, got '\(value)'")
            }
        case "connect_cost": connectCost = try duration()
        case "api_key": apiKey = none || value.isEmpty ? nil : value
        case "seed":
            guard let parsed = UInt64(value) else { throw KnobError("seed: expected a whole number, got '\(value)'") }
            seed = parsed
        case "max_body": maxBodyBytes = try bytes()
        case "max_header": maxHeaderBytes = try bytes()
        case "header_timeout": headerReadTimeout = none ? nil : try duration()
        case "ledger_limit": ledgerLimit = try count()
        default:
            throw KnobError("unknown knob '\(knob)'; knobs are: \(Self.knobNames.joined(separator: ", "))")
        }
    }

    /// `200ms`, `100ms..300ms` or `p50:100ms,p99:900ms` (`LatencyModel.init(parsing:)`).
    static func parseLatency(_ text: String) throws(KnobError) -> LatencyModel {
        guard let model = LatencyModel(parsing: text) else {
            throw KnobError(
                "latency: expected a duration such as 200ms, a range 100ms..300ms or p50:100ms,p99:900ms; got '\(text)'")
        }
        return model
    }

    /// `250ms`, `1.5s`, `2m`, `500us` or `0`; `nil` for anything else (negative included).
    /// See `DurationText.parse(_:)`.
    public static func parseDuration(_ text: String) -> Duration? { DurationText.parse(text) }

    /// `200ms`, `2s`, `1.5s`: milliseconds below 1 s, seconds from there. See `DurationText.format(_:)`.
    public static func format(_ duration: Duration) -> String { DurationText.format(duration) }
}
