import PoolCore
import Testing

@Suite struct PoolSnapshotTests {
    let origin = Origin(scheme: "http", host: "127.0.0.1", port: 43677)

    @Test func poolRepr() {
        let busy = ConnectionSnapshot(id: 1, origin: origin, state: .active, requestCount: 1)
        let snapshot = PoolSnapshot(
            activeRequests: 5,
            queuedRequests: 15,
            connections: Array(repeating: busy, count: 5),
            counters: PoolCounters()
        )
        #expect(
            snapshot.repr(className: "AsyncConnectionPool")
                == "<AsyncConnectionPool [Requests: 5 active, 15 queued | Connections: 5 active, 0 idle]>"
        )
        #expect(snapshot.activeConnections == 5)
        #expect(snapshot.idleConnections == 0)
    }

    @Test func connectionReprs() {
        let idle = ConnectionSnapshot(id: 1, origin: origin, state: .idle, requestCount: 1)
        #expect(
            idle.repr(className: "AsyncHTTPConnection")
                == "<AsyncHTTPConnection ['http://127.0.0.1:43677', HTTP/1.1, IDLE, Request Count: 1]>"
        )
        #expect(
            idle.innerRepr(className: "AsyncHTTP11Connection")
                == "<AsyncHTTP11Connection ['http://127.0.0.1:43677', IDLE, Request Count: 1]>"
        )
        let connecting = ConnectionSnapshot(id: 2, origin: origin, state: .connecting, requestCount: 0)
        #expect(connecting.repr(className: "AsyncHTTPConnection") == "<AsyncHTTPConnection [CONNECTING]>")
        #expect(connecting.innerRepr(className: "AsyncHTTP11Connection") == nil)
        let failed = ConnectionSnapshot(id: 3, origin: origin, state: .connectionFailed, requestCount: 0)
        #expect(failed.repr(className: "AsyncHTTPConnection") == "<AsyncHTTPConnection [CONNECTION FAILED]>")
        let sync = ConnectionSnapshot(id: 4, origin: origin, state: .active, requestCount: 2)
        #expect(
            sync.repr(className: "HTTPConnection")
                == "<HTTPConnection ['http://127.0.0.1:43677', HTTP/1.1, ACTIVE, Request Count: 2]>"
        )
    }

    @Test func failedConnectCountsAsIdleLikeHttpcore() {
        let snapshot = PoolSnapshot(
            activeRequests: 0,
            queuedRequests: 0,
            connections: [
                ConnectionSnapshot(id: 1, origin: origin, state: .connectionFailed, requestCount: 0),
                ConnectionSnapshot(id: 2, origin: origin, state: .connecting, requestCount: 0),
            ],
            counters: PoolCounters()
        )
        #expect(
            snapshot.repr(className: "ConnectionPool")
                == "<ConnectionPool [Requests: 0 active, 0 queued | Connections: 1 active, 1 idle]>"
        )
    }

    @Test func eventLogIsBounded() throws {
        var world = PoolWorld(max: 1, keepalive: 1, .httpcore1)
        world.machine = PoolStateMachine(configuration: world.machine.configuration, eventLogCapacity: 3)
        try world.arrive(1)
        try world.establish(1)
        try world.complete(1)
        let log = world.machine.eventLog
        #expect(log.entries.count == 3)
        #expect(log.droppedCount == 2)
        #expect(
            log.entries.last
                == PoolLogEntry(time: 0, event: .responseCompleted(request: 1, connection: 1, keepAlive: true))
        )
    }
}
