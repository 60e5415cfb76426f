import TrafficModels

/// The knobs of a running ``MockServer``, read live at the moment each decision is made.
///
/// Every field can be changed while the server runs through ``MockServer/updateConfiguration(_:)``:
/// `latency` is read when a request's body has been received, `idleTimeout` when a connection becomes
/// idle, `maxRequestsPerConnection` when a response is written and `apiKey` when a request is routed;
/// rate limits and faults when a request's body has arrived, stream delays before each frame.
/// ``apply(_:_:)`` sets any knob from its text form (`latency=100ms..300ms`, `fault=503@0.2`, …).
///
/// The defaults mimic a plain OpenAI-compatible upstream: 200 ms per response (the latency used in the
/// probes of the connection-pool lessons), no idle timeout, no cap on requests per connection, and no
/// authentication.
///
/// Real servers for comparison (idle keep-alive timeout): uvicorn 5 s, nginx 75 s, Cloudflare 400 s.
/// nginx's `keepalive_requests` is what `maxRequestsPerConnection` models.
public struct MockServerConfiguration: Sendable, Hashable {
    /// The delay before each OpenAI response is written (not applied to `/_poolplay/*` admin routes):
    /// fixed, uniform or p50/p99, sampled with the seeded generator (``seed``).
    ///
    /// The delay is scheduled on the connection's event loop, so it never blocks other connections.
    /// A request header `x-poolplay-latency: 50ms` overrides it for that request.
    public var latencyModel: LatencyModel

    /// The typical latency (`LatencyModel.typical`); setting it makes the latency fixed.
    public var latency: Duration {
        get { latencyModel.typical }
        set { latencyModel = .fixed(newValue) }
    }

    /// Seed of the generator behind latency samples and fault probabilities; applied when the server
    /// starts and whenever ``apply(_:_:)`` sets `seed`.
    public var seed: UInt64

    /// How long a keep-alive connection may stay idle (no request in progress) before the server closes it.
    ///
    /// `nil` (the default) means never. The ledger records such a close as `closedBy: "server"`,
    /// `closeReason: "idle timeout"`.
    public var idleTimeout: Duration?

    /// After this many responses on one connection the server answers with `Connection: close` and closes.
    ///
    /// `nil` (the default) means no limit. Like nginx `keepalive_requests`. Admin requests count too.
    public var maxRequestsPerConnection: Int?

    /// At most this many open connections; a connection beyond it is accepted, recorded and closed at once
    /// (`closeReason: "max connections"`). `nil`: no limit.
    public var maxConcurrentConnections: Int?

    /// Streams: the pause between the response head and the first SSE frame (time to first token).
    public var streamFirstByteDelay: Duration
    /// Streams: the pause between two SSE frames.
    public var streamChunkDelay: Duration
    /// Streams: the pause between the last frame (`data: [DONE]` for chat) and the chunked terminator.
    /// openai-wire §0 point 2: the sync SDK drops the connection unless the terminator comes at once.
    public var doneToEndDelay: Duration
    /// Chat streams: whether the last frame is `data: [DONE]`. Off, the body just ends: the SDK's stream
    /// then reads to the end of the body, and even the sync client keeps the connection (openai-wire §2.1).
    public var streamDoneMarker: Bool
    /// Extra delay on the first response of each connection (models TLS and connection set-up cost).
    public var connectCost: Duration

    /// Requests per second accepted (fixed one-second windows); beyond it, 429. `nil`: no limit.
    public var requestsPerSecond: Int?
    /// Requests per minute, in a bucket that refills continuously as api.openai.com's does; beyond it,
    /// 429 `rate_limit_exceeded`. `nil`: no limit.
    public var requestsPerMinute: Int?
    /// Tokens per minute, in a continuously refilling bucket: a chat, completions, responses or
    /// embeddings request reserves its estimated tokens when its body arrives and gives back what its
    /// usage did not need once answered. `nil`: no limit.
    public var tokensPerMinute: Int?
    /// Requests in progress at once (received, not yet answered); beyond it, 429. `nil`: no limit.
    public var maxConcurrentRequests: Int?

    /// Faults to inject; the first rule that fires for a request wins. A request header
    /// `x-poolplay-fault: 503` (any `Fault` text) injects that fault into that request only.
    public var faults: [FaultRule]

    /// Requests whose body is larger get 413 and the connection closes; default 1 MiB.
    public var maxBodyBytes: Int
    /// Requests whose head is larger get 431 and the connection closes; default 16 KiB.
    public var maxHeaderBytes: Int
    /// A connection that has started a request head and not finished it within this time is closed
    /// (slowloris); default 10 s. `nil`: never.
    public var headerReadTimeout: Duration?

    /// How many connection records and how many request records the ledger keeps (the most recent);
    /// older ones are dropped and counted. Default ``defaultLedgerLimit``. Totals and peaks stay exact.
    public var ledgerLimit: Int

    /// The default ``ledgerLimit``: 10,000 records of each kind (a few MB at most).
    public static let defaultLedgerLimit = 10_000

    /// Per-request knobs by route name (`chat`, `models`, …), set by a loaded ``Scenario``; applied to
    /// each request of that route before its `x-poolplay-*` headers. Empty by default.
    public var routeKnobs: [String: [Scenario.Knob]] = [:]

    /// When set, OpenAI routes require `Authorization: Bearer <apiKey>`; anything else gets a 401.
    public var apiKey: String?

    /// The model ids served by `GET /v1/models` and accepted by `GET /v1/models/{id}`.
    public var models: [String]

    /// When `true`, the POST routes answer 404 `model_not_found` for a model not in ``models``.
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
    ///   - rejectUnknownModels: whether POST routes reject models not in `models`; default `false`.
    ///
    /// The other knobs start at their defaults (no delays, no limits, no faults, seed 1) and are set as
    /// properties or through ``apply(_:_:)``.
    public init(
        latency: Duration = .milliseconds(200),
        idleTimeout: Duration? = nil,
        maxRequestsPerConnection: Int? = nil,
        apiKey: String? = nil,
        models: [String] = MockServerConfiguration.defaultModels,
        rejectUnknownModels: Bool = false
    ) {
        self.latencyModel = .fixed(latency)
        self.seed = 1
        self.idleTimeout = idleTimeout
        self.maxRequestsPerConnection = maxRequestsPerConnection
        self.maxConcurrentConnections = nil
        self.streamFirstByteDelay = .zero
        self.streamChunkDelay = .zero
        self.doneToEndDelay = .zero
        self.streamDoneMarker = true
        self.connectCost = .zero
        self.requestsPerSecond = nil
        self.requestsPerMinute = nil
        self.tokensPerMinute = nil
        self.maxConcurrentRequests = nil
        self.faults = []
        self.maxBodyBytes = 1 << 20
        self.maxHeaderBytes = 16 << 10
        self.headerReadTimeout = .seconds(10)
        self.ledgerLimit = Self.defaultLedgerLimit
        self.apiKey = apiKey
        self.models = models
        self.rejectUnknownModels = rejectUnknownModels
    }
}
