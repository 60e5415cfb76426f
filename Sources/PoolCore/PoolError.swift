/// An error of the pool or its transport, named and worded as httpx raises it.
///
/// `httpxName` is the class name under `httpx.` (`PoolTimeout`, `ConnectError`, …); `message` is `str(e)`.
/// httpcore maps its own exceptions to httpx's in `httpx/_transports/default.py:82,96-118`.
public struct PoolError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case poolTimeout, connectError, connectTimeout, readTimeout, writeTimeout, remoteProtocolError, readError,
            writeError, poolClosed, cancelled
    }
    private let code: Code
    /// `str(e)` in Python.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Waited `Timeout.pool` seconds without a connection assignment. Empty message (observed `str(e) == ''`).
    public static let poolTimeout = PoolError(.poolTimeout, "")
    /// The TCP connect failed (after any `retries`). httpcore's wording.
    public static let connectError = PoolError(.connectError, "All connection attempts failed")
    /// The TCP connect did not finish within `Timeout.connect`.
    public static let connectTimeout = PoolError(.connectTimeout, "timed out")
    /// No response bytes within `Timeout.read`.
    public static let readTimeout = PoolError(.readTimeout, "timed out")
    /// The request could not be written within `Timeout.write`.
    public static let writeTimeout = PoolError(.writeTimeout, "timed out")
    /// The server closed the connection before a complete response (`http11.py:229-231`).
    public static func remoteProtocolError(_ message: String = "Server disconnected without sending a response.")
        -> PoolError
    { PoolError(.remoteProtocolError, message) }
    /// A socket read failed (e.g. connection reset).
    public static func readError(_ message: String) -> PoolError { PoolError(.readError, message) }
    /// A socket write failed.
    public static func writeError(_ message: String) -> PoolError { PoolError(.writeError, message) }
    /// The pool was closed while the request waited (httpx: RuntimeError at the client layer).
    public static let poolClosed = PoolError(.poolClosed, "Cannot send a request, as the client has been closed.")
    /// The request was cancelled by its caller.
    public static let cancelled = PoolError(.cancelled, "")

    /// The httpx exception class name: `PoolTimeout`, `ConnectError`, `RemoteProtocolError`, …
    public var httpxName: String {
        switch code {
        case .poolTimeout: "PoolTimeout"
        case .connectError: "ConnectError"
        case .connectTimeout: "ConnectTimeout"
        case .readTimeout: "ReadTimeout"
        case .writeTimeout: "WriteTimeout"
        case .remoteProtocolError: "RemoteProtocolError"
        case .readError: "ReadError"
        case .writeError: "WriteError"
        case .poolClosed: "RuntimeError"
        case .cancelled: "CancelledError"
        }
    }

    /// True for the two errors httpcore's connect loop retries: `ConnectError` and `ConnectTimeout`
    /// (`httpcore/_async/connection.py:154`, `except (ConnectError, ConnectTimeout)`; httpcore2 the same).
    public var isRetriedConnectFailure: Bool {
        switch code {
        case .connectError, .connectTimeout: true
        case .poolTimeout, .readTimeout, .writeTimeout, .remoteProtocolError, .readError, .writeError, .poolClosed,
            .cancelled:
            false
        }
    }

    /// True for the `httpx.TimeoutException` family.
    public var isTimeout: Bool {
        switch code {
        case .poolTimeout, .connectTimeout, .readTimeout, .writeTimeout: true
        case .connectError, .remoteProtocolError, .readError, .writeError, .poolClosed, .cancelled: false
        }
    }

    public var description: String { message.isEmpty ? "httpx.\(httpxName)" : "httpx.\(httpxName): \(message)" }
}
