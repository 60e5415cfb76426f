import PoolCore
import Simulator
import Testing

/// The acceptance scenarios: the simulator agrees with what the real libraries do.
@Suite struct AcceptanceTests {
    static func limits(_ max: Int, _ keepalive: Int, _ algorithm: PoolAlgorithm, expiry: Double? = 5)
        -> PoolConfiguration
    {
        PoolConfiguration(
            maxConnections: max, maxKeepaliveConnections: keepalive, keepaliveExpiry: expiry, algorithm: algorithm)
    }

    static func fixed(_ ms: Int) -> ServerModel { ServerModel(latency: .model(.fixed(.milliseconds(ms)))) }

    /// The seed's `Limits(10, 5)`, a burst of 20 at 200 ms: httpcore 1.0.9 closes each released connection while
    /// the total exceeds 5 and opens a new one for the next queued request; httpcore2 reuses the ten.
    @Test func seedBurstOpensTwentyWithHTTPXAndTenWithHTTPX2() {
        let httpx = Simulation(
            SimulationConfiguration(pool: Self.limits(10, 5, .httpcore1), workload: .burst(20), server: Self.fixed(200))
        ).runned
        #expect(httpx.pool.opened == 20)
        #expect(httpx.completed == 20)
        #expect(httpx.pool.closed(.keepAliveLimit) == 15)
        #expect(httpx.pool.reused == 0)
        #expect(abs(httpx.simulatedSeconds - 0.4) < 1e-9)

        let httpx2 = Simulation(
            SimulationConfiguration(pool: Self.limits(10, 5, .httpcore2), workload: .burst(20), server: Self.fixed(200))
        ).runned
        #expect(httpx2.pool.opened == 10)
        #expect(httpx2.pool.reused == 10)
        #expect(httpx2.pool.closed(.keepAliveLimit) == 5)
        #expect(httpx2.completed == 20)
        #expect(httpx2.peakConnections == 10)
        #expect(httpx2.peakQueued == 10)
    }

    /// `--burst 1000` through `Limits(10, 10)` at 100 ms: 100 waves of ten, 10.0 simulated seconds.
    @Test(arguments: PoolAlgorithm.allCases) func burstOfAThousandTakesTenSeconds(algorithm: PoolAlgorithm) {
        let result = Simulation(
            SimulationConfiguration(
                pool: Self.limits(10, 10, algorithm), poolTimeout: nil, workload: .burst(1000), server: Self.fixed(100))
        ).runned
        #expect(result.completed == 1000)
        #expect(abs(result.simulatedSeconds - 10.0) < 1e-6)
        #expect(result.pool.opened == 10)
        #expect(abs(result.throughput - 100) < 1e-6)
    }

    /// The same seed gives the same run; another seed another.
    @Test func sameSeedSameResult() {
        func run(_ seed: UInt64) -> SimulationResult {
            Simulation(
                SimulationConfiguration(
                    pool: Self.limits(10, 10, .httpcore1), workload: .poisson(rate: 80, requests: 5000),
                    server: ServerModel(latency: .exponential(mean: 0.1)), seed: seed)
            ).runned
        }
        let (a, b, c) = (run(7), run(7), run(8))
        #expect(a.simulatedSeconds == b.simulatedSeconds)
        #expect(a.latency.meanSeconds == b.latency.meanSeconds)
        #expect(a.pool == b.pool)
        #expect(a.simulatedSeconds != c.simulatedSeconds)
    }
}

extension Simulation {
    /// Runs a copy and returns its result (tests build and run in one expression).
    var runned: SimulationResult {
        var copy = self
        return copy.run()
    }
}
