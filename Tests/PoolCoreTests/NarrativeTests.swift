import Testing

@testable import PoolCore

/// `%why`'s narration of each kind of decision, in both libraries, from logs the real machine wrote.
@Suite struct NarrativeTests {
    static func config(_ algorithm: PoolAlgorithm, _ max: Int, _ keepalive: Int, expiry: Double = 5) -> PoolConfiguration {
        PoolConfiguration(maxConnections: max, maxKeepaliveConnections: keepalive, keepaliveExpiry: expiry, algorithm: algorithm)
    }

    static func narrate(
        _ inputs: PoolReplay.Inputs, _ configuration: PoolConfiguration, poolTimeout: Double? = nil, end: Double = 100
    ) -> [PoolNarrative.Line] {
        let machine = PoolReplay.drive(
            inputs, configuration: configuration, poolTimeout: poolTimeout, end: end, eventLogCapacity: 4096)
        return PoolNarrative(configuration: configuration, poolTimeout: poolTimeout)
            .lines(machine.eventLog.entries, since: nil)
    }

    @Test func keepAliveChurnUnderHttpcore1NamesLine294() {
        let lines = Self.narrate(PoolReplay.burst(20, serviceTime: 0.2), Self.config(.httpcore1, 5, 2))
        let opened = lines.filter { $0.kind == "opened" }.map(\.count).reduce(0, +)
        #expect(opened == 20)
        let trims = lines.filter { $0.kind == "closed:keepAliveLimit" }
        #expect(trims.map(\.count).reduce(0, +) == 18)
        #expect(trims.contains { $0.count > 1 && $0.text.hasPrefix("×") })
        #expect(
            trims.allSatisfy {
                $0.text.contains("httpcore 1.0.9 compares max_keepalive_connections=2 with all")
                    && $0.text.contains("connection_pool.py line 294")
            })
        #expect(lines.first?.text.hasPrefix("×5 conn 1–5 for request 1–5: opened: no idle connection could take") == true)
        let replaced = lines.first { $0.text.hasPrefix("×15 conn 6–20 for request 6–20: opened right after the keep-alive trim") }
        #expect(replaced != nil)
    }

    @Test func theSameBurstUnderHttpcore2ReusesFiveConnections() {
        let lines = Self.narrate(PoolReplay.burst(20, serviceTime: 0.2), Self.config(.httpcore2, 5, 2))
        #expect(lines.filter { $0.kind == "opened" }.map(\.count).reduce(0, +) == 5)
        #expect(lines.filter { $0.kind == "reused" }.map(\.count).reduce(0, +) == 15)
        #expect(lines.contains { $0.kind == "closed:keepAliveLimit" && $0.text.contains("counts only idle connections") })
        #expect(!lines.contains { $0.kind == "requeued" })
    }

    @Test(arguments: PoolAlgorithm.allCases)
    func queueingAndWhoGetsTheFreedConnection(_ algorithm: PoolAlgorithm) {
        let lines = Self.narrate(PoolReplay.burst(3, serviceTime: 1), Self.config(algorithm, 1, 1))
        let queued = lines.first { $0.kind == "queued" }
        #expect(queued?.count == 2)
        #expect(queued?.text == "×2 request 2–3: waited in the queue: 1 of max_connections=1 connections open, all busy; "
            + "queued requests are served in arrival order (FIFO)")
        #expect(lines.contains { $0.kind == "handoff" && $0.text.contains("conn 1 → request 2") })
    }

    @Test(arguments: PoolAlgorithm.allCases)
    func expiryIsNoticedAtTheNextPass(_ algorithm: PoolAlgorithm) {
        var inputs = PoolReplay.burst(2, serviceTime: 0.1)
        let later = PoolReplay.burst(1, at: 10, serviceTime: 0.1, firstRequest: 3)
        inputs.arrivals += later.arrivals
        inputs.serviceTimes.merge(later.serviceTimes) { a, _ in a }
        inputs.keepAlive.merge(later.keepAlive) { a, _ in a }
        let lines = Self.narrate(inputs, Self.config(algorithm, 5, 5, expiry: 5))
        let expired = lines.first { $0.kind == "closed:expired" }
        #expect(expired?.count == 2)
        #expect(expired?.text.contains("keepalive_expiry=5.0 s, noticed lazily at the next pass") == true)
    }

    @Test func httpcore1RestartsThePoolWaitOnRequeue() {
        var inputs = PoolReplay.burst(1, serviceTime: 1)
        let late = PoolReplay.burst(2, at: 0.9, serviceTime: 1, firstRequest: 2)
        inputs.arrivals += late.arrivals
        inputs.serviceTimes.merge(late.serviceTimes) { a, _ in a }
        inputs.keepAlive.merge(late.keepAlive) { a, _ in a }
        let one = Self.narrate(inputs, Self.config(.httpcore1, 1, 1), poolTimeout: 0.5, end: 10)
        #expect(one.contains { $0.kind == "requeued" && $0.text.hasPrefix("request 3: re-queued (ConnectionNotAvailable)") })
        let timeout = one.first { $0.kind == "timeout" }
        #expect(timeout?.text.contains("its wait restarted 1 time on re-queues, so it waited 0.6 s in all") == true)
        // httpcore2 reserves the connection for request 2; request 3 keeps its first timer and times out at 1.4.
        let two = Self.narrate(inputs, Self.config(.httpcore2, 1, 1), poolTimeout: 0.5, end: 10)
        #expect(!two.contains { $0.kind == "requeued" })
        #expect(two.first { $0.kind == "timeout" }?.text == "request 2: PoolTimeout: no connection within Timeout.pool=0.5 s"
            || two.first { $0.kind == "timeout" }?.text == "request 3: PoolTimeout: no connection within Timeout.pool=0.5 s")
    }

    @Test func aConnectionsStory() {
        let configuration = Self.config(.httpcore1, 5, 2)
        let machine = PoolReplay.drive(
            PoolReplay.burst(20, serviceTime: 0.2), configuration: configuration, poolTimeout: nil, end: 100,
            eventLogCapacity: 4096)
        let story = PoolNarrative(configuration: configuration, poolTimeout: nil).story(of: 7, machine.eventLog.entries)
        #expect(story.first?.text.hasPrefix("t=+0.0 conn 7 for request 7: opened") == true)
        #expect(story.last?.kind.hasPrefix("closed:") == true)
    }

    @Test func theReplayAnswersForTheOtherLibrary() {
        let burst = PoolReplay.burst(20, serviceTime: 0.2)
        let httpx = PoolReplay.run(burst, configuration: Self.config(.httpcore1, 10, 5), poolTimeout: nil, spanStart: 0, end: 100)
        let httpx2 = PoolReplay.run(burst, configuration: Self.config(.httpcore2, 10, 5), poolTimeout: nil, spanStart: 0, end: 100)
        #expect(httpx.opened == 20)
        #expect(httpx2.opened == 10)
        // Inputs read back from a log reproduce the run they came from.
        let machine = PoolReplay.drive(burst, configuration: Self.config(.httpcore2, 10, 5), poolTimeout: nil, end: 100)
        let again = PoolReplay.inputs(from: machine.eventLog.entries)
        #expect(again.arrivals.count == 20)
        #expect(PoolReplay.run(again, configuration: Self.config(.httpcore1, 10, 5), poolTimeout: nil, spanStart: 0, end: 100).opened == 20)
    }

    @Test func rangesAndSeconds() {
        #expect(PoolNarrative.ranges([5, 1, 2, 3, 7, 9, 10]) == "1–3, 5, 7, 9–10")
        #expect(PoolNarrative.seconds(5) == "5.0")
        #expect(PoolNarrative.seconds(0.6000001) == "0.6")
    }
}

