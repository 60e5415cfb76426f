import PoolCore

/// Per-request timeouts, from httpx's `Timeout` (`request.extensions["timeout"]`). `nil` means no timeout.
public struct RequestTimeouts: Sendable, Hashable {
    public var connect: Duration?
    public var read: Duration?
    public var write: Duration?
    public var pool: Duration?

    public init(connect: Duration?, read: Duration?, write: Duration?, pool: Duration?) {
        self.connect = connect
        self.read = read
        self.write = write
        self.pool = pool
    }

    /// httpx's `DEFAULT_TIMEOUT_CONFIG`, `Timeout(5.0)`.
    public static let httpxDefault = RequestTimeouts(
        connect: .seconds(5), read: .seconds(5), write: .seconds(5), pool: .seconds(5))
}

/// One HTTP request as the pool sees it.
public struct PoolRequest: Sendable {
    public var method: String
    public var origin: Origin
    /// The request target: path and query, e.g. `/v1/models`.
    public var target: String
    /// Headers as sent, in order. `Host` and `Content-Length` are added by the connection when missing.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    public var timeouts: RequestTimeouts

    public init(
        method: String, origin: Origin, target: String, headers: [(name: String, value: String)] = [],
        body: [UInt8] = [], timeouts: RequestTimeouts = .httpxDefault
    ) {
        self.method = method
        self.origin = origin
        self.target = target
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
    }
}

/// A complete HTTP response: the body has been read to its end (what httpx does for a non-streamed request).
public struct PoolResponse: Sendable {
    public var status: Int
    public var reason: String
    public var httpVersion: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Whether the connection may serve another request: both sides completed and neither said `Connection: close`
    /// (httpcore's `_response_closed`, `http11.py:238-250`).
    public var keepAlive: Bool

    public init(
        status: Int, reason: String, httpVersion: String = "HTTP/1.1", headers: [(name: String, value: String)],
        body: [UInt8], keepAlive: Bool
    ) {
        self.status = status
        self.reason = reason
        self.httpVersion = httpVersion
        self.headers = headers
        self.body = body
        self.keepAlive = keepAlive
    }
}

/// An open transport connection to one origin. The pool owns its lifecycle.
public protocol PoolConnection: AnyObject, Sendable {
    /// The client-side TCP port, for reprs and ledgers (nil when not a TCP socket).
    var localPort: Int? { get }
    /// True once the peer closed (EOF) or the channel became inactive.
    ///
    /// This stands in for httpcore's zero-timeout readability probe of an idle socket (`http11.py:274-286`):
    /// NIO has no public poll, so the channel records the close as a flag and the pool acts on it only at its
    /// next assignment pass — the same lazy semantics, and the same race window.
    var hasPeerClosed: Bool { get }
    /// Sends one request and returns once the response head has arrived; the body is read through the returned
    /// reader, one part at a time, until ``PoolBodyPart/end(keepAlive:)``. Throws `PoolError` (read/write
    /// timeouts, remote protocol errors, resets). One request at a time (HTTP/1.1).
    func send(_ request: PoolRequest) async throws -> (head: PoolResponseHead, body: any PoolResponseBody)
    /// Closes the socket. Idempotent.
    func close()
}

extension PoolConnection {
    /// Sends one request and reads the whole response (``send(_:)`` then the body to its end).
    public func execute(_ request: PoolRequest) async throws -> PoolResponse {
        let (head, body) = try await send(request)
        var bytes: [UInt8] = []
        while true {
            switch try await body.read() {
            case .bytes(let chunk): bytes += chunk
            case .end(let keepAlive):
                return PoolResponse(
                    status: head.status, reason: head.reason, httpVersion: head.httpVersion, headers: head.headers,
                    body: bytes, keepAlive: keepAlive)
            }
        }
    }
}

/// The status line and headers of a response whose body has not been read yet.
public struct PoolResponseHead: Sendable {
    public var status: Int
    public var reason: String
    public var httpVersion: String
    public var headers: [(name: String, value: String)]

    public init(status: Int, reason: String, httpVersion: String = "HTTP/1.1", headers: [(name: String, value: String)]) {
        self.status = status
        self.reason = reason
        self.httpVersion = httpVersion
        self.headers = headers
    }
}

/// One step of reading a response body.
public enum PoolBodyPart: Sendable, Equatable {
    /// The next bytes (never empty).
    case bytes([UInt8])
    /// The body is complete; `keepAlive` says whether the connection may serve another request (both sides done,
    /// nobody asked to close — httpcore's `_response_closed`, `http11.py:238-250`).
    case end(keepAlive: Bool)
}

/// The body of a response being received on a connection.
public protocol PoolResponseBody: Sendable {
    /// Waits for the next part. The read timeout applies to each call, as httpcore applies it to each socket
    /// read (`http11.py`, `_receive_event`). Throws `PoolError`; after an error or `.end` the reader is spent.
    func read() async throws -> PoolBodyPart
}

/// Opens connections. The NIO implementation dials TCP; tests inject a mock.
public protocol ConnectionFactory: Sendable {
    /// Opens a TCP connection to `origin`. Throws `PoolError.connectError` or `.connectTimeout`.
    func makeConnection(to origin: Origin, connectTimeout: Duration?) async throws -> any PoolConnection
}
