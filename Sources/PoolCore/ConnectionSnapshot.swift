/// One connection as the pool lists it (`pool.connections[i]`), with httpcore's reprs.
public struct ConnectionSnapshot: Sendable, Equatable {
    /// What httpcore's `AsyncHTTPConnection.info()` reports.
    public enum State: Sendable, Hashable {
        /// Created by a pass, not connected yet. Counts towards `max_connections`; "active" in the pool repr.
        case connecting
        /// The connect failed. httpcore's `is_idle()` returns True here (`connection.py:190-193`), so it counts as
        /// idle.
        case connectionFailed
        /// Connected, but no request was ever sent on it: httpcore 1.0.9's HTTP/1.1 state NEW, left behind when its
        /// request was cancelled at `_state_lock` right after the TCP connect (`http11.py:72`). Not idle, not
        /// available, never expires: "active" in the pool repr, and no pass removes it.
        case new
        /// Serving a request.
        case active
        /// Waiting for reuse.
        case idle
        /// Closed; removed at the next pass.
        case closed

        /// httpcore's state name inside reprs.
        public var name: String {
            switch self {
            case .connecting: "CONNECTING"
            case .connectionFailed: "CONNECTION FAILED"
            case .new: "NEW"
            case .active: "ACTIVE"
            case .idle: "IDLE"
            case .closed: "CLOSED"
            }
        }

        /// httpcore's `is_idle()`: counted as "idle" in the pool repr.
        public var isIdle: Bool {
            switch self {
            case .idle, .connectionFailed: true
            case .connecting, .new, .active, .closed: false
            }
        }
    }

    /// The machine's connection ID (1, 2, 3, … in creation order).
    public var id: Int
    public var origin: Origin
    public var state: State
    /// `HTTP/1.1`.
    public var httpVersion: String
    /// Requests started on this connection.
    public var requestCount: Int
    /// The client-side port once connected.
    public var localPort: Int?
    /// TCP connect attempts that failed so far (retried ones, and the last one if the connect gave up).
    public var failedConnectAttempts: Int
    /// When the idle connection expires (`expire_at`), in the machine's seconds; `nil` when not idle or no expiry.
    public var expireAt: Double?
    /// CONNECTING, never dialled, and no request holds it: a request was handed this fresh connection by another
    /// request's pass and was cancelled (or hit its pool timeout) before its task resumed, so nothing will ever
    /// connect it (httpcore 1.0.9, encode/httpcore#1093). It is not idle, not expired and not closed, so no pass
    /// removes it, and it counts towards `max_connections` for good. httpcore2 drops such a connection at its next
    /// pass (pydantic/httpx2#983), so there it is never listed.
    public var isOwnerless: Bool
    /// ACTIVE for good: the request on it was cancelled while its response closed, so it is still in the pool's
    /// request list and nothing will release the connection (httpcore 1.0.9 `connection_pool.py:404-420`,
    /// encode/httpcore#1115). Under httpcore2 the same stranding closes the connection instead (the close had
    /// begun), so no slot is lost there.
    public var holdsStrandedRequest: Bool

    public init(
        id: Int,
        origin: Origin,
        state: State,
        httpVersion: String = "HTTP/1.1",
        requestCount: Int,
        localPort: Int? = nil,
        expireAt: Double? = nil,
        failedConnectAttempts: Int = 0,
        isOwnerless: Bool = false,
        holdsStrandedRequest: Bool = false
    ) {
        self.id = id
        self.origin = origin
        self.state = state
        self.httpVersion = httpVersion
        self.requestCount = requestCount
        self.localPort = localPort
        self.expireAt = expireAt
        self.failedConnectAttempts = failedConnectAttempts
        self.isOwnerless = isOwnerless
        self.holdsStrandedRequest = holdsStrandedRequest
    }

    /// httpcore's `repr(connection)` (`connection.py:202-208`):
    /// `<AsyncHTTPConnection ['http://127.0.0.1:43677', HTTP/1.1, IDLE, Request Count: 1]>`,
    /// `<AsyncHTTPConnection [CONNECTING]>` or `<AsyncHTTPConnection [CONNECTION FAILED]>`.
    public func repr(className: String) -> String {
        switch state {
        case .connecting, .connectionFailed:
            "<\(className) [\(state.name)]>"
        case .new, .active, .idle, .closed:
            "<\(className) ['\(origin)', \(httpVersion), \(state.name), Request Count: \(requestCount)]>"
        }
    }

    /// The inner connection's repr (`http11.py:301-307`), e.g.
    /// `<AsyncHTTP11Connection ['http://127.0.0.1:8000', IDLE, Request Count: 1]>`; `nil` before the socket exists
    /// (Python's `_connection` is None).
    public func innerRepr(className: String) -> String? {
        switch state {
        case .connecting, .connectionFailed:
            nil
        case .new, .active, .idle, .closed:
            "<\(className) ['\(origin)', \(state.name), Request Count: \(requestCount)]>"
        }
    }
}
