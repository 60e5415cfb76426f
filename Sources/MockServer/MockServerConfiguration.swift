/// The knobs of a running ``MockServer``, read live at the moment each decision is made.
///
/// Every field can be changed while the server runs through ``MockServer/updateConfiguration(_:)``:
/// `latency` is read when a request's body has been received, `idleTimeout` when a connection becomes
/// idle, `maxRequestsPerConnection` when a response is written and `apiKey` when a request is routed.
///
/// The defaults mimic a plain OpenAI-compatible upstream: 200 ms per response (the latency used in the
/// probes of the connection-pool lessons), no idle timeout, no cap on requests per connection, and no
/// authentication.
///
/// Real servers for comparison (idle keep-alive timeout): uvicorn 5 s, nginx 75 s, Cloudflare 400 s.
/// nginx's `keepalive_requests` is what `maxRequestsPerConnection` models.
public struct MockServerConfiguration: Sendable, Hashable {
    /// The delay before each OpenAI response is written (not applied to `/_poolplay/*` admin routes).
    ///
    /// The delay is scheduled on the connection's event loop, so it never blocks other connections.
    public var latency: Duration

    /// How long a keep-alive connection may stay idle (no request in progress) before the server closes it.
    ///
    /// `nil` (the default) means never. The ledger records such a close as `closedBy: "server"`,
    /// `closeReason: "idle timeout"`.
    public var idleTimeout: Duration?

    /// After this many responses on one connection the server answers with `Connection: close` and closes.
    ///
    /// `nil` (the default) means no limit. Like nginx `keepalive_requests`. Admin requests count too.
    public var maxRequestsPerConnection: Int?

    /// When set, OpenAI routes require `Authorization: Bearer <apiKey>`; anything else gets a 401.
    public var apiKey: String?

    /// The model ids served by `GET /v1/models` and accepted by `GET /v1/models/{id}`.
    public var models: [String]

    /// When `true`, `POST /v1/chat/completions` answers 404 `model_not_found` for a model not in ``models``.
    ///
    /// Off by default, so that any model name a learner types works (the response echoes it).
    public var rejectUnknownModels: Bool

    /// The model list served when none is given.
    public static let defaultModels = ["mock-gpt", "gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "gpt-4.1"]

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - latency: delay before each OpenAI response; default 200 ms.
    ///   - idleTimeout: close keep-alive connections idle this long; default `nil` (never).
    ///   - maxRequestsPerConnection: close a connection after this many responses; default `nil` (no limit).
    ///   - apiKey: the only bearer token accepted; default `nil` (no authentication).
    ///   - models: model ids the server knows; default ``defaultModels``.
    ///   - rejectUnknownModels: whether chat rejects models not in `models`; default `false`.
    public init(
        latency: Duration = .milliseconds(200),
        idleTimeout: Duration? = nil,
        maxRequestsPerConnection: Int? = nil,
        apiKey: String? = nil,
        models: [String] = MockServerConfiguration.defaultModels,
        rejectUnknownModels: Bool = false
    ) {
        self.latency = latency
        self.idleTimeout = idleTimeout
        self.maxRequestsPerConnection = maxRequestsPerConnection
        self.apiKey = apiKey
        self.models = models
        self.rejectUnknownModels = rejectUnknownModels
    }
}
