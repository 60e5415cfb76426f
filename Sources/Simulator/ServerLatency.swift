#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TrafficModels

/// How long the simulated server takes to answer, in the `latency=` knob's text form plus `exp:100ms`.
///
/// `200ms`, `100ms..300ms` and `p50:100ms,p99:900ms` are TrafficModels' ``LatencyModel`` (the mock's
/// knob); `exp:100ms` is exponential with that mean, the service time of queueing theory's M/M/c.
public enum ServerLatency: Sendable, Hashable, CustomStringConvertible {
    /// The mock's latency models, sampled as the mock samples them.
    case model(LatencyModel)
    /// Exponential with this mean, in seconds.
    case exponential(mean: Double)

    /// Parses `exp:100ms` or any text ``LatencyModel/init(parsing:)`` accepts; `nil` otherwise.
    public init?(parsing text: String) {
        let lower = text.lowercased()
        if lower.hasPrefix("exp:") {
            guard let mean = DurationText.parse(String(lower.dropFirst(4))) else { return nil }
            self = .exponential(mean: Self.seconds(mean))
            return
        }
        guard let model = LatencyModel(parsing: text) else { return nil }
        self = .model(model)
    }

    /// The mean (exponential), fixed value, range middle or median, in seconds.
    public var typicalSeconds: Double {
        switch self {
        case .model(let model): Self.seconds(model.typical)
        case .exponential(let mean): mean
        }
    }

    public var description: String {
        switch self {
        case .model(let model): model.description
        case .exponential(let mean): "exp:\(DurationText.format(.microseconds(Int64((mean * 1e6).rounded()))))"
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, atto) = duration.components
        return Double(whole) + Double(atto) / 1e18
    }
}

/// A latency ready to sample fast: the fixed and uniform cases without `Duration` arithmetic.
struct LatencySampler: Sendable {
    private enum Kind: Sendable {
        case fixed(Double)
        case uniform(Double, Double)
        case exponential(Double)
        case other(LatencyModel)
    }
    private let kind: Kind

    init(_ latency: ServerLatency) {
        switch latency {
        case .exponential(let mean): kind = .exponential(mean)
        case .model(.fixed(let value)): kind = .fixed(max(0, ServerLatency.seconds(value)))
        case .model(.uniform(let a, let b)):
            let (x, y) = (ServerLatency.seconds(a), ServerLatency.seconds(b))
            kind = .uniform(min(x, y), max(x, y))
        case .model(let model): kind = .other(model)
        }
    }

    /// One delay in seconds.
    func sample(_ random: inout SeededRandom) -> Double {
        switch kind {
        case .fixed(let value): value
        case .uniform(let low, let high): max(0, low + (high - low) * random.unit())
        case .exponential(let mean): -mean * log(1 - random.unit())
        case .other(let model): ServerLatency.seconds(model.sample(&random))
        }
    }
}
