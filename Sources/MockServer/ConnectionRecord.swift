/// One accepted TCP connection, as the mock server saw it.
///
/// Times are seconds since the server started, read from a monotonic clock (`NIODeadline`).
public struct ConnectionRecord: Sendable, Codable, Hashable {
    /// Who closed a connection.
    public enum Closer {
        /// The client closed (FIN or reset).
        public static let client = "client"
        /// The server closed (idle timeout, max requests, `Connection: close`, protocol error, shutdown).
        public static let server = "server"
    }

    /// Why a connection closed: the values ``closeReason`` takes.
    public enum Reason {
        public static let clientEOF = "client EOF"
        public static let clientReset = "client reset"
        public static let idleTimeout = "idle timeout"
        public static let maxRequests = "max requests"
        /// The request asked for it: `Connection: close`, or HTTP/1.0 without keep-alive.
        public static let requestedClose = "connection close requested"
        public static let protocolError = "protocol error"
        public static let shutdown = "server shutdown"
        /// Over ``MockServerConfiguration/maxConcurrentConnections``: accepted, then closed.
        public static let maxConnections = "max connections"
        /// An injected `close` or `reset` fault.
        public static let fault = "fault"
        /// The request head did not complete within ``MockServerConfiguration/headerReadTimeout``.
        public static let headerTimeout = "header read timeout"
        /// A 413 or 431: the request was too large to read on.
        public static let tooLarge = "request too large"
    }

    /// 1, 2, 3… in accept order; never reused, not even after a ledger reset.
    public var id: Int
    /// The client's ephemeral port, which identifies the socket in the client's own logs.
    public var clientPort: Int
    /// When the server accepted the connection.
    public var openedAt: Double
    /// When the connection closed, or `nil` while it is open.
    public var closedAt: Double?
    /// How many recorded (OpenAI-route) requests got a response on this connection.
    public var requestsServed: Int
    /// Bytes read from the client, as of its last finished request (and its close).
    public var bytesIn: Int = 0
    /// Bytes written to the client, as of its last finished request (and its close).
    public var bytesOut: Int = 0
    /// `"client"` or `"server"` (see ``Closer``), `nil` while open.
    public var closedBy: String?
    /// A short reason such as `"idle timeout"` (see ``Reason``), `nil` while open.
    public var closeReason: String?

    public init(
        id: Int,
        clientPort: Int,
        openedAt: Double,
        closedAt: Double? = nil,
        requestsServed: Int = 0,
        closedBy: String? = nil,
        closeReason: String? = nil
    ) {
        self.id = id
        self.clientPort = clientPort
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.requestsServed = requestsServed
        self.closedBy = closedBy
        self.closeReason = closeReason
    }

    /// Whether the connection is still open.
    public var isOpen: Bool { closedAt == nil }
}
