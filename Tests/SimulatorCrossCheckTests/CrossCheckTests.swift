import MockServer
import PoolCore
import PoolEngine
import Simulator
import Testing
import TrafficModels

/// The simulator against the real engine: the same scenario through PoolEngine over sockets to the mock on
/// 127.0.0.1, and through the Simulator in virtual time. Connection counts and close reasons must agree exactly.
@Suite(.serialized) struct CrossCheckTests {
    /// What both runs are compared on.
    struct Outcome: Equatable, CustomStringConvertible {
        var opened: Int
        var reused: Int
        var closed: [CloseReason: Int]
        var completed: Int
        var poolTimeouts = 0
        var requeues = 0

        var description: String {
            "opened \(opened), reused \(reused), completed \(completed), PoolTimeouts \(poolTimeouts), "
                + "requeues \(requeues), closed "
                + closed.sorted { "\($0.key)" < "\($1.key)" }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
    }

    static func limits(_ max: Int, _ keepalive: Int, _ algorithm: PoolAlgorithm) -> PoolConfiguration {
        PoolConfiguration(maxConnections: max, maxKeepaliveConnections: keepalive, keepaliveExpiry: 5, algorithm: algorithm)
    }

    /// `n` requests at once through a real pool to the mock answering after `latency`.
    static func real(_ pool: PoolConfiguration, burst n: Int, latency: Duration) async throws -> Outcome {
        let server = try await MockServer.start(configuration: MockServerConfiguration(latency: latency))
        let engine = ConnectionPool(configuration: pool, factory: NIOConnectionFactory())
        let origin = Origin(scheme: "http", host: "127.0.0.1", port: server.port)
        let timeouts = RequestTimeouts(connect: .seconds(5), read: .seconds(30), write: .seconds(5), pool: .seconds(30))
        let pending = (0..<n).map { _ in
            engine.submit(PoolRequest(method: "GET", origin: origin, target: "/v1/models", timeouts: timeouts))
        }
        var completed = 0
        for request in pending where try await request.response().status == 200 { completed += 1 }
        let counters = engine.snapshot.counters
        await engine.close()
        try await server.shutdown()
        var closed = counters.closedByReason
        // close() at the end of the test is ours, not the scenario's.
        closed[.poolClosed] = nil
        return Outcome(opened: counters.opened, reused: counters.reused, closed: closed, completed: completed)
    }

    /// The same through the simulator.
    static func simulated(_ pool: PoolConfiguration, burst n: Int, latency: Duration) -> Outcome {
        var simulation = Simulation(
            SimulationConfiguration(
                pool: pool, poolTimeout: 30, workload: .burst(n), server: ServerModel(latency: .model(.fixed(latency)))))
        let result = simulation.run()
        return Outcome(
            opened: result.pool.opened, reused: result.pool.reused, closed: result.pool.closedByReason,
            completed: result.completed)
    }

    /// Requests sent at set times (seconds from the start) through a real pool to the mock configured as given, with
    /// `Timeout.pool`; also returns the seconds from the start to the last request's end.
    static func real(
        _ pool: PoolConfiguration, arrivals: [Double], poolTimeout: Double, mock: MockServerConfiguration
    ) async throws -> (Outcome, seconds: Double) {
        let server = try await MockServer.start(configuration: mock)
        let engine = ConnectionPool(configuration: pool, factory: NIOConnectionFactory())
        let origin = Origin(scheme: "http", host: "127.0.0.1", port: server.port)
        let timeouts = RequestTimeouts(
            connect: .seconds(5), read: .seconds(30), write: .seconds(5), pool: .milliseconds(Int64(poolTimeout * 1000)))
        let clock = ContinuousClock()
        let start = clock.now
        var tasks: [Task<Bool, Never>] = []
        for time in arrivals.sorted() {
            try await clock.sleep(until: start + .milliseconds(Int64(time * 1000)))
            let pending = engine.submit(PoolRequest(method: "GET", origin: origin, target: "/v1/models", timeouts: timeouts))
            tasks.append(Task { ((try? await pending.response())?.status ?? 0) == 200 })
        }
        var completed = 0
        for task in tasks where await task.value { completed += 1 }
        let elapsed = clock.now - start
        let counters = engine.snapshot.counters
        await engine.close()
        try await server.shutdown()
        var closed = counters.closedByReason
        closed[.poolClosed] = nil
        let (whole, atto) = elapsed.components
        return (
            Outcome(
                opened: counters.opened, reused: counters.reused, closed: closed, completed: completed,
                poolTimeouts: counters.poolTimeouts, requeues: counters.requeues),
            Double(whole) + Double(atto) / 1e18
        )
    }

    /// The same through the simulator; also returns the simulated seconds.
    static func simulated(
        _ pool: PoolConfiguration, arrivals: [Double], poolTimeout: Double, server: ServerModel
    ) -> (Outcome, seconds: Double) {
        var simulation = Simulation(
            SimulationConfiguration(pool: pool, poolTimeout: poolTimeout, workload: .arrivals(arrivals), server: server))
        let result = simulation.run()
        return (
            Outcome(
                opened: result.pool.opened, reused: result.pool.reused, closed: result.pool.closedByReason,
                completed: result.completed, poolTimeouts: result.pool.poolTimeouts, requeues: result.pool.requeues),
            result.simulatedSeconds
        )
    }

    /// The seed's `Limits(10, 5)`, a burst of 20 at 200 ms: 20 connections with httpx (15 closed at the keep-alive
    /// limit), 10 with httpx2 (10 reused, 5 closed).
    @Test(arguments: PoolAlgorithm.allCases) func seedBurst(algorithm: PoolAlgorithm) async throws {
        let pool = Self.limits(10, 5, algorithm)
        let simulated = Self.simulated(pool, burst: 20, latency: .milliseconds(200))
        let real = try await Self.real(pool, burst: 20, latency: .milliseconds(200))
        #expect(real == simulated, "real: \(real); simulated: \(simulated)")
        #expect(simulated.opened == (algorithm == .httpcore1 ? 20 : 10))
        #expect(simulated.completed == 20)
    }

    /// A queueing burst: 24 requests through `Limits(4, 2)` at 100 ms, six waves with 20 requests waiting at first.
    @Test(arguments: PoolAlgorithm.allCases) func queueingBurst(algorithm: PoolAlgorithm) async throws {
        let pool = Self.limits(4, 2, algorithm)
        let simulated = Self.simulated(pool, burst: 24, latency: .milliseconds(100))
        let real = try await Self.real(pool, burst: 24, latency: .milliseconds(100))
        #expect(real == simulated, "real: \(real); simulated: \(simulated)")
        #expect(simulated.completed == 24)
    }

    /// Keep-alive churn: 30 requests through `Limits(6, 1)` at 50 ms.
    @Test(arguments: PoolAlgorithm.allCases) func keepAliveChurn(algorithm: PoolAlgorithm) async throws {
        let pool = Self.limits(6, 1, algorithm)
        let simulated = Self.simulated(pool, burst: 30, latency: .milliseconds(50))
        let real = try await Self.real(pool, burst: 30, latency: .milliseconds(50))
        #expect(real == simulated, "real: \(real); simulated: \(simulated)")
    }

    /// Pool timeout with httpcore 1.0.9's restarting wait: `Limits(1, 1)`, 1 s responses, one request at t = 0 and two
    /// at t = 0.9, `Timeout.pool = 0.5`. httpcore 1.0.9 re-queues the third at t = 1 with a fresh timer (one requeue);
    /// httpcore2 keeps its timer. Either way one PoolTimeout, two completed, one connection; the run takes 2 s, and
    /// the real run's length must agree within 5%.
    @Test(arguments: PoolAlgorithm.allCases) func poolTimeoutWithRestartingWait(algorithm: PoolAlgorithm) async throws {
        let pool = Self.limits(1, 1, algorithm)
        let arrivals = [0, 0.9, 0.9]
        let (simulated, simulatedSeconds) = Self.simulated(
            pool, arrivals: arrivals, poolTimeout: 0.5, server: ServerModel(latency: .model(.fixed(.seconds(1)))))
        let (real, realSeconds) = try await Self.real(
            pool, arrivals: arrivals, poolTimeout: 0.5, mock: MockServerConfiguration(latency: .seconds(1)))
        #expect(real == simulated, "real: \(real); simulated: \(simulated)")
        #expect(simulated.poolTimeouts == 1)
        #expect(simulated.requeues == (algorithm == .httpcore1 ? 1 : 0))
        #expect(abs(realSeconds - simulatedSeconds) / simulatedSeconds < 0.05, "real \(realSeconds) s, simulated \(simulatedSeconds) s")
    }

    /// Expiry against the server's idle timeout: 200 ms responses at t = 0 and t = 2, the mock closing connections idle
    /// for 1 s. The second request's pass drops the server-closed connection (`serverClosed`) and opens another.
    @Test(arguments: PoolAlgorithm.allCases) func serverIdleTimeout(algorithm: PoolAlgorithm) async throws {
        let pool = Self.limits(10, 10, algorithm)
        let arrivals = [0, 2.0]
        var server = ServerModel(latency: .model(.fixed(.milliseconds(200))))
        try server.apply("idle_timeout=1s")
        let (simulated, simulatedSeconds) = Self.simulated(pool, arrivals: arrivals, poolTimeout: 5, server: server)
        let (real, realSeconds) = try await Self.real(
            pool, arrivals: arrivals, poolTimeout: 5,
            mock: MockServerConfiguration(latency: .milliseconds(200), idleTimeout: .seconds(1)))
        #expect(real == simulated, "real: \(real); simulated: \(simulated)")
        #expect(simulated.closed == [.serverClosed: 1])
        #expect(simulated.opened == 2)
        #expect(abs(realSeconds - simulatedSeconds) / simulatedSeconds < 0.05, "real \(realSeconds) s, simulated \(simulatedSeconds) s")
    }

    /// The server's `rps=1` limit against a plain pool: three requests at once, one admitted, two answered 429 at once
    /// on connections kept alive. (The SDK's retry loop is the Python object model's, not the engine's; the simulator's
    /// retries are checked against hand-worked cases in SimulatorTests.)
    @Test(arguments: PoolAlgorithm.allCases) func rateLimited(algorithm: PoolAlgorithm) async throws {
        let pool = Self.limits(10, 10, algorithm)
        var server = ServerModel(latency: .model(.fixed(.milliseconds(100))))
        try server.apply("rps=1")
        var mock = MockServerConfiguration(latency: .milliseconds(100))
        mock.requestsPerSecond = 1
        let (simulated, _) = Self.simulated(pool, arrivals: [0, 0, 0], poolTimeout: 5, server: server)
        let (real, _) = try await Self.real(pool, arrivals: [0, 0, 0], poolTimeout: 5, mock: mock)
        #expect(real == simulated, "real: \(real); simulated: \(simulated)")
        #expect(simulated.completed == 1)
        #expect(simulated.opened == 3)
    }
}
