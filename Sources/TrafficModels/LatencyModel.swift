#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How long the server waits before answering: fixed, uniform in a range, or log-normal from p50/p99.
///
/// Samples come from a seeded generator (the server's ``SeededRandom``), so a test with a fixed seed sees
/// the same sequence every run. The text form (``init(parsing:)``, ``description``) is the `latency=` knob's:
/// `200ms`, `100ms..300ms` or `p50:100ms,p99:900ms`.
public enum LatencyModel: Sendable, Hashable, CustomStringConvertible {
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
    ///
    /// Draws no number for `.fixed`, one for `.uniform` and two (Box–Muller) for `.percentiles`.
    public func sample<Generator: RandomNumberGenerator>(_ random: inout Generator) -> Duration {
        switch self {
        case .fixed(let value):
            return max(value, .zero)
        case .uniform(let a, let b):
            let (low, high) = (min(a, b).seconds, max(a, b).seconds)
            return .seconds(max(0, low + (high - low) * random.nextUnit()))
        case .percentiles(let p50, let p99):
            let median = max(p50.seconds, 1e-6)
            // z(0.99) = 2.3263: the sigma that puts p99 where asked.
            let sigma = max(0, log(max(p99.seconds, median) / median) / 2.3263)
            let u1 = max(random.nextUnit(), 1e-12)
            let u2 = random.nextUnit()
            let normal = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
            return .seconds(median * exp(sigma * normal))
        }
    }

    /// The text form: `200ms`, `100ms..300ms` or `p50:100ms,p99:900ms` (durations as ``DurationText/format(_:)``).
    public var description: String {
        switch self {
        case .fixed(let value): DurationText.format(value)
        case .uniform(let low, let high): "\(DurationText.format(low))..\(DurationText.format(high))"
        case .percentiles(let p50, let p99): "p50:\(DurationText.format(p50)),p99:\(DurationText.format(p99))"
        }
    }

    /// Parses the text form: `200ms` (fixed), `100ms..300ms` (uniform) or `p50:100ms,p99:900ms` (p99 ≥ p50);
    /// `nil` for anything else. Durations are read by ``DurationText/parse(_:)``.
    public init?(parsing text: String) {
        if let range = text.firstRange(of: "..") {
            guard let low = DurationText.parse(String(text[..<range.lowerBound])),
                let high = DurationText.parse(String(text[range.upperBound...]))
            else { return nil }
            self = .uniform(low, high)
            return
        }
        if text.lowercased().hasPrefix("p50:") {
            let parts = text.lowercased().split(separator: ",")
            guard parts.count == 2, parts[1].hasPrefix("p99:"),
                let p50 = DurationText.parse(String(parts[0].dropFirst(4))),
                let p99 = DurationText.parse(String(parts[1].dropFirst(4))), p99 >= p50
            else { return nil }
            self = .percentiles(p50: p50, p99: p99)
            return
        }
        guard let fixed = DurationText.parse(text) else { return nil }
        self = .fixed(fixed)
    }
}
