import PoolCore
import Testing

/// httpcore 1.0.9's cancellation leaks of kinds 2 and 3, driven event by event: a cancellation landing right after
/// the TCP connect (`http11.py:72`, the NEW orphan) and one landing while the response closes
/// (`connection_pool.py:411-420`, the stranded request); httpcore2 has no suspension in either place.
@Suite struct CancelWindowRuleTests {
    static let connectionClass = "AsyncHTTPConnection"

    /// One request on a fresh connection with `max_connections=1`, cancelled right after its TCP connect.
    @Test(arguments: PoolAlgorithm.allCases)
    func cancelledRightAfterTheConnect(_ algorithm: PoolAlgorithm) throws {
        var world = PoolWorld(max: 1, keepalive: nil, algorithm)
        try world.arrive(1, pool: 0.3)
        world.now = 0.01
        let actions = world.machine.requestCancelledAfterConnect(1, localPort: 40001, now: world.now)
        try world.apply(actions)
        let connections = world.machine.snapshot.connections
        switch algorithm {
        case .httpcore1:
            #expect(actions == [.failRequest(1, .cancelled)])
            #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 1 active, 0 idle]>")
            #expect(connections.map { $0.repr(className: Self.connectionClass) } == [
                "<AsyncHTTPConnection ['http://127.0.0.1:8000', HTTP/1.1, NEW, Request Count: 0]>"
            ])
            #expect(connections.map(\.localPort) == [40001])
            // Never idle, available or expired: the next request waits out its pool timeout, even much later.
            world.now = 100
            try world.arrive(2, pool: 0.3)
            #expect(world.machine.phase(of: 2)?.isQueued == true)
            world.now = 100.3
            try world.fire(timerFor: 2)
            #expect(world.outcomes[2] == .failed(.poolTimeout))
            #expect(world.machine.snapshot.connections.map(\.state) == [.new])
        case .httpcore2:
            // The cancellation lands at the send instead, whose cleanup closes the connection; the pass drops it.
            #expect(actions == [.failRequest(1, .cancelled), .closeConnection(1, .error)])
            #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]>")
            world.now = 0.02
            #expect(try world.arrive(2, pool: 0.3) == [.createConnection(2, .test, request: 2)])
        }
    }

    /// The same event for a request not connecting any more (it started, or it ended) changes nothing.
    @Test func afterConnectIsIgnoredOnceConnected() throws {
        var world = PoolWorld(max: 1, keepalive: nil, .httpcore1)
        try world.arrive(1)
        try world.establish(1)
        #expect(world.machine.requestCancelledAfterConnect(1, localPort: nil, now: 0.1) == [])
        #expect(world.machine.requestCancelledAfterConnect(9, localPort: nil, now: 0.1) == [])
        #expect(world.machine.snapshot.connections.map(\.state) == [.active])
    }

    /// `max_connections=1`, request 1 running on connection 1 at t=0.05, about to close its response.
    static func closing(_ algorithm: PoolAlgorithm) throws -> PoolWorld {
        var world = PoolWorld(max: 1, keepalive: nil, algorithm)
        try world.arrive(1, pool: 0.3)
        try world.establish(1)
        world.now = 0.05
        return world
    }

    /// A keep-alive response whose close is interrupted by a cancellation.
    @Test(arguments: PoolAlgorithm.allCases)
    func cancelledWhileTheResponseCloses(_ algorithm: PoolAlgorithm) throws {
        var world = try Self.closing(algorithm)
        let actions = world.machine.requestCancelledWhileClosing(1, keepAlive: true, now: world.now)
        try world.apply(actions)
        let connections = world.machine.snapshot.connections
        switch algorithm {
        case .httpcore1:
            // Neither the removal nor the pass runs: the request stays "active", the connection ACTIVE.
            #expect(actions == [])
            #expect(world.machine.isStranded(1))
            #expect(world.machine.strandedRequestCount == 1)
            #expect(world.repr == "<AsyncConnectionPool [Requests: 1 active, 0 queued | Connections: 1 active, 0 idle]>")
            #expect(connections.map { $0.repr(className: Self.connectionClass) } == [
                "<AsyncHTTPConnection ['http://127.0.0.1:8000', HTTP/1.1, ACTIVE, Request Count: 1]>"
            ])
            #expect(connections.map(\.holdsStrandedRequest) == [true])
            // Nothing reaches it any more: a late close, failure or cancel is ignored.
            #expect(world.machine.responseCompleted(1, keepAlive: true, now: 0.06) == [])
            #expect(world.machine.requestFailed(1, error: .readError(""), now: 0.06) == [])
            #expect(world.machine.requestCancelled(1, now: 0.06) == [])
            #expect(world.machine.requestCancelledWhileClosing(1, keepAlive: true, now: 0.06) == [])
            world.now = 1
            try world.arrive(2, pool: 0.3)
            world.now = 1.3
            try world.fire(timerFor: 2)
            #expect(world.outcomes[2] == .failed(.poolTimeout))
            #expect(world.machine.snapshot.counters.failed == 1)
            // PoolPlay's shutdown still ends it.
            let closing = world.machine.close(now: 2)
            #expect(closing.contains(.failRequest(1, .poolClosed)))
            #expect(world.machine.strandedRequestCount == 0)
        case .httpcore2:
            // Nothing in the close yields: it completes, and the cancellation lands outside the pool.
            #expect(actions == [.completeRequest(1)])
            #expect(world.repr == "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 1 idle]>")
            #expect(!world.machine.isStranded(1))
        }
    }

    /// With `Connection: close`, httpcore2's cleanup sets CLOSED and then awaits the socket's close: the request is
    /// stranded, but the next pass removes the connection, so the next request is served.
    @Test(arguments: PoolAlgorithm.allCases)
    func cancelledWhileANonReusableResponseCloses(_ algorithm: PoolAlgorithm) throws {
        var world = try Self.closing(algorithm)
        #expect(world.machine.requestCancelledWhileClosing(1, keepAlive: false, now: world.now) == [])
        #expect(world.machine.isStranded(1))
        let state: ConnectionSnapshot.State = algorithm == .httpcore1 ? .active : .closed
        #expect(world.machine.snapshot.connections.map(\.state) == [state])
        #expect(world.machine.snapshot.connections.map(\.holdsStrandedRequest) == [algorithm == .httpcore1])
        // The stranded request's task has left (it raised CancelledError); only the pool still lists it.
        world.running[1] = nil
        world.now = 0.1
        let next = try world.arrive(2, pool: 0.3)
        switch algorithm {
        case .httpcore1:
            #expect(next == [.scheduleTimer(PoolTimer(id: 1, requestID: 2, deadline: 0.4))])
        case .httpcore2:
            #expect(next == [.closeConnection(1, .notReusable), .createConnection(2, .test, request: 2)])
            #expect(world.repr == "<AsyncConnectionPool [Requests: 2 active, 0 queued | Connections: 1 active, 0 idle]>")
        }
    }

    /// A callback raising at `response_closed.started` skips the whole close: stranded on ACTIVE in both libraries.
    @Test(arguments: PoolAlgorithm.allCases)
    func raisedBeforeTheClose(_ algorithm: PoolAlgorithm) throws {
        var world = try Self.closing(algorithm)
        #expect(world.machine.requestFailedBeforeClose(1, now: world.now) == [])
        #expect(world.machine.isStranded(1))
        #expect(world.repr == "<AsyncConnectionPool [Requests: 1 active, 0 queued | Connections: 1 active, 0 idle]>")
        #expect(world.machine.snapshot.connections.map(\.holdsStrandedRequest) == [true])
        #expect(world.machine.requestFailedBeforeClose(1, now: world.now) == [])
    }

    /// `%why` names both windows and the lines behind them.
    @Test func theNarrativeExplainsBothKinds() throws {
        var world = PoolWorld(max: 2, keepalive: nil, .httpcore1)
        try world.arrive(1)
        try world.arrive(2)
        world.now = 0.01
        try world.apply(world.machine.requestCancelledAfterConnect(1, localPort: nil, now: world.now))
        try world.establish(2)
        world.now = 0.02
        try world.apply(world.machine.requestCancelledWhileClosing(2, keepAlive: true, now: world.now))
        let lines = PoolNarrative(configuration: world.machine.configuration, poolTimeout: nil)
            .lines(world.machine.eventLog.entries, since: nil)
        let orphan = try #require(lines.first { $0.kind == "orphaned" })
        #expect(orphan.text.hasPrefix("conn 1 of request 1: the request was cancelled right after the TCP connect"))
        #expect(orphan.text.contains("http11.py:72"))
        #expect(orphan.text.contains("stays NEW with Request Count: 0"))
        #expect(orphan.text.contains("max_connections=2"))
        let stranded = try #require(lines.first { $0.kind == "stranded" })
        #expect(stranded.text.hasPrefix("request 2 on conn 2: cancelled while its response closed"))
        #expect(stranded.text.contains("connection_pool.py:411"))
        #expect(stranded.text.contains("stays ACTIVE"))
        let story = PoolNarrative(configuration: world.machine.configuration, poolTimeout: nil)
            .story(of: 2, world.machine.eventLog.entries)
        #expect(story.contains { $0.kind == "stranded" })
        let counted = SpanCounters(entries: world.machine.eventLog.entries, since: nil)
        #expect(counted.failed == 2)
    }
}
