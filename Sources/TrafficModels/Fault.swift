/// A fault the server can inject instead of (or into) a normal response.
///
/// Text form (shared by `%server fault=…`, `poolplay serve --fault …` and the `x-poolplay-fault` request
/// header): `500`, `503` or any status 400–599 (OpenAI-shaped error body); a status with `+retry` or
/// `+noretry` adds `x-should-retry: true|false`; `close` (read the request, close without a response),
/// `reset` (send half the body, then close), `slow` (send the body in four parts, 250 ms apart),
/// `malformed` (a 200 whose body, or one SSE frame, is not JSON), `close_reused` (on a connection that has
/// already answered a request: read the request, close without a response; on a new connection, answer
/// normally). `close_reused` is the "Server disconnected without sending a response" race of a pooled
/// connection that the server dropped just as the client reused it.
public enum Fault: Sendable, Hashable, CustomStringConvertible {
    case status(Int, shouldRetry: Bool?)
    case closeWithoutResponse
    case closeReusedConnection
    case resetMidBody
    case slowBody
    case malformedChunk

    /// The pause between the parts of a `slow` body.
    public static let slowPause = Duration.milliseconds(250)

    /// The `retry-after-ms` / `retry-after` an injected 429 carries: 1 s, as a real rate limit would say.
    public static let rateLimitRetryAfter = Duration.seconds(1)

    /// Parses the text form; `nil` when it is not one.
    public init?(_ text: String) {
        switch text.lowercased() {
        case "close": self = .closeWithoutResponse
        case "close_reused", "close-reused": self = .closeReusedConnection
        case "reset": self = .resetMidBody
        case "slow": self = .slowBody
        case "malformed": self = .malformedChunk
        case let other:
            let parts = other.split(separator: "+", maxSplits: 1)
            guard let code = parts.first.flatMap({ Int($0) }), (400...599).contains(code) else { return nil }
            switch parts.count == 2 ? String(parts[1]) : nil {
            case nil: self = .status(code, shouldRetry: nil)
            case "retry": self = .status(code, shouldRetry: true)
            case "noretry": self = .status(code, shouldRetry: false)
            case .some: return nil
            }
        }
    }

    public var description: String {
        switch self {
        case .status(let code, nil): "\(code)"
        case .status(let code, true?): "\(code)+retry"
        case .status(let code, false?): "\(code)+noretry"
        case .closeWithoutResponse: "close"
        case .closeReusedConnection: "close_reused"
        case .resetMidBody: "reset"
        case .slowBody: "slow"
        case .malformedChunk: "malformed"
        }
    }
}
