import Foundation

/// How long the server waits before answering: fixed, uniform in a range, or log-normal from p50/p99.
///
/// Samples come from the server's seeded ``SeededRandom``, so a test with a fixed seed sees the same
/// sequence every run.
public enum LatencyModel: Sendable, Hashable {
    /// Always this delay.
    case fixed(Duration)
    /// Uniform between the two bounds (inclusive, in any order).
    case uniform(Duration, Duration)
    /// Log-normal with this median and 99th percentile (like WireMock's lognormal delay).
    case percentiles(p50: Duration, p99: Duration)

    /// The value to show in one number: the fixed value, the range's middle, or the median.
    public var typical: Duration {
        switch self {
        case .fixed(let value): value
        case .uniform(let low, let high): (low + high) / 2
        case .percentiles(let p50, _): p50
        }
    }

    /// One delay drawn with `random`; never negative.
    public func sample(_ random: inout SeededRandom) -> Duration {
        switch self {
        case .fixed(let value):
            return max(value, .zero)
        case .uniform(let a, let b):
            let (low, high) = (min(a, b).seconds, max(a, b).seconds)
            return .seconds(max(0, low + (high - low) * random.unit()))
        case .percentiles(let p50, let p99):
            let median = max(p50.seconds, 1e-6)
            // z(0.99) = 2.3263: the sigma that puts p99 where asked.
            let sigma = max(0, log(max(p99.seconds, median) / median) / 2.3263)
            let u1 = max(random.unit(), 1e-12)
            let u2 = random.unit()
            let normal = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
            return .seconds(median * exp(sigma * normal))
        }
    }
}

/// SplitMix64: a tiny, seedable generator for latency samples and fault probabilities.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
