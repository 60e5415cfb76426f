import PoolCore

/// httpcore 1.0.9's two locks between "a pass handed the request an idle connection" and "the request flipped it to
/// ACTIVE", as turns of the pool's loop.
///
/// `AsyncHTTPConnection.handle_async_request` takes `_request_lock` (`connection.py:73`), and
/// `AsyncHTTP11Connection.handle_async_request` then takes `_state_lock` (`http11.py:72`) and only there checks the
/// state (`:72-78`). Both are plain `anyio.Lock()`s (`_synchronization.py:68`): an uncontended acquire still yields
/// one turn, a contended one waits in FIFO order and resumes one turn after the holder releases it. So when one
/// pass hands an idle connection to several requests, they meet `ConnectionNotAvailable` one per turn, and the
/// winner of the first connection a loser re-queues onto may flip it before the next loser arrives. httpcore2's
/// locks are fast-acquire (and it never double-assigns), so its start attempts take no extra turn.
extension ConnectionPool {
    /// One connection's two locks: who holds each, and who waits, oldest first.
    struct StartLocks {
        var request = FIFOLock()
        var state = FIFOLock()
        var isUnused: Bool { request.isUnused && state.isUnused }
    }

    /// An anyio lock's bookkeeping: the holder and the FIFO waiters (request IDs).
    struct FIFOLock {
        var owner: Int?
        var waiters: [Int] = []

        var isUnused: Bool { owner == nil && waiters.isEmpty }

        /// Takes the lock if it is free; otherwise joins the waiters. True when taken.
        mutating func acquire(_ request: Int) -> Bool {
            if owner == nil && waiters.isEmpty {
                owner = request
                return true
            }
            waiters.append(request)
            return false
        }

        /// Hands the lock to the oldest waiter for which `isLive` holds (a cancelled waiter left the queue); returns
        /// it, or nil when the lock is free now.
        mutating func release(skipping isLive: (Int) -> Bool) -> Int? {
            while !waiters.isEmpty {
                let next = waiters.removeFirst()
                if isLive(next) {
                    owner = next
                    return next
                }
            }
            owner = nil
            return nil
        }
    }

    /// Whether `request` still waits to start on `connection` (not cancelled, timed out or re-queued meanwhile).
    private static func waits(_ request: Int, on connection: Int, in state: borrowing State) -> Bool {
        state.machine.phase(of: request) == .assigned(connection: connection)
    }

    /// The request's task has woken with a connection (``wake(_:in:now:)``).
    func requestWoke(_ id: Int) {
        modifyStateAndRunActions { state, now in (Self.wake(id, in: &state, now: now, configuration), ()) }
    }

    /// The request's task goes on with its connection: its pool timer stops; a fresh connection is connected at once,
    /// an idle one (httpcore 1.0.9) is approached through its locks, and under httpcore2 it starts at once.
    static func wake(_ id: Int, in state: inout State, now: Double, _ configuration: PoolConfiguration)
        -> [PoolAction]
    {
        guard case .assigned(let connection)? = state.machine.phase(of: id) else { return [] }
        let actions = state.machine.requestWoke(id, now: now)
        guard configuration.algorithm == .httpcore1, !state.machine.isUndialled(connection) else {
            return actions + state.machine.startAttempted(id, now: now)
        }
        if state.startLocks[connection, default: StartLocks()].request.acquire(id) {
            state.unlocked.append(.lockStep(.requestLockHeld, id, connection))  // the acquire's checkpoint
        }
        return actions
    }

    /// The request holds `_request_lock`: the connection exists, so it releases it at once (handing it on) and
    /// takes `_state_lock`.
    func requestLockHeld(_ id: Int, on connection: Int) {
        modifyStateAndRunActions { state, now in
            var locks = state.startLocks[connection] ?? StartLocks()
            if let next = locks.request.release(skipping: { Self.waits($0, on: connection, in: state) }) {
                state.unlocked.append(.lockStep(.requestLockHeld, next, connection))
            }
            if Self.waits(id, on: connection, in: state), locks.state.acquire(id) {
                state.unlocked.append(.lockStep(.stateLockHeld, id, connection))
            }
            state.startLocks[connection] = locks.isUnused ? nil : locks
            return ([], ())
        }
    }

    /// The request holds `_state_lock`: it starts, or meets `ConnectionNotAvailable`, then hands the lock on.
    func stateLockHeld(_ id: Int, on connection: Int) {
        modifyStateAndRunActions { state, now in
            let actions = state.machine.startAttempted(id, now: now)
            var locks = state.startLocks[connection] ?? StartLocks()
            if let next = locks.state.release(skipping: { Self.waits($0, on: connection, in: state) }) {
                state.unlocked.append(.lockStep(.stateLockHeld, next, connection))
            }
            state.startLocks[connection] = locks.isUnused ? nil : locks
            return (actions, ())
        }
    }

    /// Which lock a step holds.
    enum LockStep: Sendable {
        case requestLockHeld
        case stateLockHeld
    }
}
