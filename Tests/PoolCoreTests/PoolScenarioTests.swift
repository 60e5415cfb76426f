import PoolCore
import Testing

/// The reference experiments (§6) replayed on virtual time.
@Suite struct PoolScenarioTests {
    /// §6a: 20 concurrent requests, Limits(5, 2): 20 TCP connections in httpcore 1.0.9, 5 in httpcore2.
    @Test func twentyRequestsLimitsFiveTwo() throws {
        var one = PoolWorld(max: 5, keepalive: 2, .httpcore1)
        for r in 1...20 { try one.arrive(r) }
        try one.establishAll()
        #expect(one.repr == "<AsyncConnectionPool [Requests: 5 active, 15 queued | Connections: 5 active, 0 idle]>")
        one = PoolWorld(max: 5, keepalive: 2, .httpcore1)
        try one.runBurst(count: 20, duration: 0.3)
        #expect(one.machine.snapshot.counters.opened == 20)
        #expect(one.maxOpenConnections == 5)
        #expect(one.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 2 idle]>")
        #expect(
            one.machine.snapshot.connections.map { $0.repr(className: "AsyncHTTPConnection") }
                == Array(
                    repeating: "<AsyncHTTPConnection ['http://127.0.0.1:8000', HTTP/1.1, IDLE, Request Count: 1]>",
                    count: 2
                )
        )
        #expect(one.machine.snapshot.counters.closed(.keepAliveLimit) == 18)
        #expect(one.outcomes.count == 20 && one.outcomes.values.allSatisfy { $0 == .completed })

        var two = PoolWorld(max: 5, keepalive: 2, .httpcore2)
        try two.runBurst(count: 20, duration: 0.3)
        #expect(two.machine.snapshot.counters.opened == 5)
        #expect(two.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 2 idle]>")
        #expect(two.machine.snapshot.connections.map(\.requestCount) == [4, 4])
        #expect(two.machine.snapshot.counters.requeues == 0)
        #expect(two.outcomes.count == 20 && two.outcomes.values.allSatisfy { $0 == .completed })
    }

    /// §6a2: Limits(5, 5) gives 5 connections in both; httpcore 1.0.9 churns through re-queues on the way.
    @Test(arguments: PoolAlgorithm.allCases)
    func twentyRequestsLimitsFiveFive(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 5, keepalive: 5, algorithm)
        try world.runBurst(count: 20, duration: 0.3)
        #expect(world.machine.snapshot.counters.opened == 5)
        #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 5 idle]>")
        #expect(world.machine.snapshot.connections.map(\.requestCount) == [4, 4, 4, 4, 4])
        #expect(world.runOrder == Array(1...20))
        switch algorithm {
        case .httpcore1:
            // Waves of 15, 10 and 5 queued requests: each release hands the connection to the whole queue.
            #expect(
                world.machine.snapshot.counters.requeues == (14 + 13 + 12 + 11 + 10) + (9 + 8 + 7 + 6 + 5)
                    + (4 + 3 + 2 + 1)
            )
        case .httpcore2:
            #expect(world.machine.snapshot.counters.requeues == 0)
        }
    }

    /// The DESIGN page's session: Limits(10, 5), 20 requests.
    @Test func twentyRequestsLimitsTenFive() throws {
        var one = PoolWorld(max: 10, keepalive: 5, .httpcore1)
        try one.runBurst(count: 20, duration: 0.2)
        #expect(one.machine.snapshot.counters.opened == 20)
        #expect(one.machine.snapshot.counters.closed(.keepAliveLimit) == 15)
        #expect(one.machine.snapshot.counters.reused == 0)
        #expect(one.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 5 idle]>")
        var two = PoolWorld(max: 10, keepalive: 5, .httpcore2)
        try two.runBurst(count: 20, duration: 0.2)
        #expect(two.machine.snapshot.counters.opened == 10)
        #expect(two.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 5 idle]>")
    }
}
