import PoolCore
import Simulator
import Testing

/// The simulator against queueing theory: a pool that never closes a connection is an M/M/c queue.
@Suite struct QueueingTheoryTests {
    /// Erlang C's mean wait in queue, W_q = C(c, a) / (cμ − λ), for `servers` servers, arrival `rate` and mean
    /// service time `service`.
    static func erlangCWait(servers c: Int, rate lambda: Double, service: Double) -> Double {
        let mu = 1 / service
        let a = lambda / mu
        let rho = a / Double(c)
        var term = 1.0
        var sum = 0.0
        for k in 0..<c {
            sum += term
            term *= a / Double(k + 1)
        }
        let tail = term / (1 - rho)  // a^c / c! · 1 / (1 − ρ)
        let probabilityOfWaiting = tail / (sum + tail)
        return probabilityOfWaiting / (Double(c) * mu - lambda)
    }

    /// M/M/10 (Poisson at 80/s, exponential service with a 100 ms mean, Limits(10, 10)): Erlang C says
    /// W_q = 0.4092 × 1/20 s ≈ 20.5 ms. The 5% needs 2,000,000 requests (the sampling error of the mean
    /// wait is about 5% at 200,000, as waits are strongly correlated at ρ = 0.8); this test runs 200,000 and allows
    /// 15% (three of those standard errors), so a wrong pool rule (a wait twice as long, or none) still fails.
    @Test(arguments: PoolAlgorithm.allCases) func meanPoolWaitMatchesErlangC(algorithm: PoolAlgorithm) {
        let expected = Self.erlangCWait(servers: 10, rate: 80, service: 0.1)
        #expect(abs(expected - 0.020_46) < 0.000_1)
        var simulation = Simulation(
            SimulationConfiguration(
                pool: PoolConfiguration(
                    maxConnections: 10, maxKeepaliveConnections: 10, keepaliveExpiry: nil, algorithm: algorithm),
                poolTimeout: nil, workload: .poisson(rate: 80, requests: 200_000),
                server: ServerModel(latency: .exponential(mean: 0.1)), seed: 42))
        let result = simulation.run()
        #expect(result.completed == 200_000)
        #expect(result.pool.opened == 10)
        let measured = result.poolWait.meanSeconds
        #expect(abs(measured - expected) / expected < 0.15, "mean pool wait \(measured) s, Erlang C \(expected) s")
        // Little's law on the server: busy connections = λ · service time ≈ 8 of the 10.
        let busy = result.throughput * 0.1
        #expect(abs(busy - 8) < 0.2)
    }
}
