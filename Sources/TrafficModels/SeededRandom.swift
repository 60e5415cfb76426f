/// SplitMix64: a tiny, seedable generator for latency samples and fault probabilities.
///
/// The same seed gives the same sequence on every platform, so a server (or a simulator) started with
/// a fixed seed repeats its latencies, fault draws and retry jitter exactly.
public struct SeededRandom: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    /// A generator whose sequence is determined by `seed`.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1).
    public mutating func unit() -> Double { nextUnit() }
}

extension RandomNumberGenerator {
    /// A double in [0, 1) from the top 53 bits of one ``next()`` (the same draw as ``SeededRandom/unit()``).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
