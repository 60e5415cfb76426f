import Testing

@testable import TrafficModels

/// Latency distributions: their samples and their text form.
@Suite struct LatencyModelTests {
    @Test func latencySamplesAreSeededAndShaped() {
        var a = SeededRandom(seed: 7)
        var b = SeededRandom(seed: 7)
        let uniform = LatencyModel.uniform(.milliseconds(100), .milliseconds(300))
        let first = (0..<200).map { _ in uniform.sample(&a) }
        #expect(first == (0..<200).map { _ in uniform.sample(&b) })
        #expect(first.allSatisfy { $0 >= .milliseconds(100) && $0 <= .milliseconds(300) })
        #expect(Set(first).count > 100)
        let model = LatencyModel.percentiles(p50: .milliseconds(100), p99: .milliseconds(900))
        let sorted = (0..<4000).map { _ in model.sample(&a).seconds }.sorted()
        #expect(abs(sorted[2000] - 0.1) < 0.015)
        #expect(abs(sorted[3960] - 0.9) < 0.25)
    }

    @Test func textFormParsesAndRoundTrips() {
        #expect(LatencyModel(parsing: "200ms") == .fixed(.milliseconds(200)))
        #expect(LatencyModel(parsing: "100ms..300ms") == .uniform(.milliseconds(100), .milliseconds(300)))
        #expect(LatencyModel(parsing: "P50:100ms,P99:900ms") == .percentiles(p50: .milliseconds(100), p99: .milliseconds(900)))
        #expect(LatencyModel(parsing: "p50:900ms,p99:100ms") == nil)
        #expect(LatencyModel(parsing: "fast") == nil)
        #expect(LatencyModel(parsing: "100ms..") == nil)
        for text in ["200ms", "1.5s", "100ms..2s", "p50:100ms,p99:900ms"] {
            #expect(LatencyModel(parsing: text)?.description == text)
        }
        #expect(LatencyModel.uniform(.milliseconds(100), .milliseconds(300)).typical == .milliseconds(200))
    }

    @Test func fixedDrawsNothingAndNeverGoesNegative() {
        var random = SeededRandom(seed: 3)
        var untouched = SeededRandom(seed: 3)
        #expect(LatencyModel.fixed(.milliseconds(-5)).sample(&random) == .zero)
        #expect(random.next() == untouched.next())
    }
}
