extension PoolStateMachine {
    /// One entry of httpcore's `_connections` list: an `AsyncHTTPConnection` wrapping an HTTP/1.1 connection.
    ///
    /// States and their transitions (`ConnectionSnapshot.State`):
    /// - `connecting` → `active` (connect succeeded, its request starts) or `connectionFailed` (connect failed or its
    ///   request was cancelled while connecting). A connecting connection is dialled only once a request *starts* on
    ///   it (``connectStarted``); httpcore connects lazily, in the request's own task (`connection.py:69-103`). If the
    ///   request it was handed to ends first, httpcore 1.0.9 keeps it CONNECTING for good (``isOwnerless``).
    /// - `connecting` → `new` (httpcore 1.0.9: its request was cancelled at `_state_lock` right after the connect,
    ///   ``PoolStateMachine/requestCancelledAfterConnect(_:localPort:now:)``); `new` is final: only `aclose()` ends it.
    /// - `active` → `idle` (response closed cleanly, `expire_at` stamped) or `closed` (not reusable, error, cancel).
    /// - `idle` → `active` (a request started on it; `expire_at` cleared) or removal by a pass / `aclose()`.
    /// - `connectionFailed`, `closed` → removed at the next pass, without further I/O.
    struct Connection: Sendable {
        let id: ConnectionID
        let origin: Origin
        var state: ConnectionSnapshot.State = .connecting
        var requestCount = 0
        /// `_expire_at`: `now + keepalive_expiry` when the response closed; `nil` while serving.
        var expireAt: Double?
        /// The runner saw EOF on the socket; acted on only at a pass and only while idle (`http11.py:274-286`).
        var peerClosed = false
        var localPort: Int?
        /// A request began connecting it (`AsyncHTTPConnection.handle_async_request` ran): the runner dials it.
        var connectStarted = false
        /// Connect attempts reported failed
        /// (``PoolStateMachine/connectAttemptFailed(origin:attempt:error:retryDelay:now:)``).
        var failedConnectAttempts = 0
        /// Why it became `closed` / `connectionFailed`, counted when a pass removes it.
        var closeReason: CloseReason?

        init(id: ConnectionID, origin: Origin) {
            self.id = id
            self.origin = origin
        }

        /// httpcore's `is_idle()`: true for IDLE, and for a failed connect (`connection.py:190-193`).
        var isIdle: Bool { state.isIdle }

        /// httpcore's `is_closed()`: CLOSED, or a failed connect.
        var isClosed: Bool {
            switch state {
            case .closed, .connectionFailed: true
            case .connecting, .new, .active, .idle: false
            }
        }

        /// httpcore2's `is_connected()`: the socket exists.
        var isConnected: Bool {
            switch state {
            case .new, .active, .idle, .closed: true
            case .connecting, .connectionFailed: false
            }
        }

        /// httpcore's `is_available()` for HTTP/1.1: only IDLE (`http11.py:267-272`). NEW/CONNECTING is not.
        func isAvailable(for origin: Origin) -> Bool {
            state == .idle && self.origin == origin
        }

        /// The snapshot; `held` says whether a request is assigned to it or running on it, `stranded` whether that
        /// request is stranded (``PoolStateMachine/requestCancelledWhileClosing(_:keepAlive:now:)``).
        func snapshot(held: Bool, stranded: Bool = false) -> ConnectionSnapshot {
            ConnectionSnapshot(
                id: id,
                origin: origin,
                state: state,
                requestCount: requestCount,
                localPort: localPort,
                expireAt: expireAt,
                failedConnectAttempts: failedConnectAttempts,
                isOwnerless: state == .connecting && !connectStarted && !held,
                holdsStrandedRequest: stranded
            )
        }
    }

    /// Why `has_expired()` is true now, or `nil`.
    ///
    /// `(expire_at is not None and now > expire_at) or (state == IDLE and socket readable)` (`http11.py:274-286`).
    /// Python reads `monotonic()` twice, once when stamping and once when checking, so a zero (or negative)
    /// `keepalive_expiry` has always passed by the next check; our events carry one instant, so for a non-positive
    /// expiry `now == expire_at` counts as expired too.
    func expiryReason(of connection: Connection, now: Double) -> CloseReason? {
        switch connection.state {
        case .connecting, .new:
            // NEW: `_expire_at` is set only when a response closes, and the readability probe is for IDLE only.
            return nil
        case .connectionFailed:
            return .error
        case .active, .idle, .closed:
            if let expireAt = connection.expireAt {
                let nonPositive = (configuration.keepaliveExpiry ?? 1) <= 0
                if now > expireAt || (nonPositive && now >= expireAt) { return .expired }
            }
            if connection.state == .idle && connection.peerClosed { return .serverClosed }
            return nil
        }
    }
}
