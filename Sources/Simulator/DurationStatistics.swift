import Histogram

/// Streamed statistics of a duration: an exact mean and maximum, and percentiles from an HdrHistogram
/// (microsecond resolution, three significant digits). Nothing is kept per sample.
public struct DurationStatistics: Sendable {
    private var histogram: Histogram<UInt64>
    /// Samples recorded.
    public private(set) var count = 0
    private var sum = 0.0
    /// The longest sample, in seconds (exact).
    public private(set) var maxSeconds = 0.0

    public init() {
        histogram = Histogram(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
        histogram.autoResize = true
    }

    /// Records one sample in seconds.
    mutating func record(_ seconds: Double) {
        count += 1
        sum += seconds
        if seconds > maxSeconds { maxSeconds = seconds }
        _ = histogram.record(UInt64(max(0, seconds * 1e6).rounded()))
    }

    /// The exact mean in seconds (0 without samples).
    public var meanSeconds: Double { count == 0 ? 0 : sum / Double(count) }

    /// The `percentile` (0–100) in seconds, to the histogram's precision.
    public func seconds(atPercentile percentile: Double) -> Double {
        count == 0 ? 0 : Double(histogram.valueAtPercentile(percentile)) / 1e6
    }

    /// `mean`, `p50`, `p90`, `p99`, `max` in milliseconds, the order the table and `--json` use.
    public var summaryMilliseconds: [(name: String, value: Double)] {
        [
            ("mean", meanSeconds * 1000), ("p50", seconds(atPercentile: 50) * 1000),
            ("p90", seconds(atPercentile: 90) * 1000), ("p99", seconds(atPercentile: 99) * 1000),
            ("max", maxSeconds * 1000),
        ]
    }
}
