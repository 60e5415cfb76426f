import PoolCore
import Testing

/// The pool machine's shortcuts for the simulator's speed (a pass skips housekeeping that would remove nothing, and
/// the assignment half when nobody waits) must not change a decision. These are the cases where skipping is tempting
/// and wrong.
@Suite struct PoolCoreFastPathTests {
    static let origin = Origin(scheme: "http", host: "127.0.0.1", port: 8000)

    static func machine(_ algorithm: PoolAlgorithm, max: Int = 10, keepalive: Int = 10, expiry: Double? = 5)
        -> PoolStateMachine
    {
        PoolStateMachine(
            configuration: PoolConfiguration(
                maxConnections: max, maxKeepaliveConnections: keepalive, keepaliveExpiry: expiry, algorithm: algorithm))
    }

    /// Runs one request to its end on a new connection, returning that connection's ID.
    static func serve(_ machine: inout PoolStateMachine, request: Int, now: Double, peerClosesWhileActive: Bool = false)
        -> Int
    {
        let actions = machine.requestArrived(request, origin: origin, poolTimeout: 5, now: now)
        var connection = 0
        for case .createConnection(let id, _, _) in actions { connection = id }
        for case .attemptStart(_, let id) in actions {
            connection = id
            _ = machine.startAttempted(request, now: now)
        }
        if machine.phase(of: request) == .started(connection: connection) {
            _ = machine.connectionEstablished(connection, localPort: nil, now: now)
        }
        // A pass in between (another request arriving and leaving) while the peer's close is pending.
        if peerClosesWhileActive {
            machine.peerClosed(connection)
            _ = machine.requestArrived(request + 1000, origin: origin, poolTimeout: 5, now: now)
            _ = machine.requestCancelled(request + 1000, now: now)
        }
        _ = machine.responseCompleted(request, keepAlive: true, now: now + 0.1)
        return connection
    }

    /// The peer closes a connection while it serves; a pass runs (and keeps it, it is active); the response then
    /// completes keep-alive. The next pass must still drop it as closed by the server.
    @Test(arguments: PoolAlgorithm.allCases) func peerCloseSeenWhileActiveIsActedOnOnceIdle(algorithm: PoolAlgorithm) {
        var machine = Self.machine(algorithm)
        let first = Self.serve(&machine, request: 1, now: 0, peerClosesWhileActive: true)
        let second = Self.serve(&machine, request: 2, now: 1)
        #expect(first != second)
        #expect(machine.currentCounters.closed(.serverClosed) == 1)
        // Connections: the first (closed by the server), the cancelled request's (failed while connecting), the second.
        #expect(machine.currentCounters.opened == 3)
        #expect(machine.currentCounters.closed(.error) == 1)
    }

    /// An idle connection expires by time alone: no event touches it, and the next pass after its `expire_at` drops it.
    @Test(arguments: PoolAlgorithm.allCases) func expiryNeedsNoEvent(algorithm: PoolAlgorithm) {
        var machine = Self.machine(algorithm, expiry: 1)
        let first = Self.serve(&machine, request: 1, now: 0)
        let reused = Self.serve(&machine, request: 2, now: 0.5)
        #expect(first == reused)
        _ = Self.serve(&machine, request: 3, now: 2)
        #expect(machine.currentCounters.closed(.expired) == 1)
        #expect(machine.currentCounters.opened == 2)
    }

    /// More idle connections than `max_keepalive_connections` are closed at the next pass even when nothing else
    /// changed.
    @Test(arguments: PoolAlgorithm.allCases) func keepAliveLimitStillApplies(algorithm: PoolAlgorithm) {
        var machine = Self.machine(algorithm, max: 4, keepalive: 1)
        for request in 1...3 { _ = machine.requestArrived(request, origin: Self.origin, poolTimeout: 5, now: 0) }
        for connection in 1...3 { _ = machine.connectionEstablished(connection, localPort: nil, now: 0) }
        for request in 1...3 { _ = machine.responseCompleted(request, keepAlive: true, now: 0.1) }
        #expect(machine.connectionCount == 1)
        #expect(machine.currentCounters.closed(.keepAliveLimit) == 2)
    }
}
