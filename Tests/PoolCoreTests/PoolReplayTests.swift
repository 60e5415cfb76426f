import PoolCore
import Testing

/// The differential scenarios `two_origins_load` and `requeue_timer` (Tests/Differential/scenarios/), replayed
/// event by event on virtual time. Real httpcore 1.0.9 and httpcore2 gave these results against a loopback
/// server; the end-to-end suite checks PoolPlay against them, these tests pin the rule inside PoolCore.
@Suite struct PoolReplayTests {
    /// One planned request: its origin, how long the server takes, and its pool timeout.
    struct Planned {
        var origin: Origin
        var duration: Double
        var pool: Double?
    }

    @Test(arguments: [(PoolAlgorithm.httpcore1, 5, 1), (.httpcore2, 3, 0)])
    func twoOriginsUnderLoadAtTheCap(_ algorithm: PoolAlgorithm, opened: Int, requeues: Int) throws {
        // max_connections=2; A0 0.3 s, A1 1.5 s, A2 0.3 s, B3 0.3 s, B4 0.3 s, all at t=0.
        var world = PoolWorld(max: 2, keepalive: 20, expiry: 5, algorithm)
        let plan = [
            Planned(origin: .test, duration: 0.3), Planned(origin: .test, duration: 1.5),
            Planned(origin: .test, duration: 0.3), Planned(origin: .other, duration: 0.3),
            Planned(origin: .other, duration: 0.3),
        ]
        try world.replay(plan)
        let snapshot = world.machine.snapshot
        #expect(world.outcomes.count == 5)
        #expect(world.outcomes.values.allSatisfy { $0 == .completed })
        // httpcore 1.0.9: B3 evicts the idle connection just assigned to A2 (A2 re-queues), then A2 evicts B3's,
        // then B4 evicts A2's: 5 connections. httpcore2 reserves A2's connection: 3.
        #expect(snapshot.counters.opened == opened)
        #expect(snapshot.counters.requeues == requeues)
        #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 2 idle]>")
        #expect(snapshot.connections.map(\.origin) == [.test, .other])
        #expect(snapshot.connections.map(\.requestCount) == (algorithm == .httpcore1 ? [1, 1] : [1, 2]))
    }

    @Test(arguments: [(PoolAlgorithm.httpcore1, 0, 3), (.httpcore2, 1, 2)])
    func requeuedLoserGetsAFreshPoolDeadline(_ algorithm: PoolAlgorithm, timeouts: Int, served: Int) throws {
        // max_connections=1, pool=0.9, three requests of 0.6 s at t=0. At 0.6 s httpcore 1.0.9 assigns the idle
        // connection to both waiters; the loser re-queues with deadline 1.5 and is served at 1.2. httpcore2
        // assigns it to one; the other keeps its deadline 0.9 and times out.
        var world = PoolWorld(max: 1, keepalive: 20, expiry: 5, algorithm)
        try world.replay(Array(repeating: Planned(origin: .test, duration: 0.6, pool: 0.9), count: 3))
        #expect(world.outcomes.values.filter { $0 == .failed(.poolTimeout) }.count == timeouts)
        #expect(world.outcomes.values.filter { $0 == .completed }.count == served)
        #expect(world.outcomes[3] == (algorithm == .httpcore1 ? .completed : .failed(.poolTimeout)))
        #expect(world.machine.snapshot.counters.opened == 1)
        #expect(world.machine.snapshot.connections.map(\.requestCount) == [served])
    }
}

extension PoolWorld {
    /// Runs `plan` on virtual time: every request arrives at `now` (ids 1…n); connects are instant; a response
    /// takes its planned duration; start attempts are delivered in assignment order before time moves; then
    /// time jumps to the next due event, pool timeouts (which fire at their deadline) before completions due
    /// at the same instant, completions in the order their requests started.
    mutating func replay(_ plan: [PoolReplayTests.Planned]) throws {
        for (index, planned) in plan.enumerated() { try arrive(index + 1, planned.origin, pool: planned.pool) }
        var finishAt: [Int: Double] = [:]
        for step in 0... {
            if step > 10_000 { throw Illegal(description: "replay does not end") }
            try deliverStarts()
            try establishAll()
            for r in running.keys where finishAt[r] == nil { finishAt[r] = now + plan[r - 1].duration }
            if !startQueue.isEmpty || !dialing.isEmpty { continue }
            let nextTimer = timers.values.min { $0.deadline < $1.deadline }
            let nextFinish = running.keys.compactMap { r in finishAt[r].map { (r, $0) } }
                .min { a, b in a.1 != b.1 ? a.1 < b.1 : runOrder.firstIndex(of: a.0)! < runOrder.firstIndex(of: b.0)! }
            if let timer = nextTimer, nextFinish.map({ timer.deadline <= $0.1 }) ?? true {
                try fire(timerFor: timer.requestID)
            } else if let (r, at) = nextFinish {
                now = at
                finishAt[r] = nil
                try complete(r)
            } else {
                break
            }
        }
    }
}
