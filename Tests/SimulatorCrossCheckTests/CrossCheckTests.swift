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

        var description: String {
            "opened \(opened), reused \(reused), completed \(completed), closed "
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
}
