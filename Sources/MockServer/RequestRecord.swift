/// One HTTP request to an OpenAI route, as the mock server saw it.
///
/// Admin routes (`/_poolplay/*`) are not recorded. Times are seconds since the server started.
public struct RequestRecord: Sendable, Codable, Hashable {
    /// 1, 2, 3… in arrival order; the same number is sent back as `x-request-id: req_<id>`.
    public var id: Int
    /// The ``ConnectionRecord/id`` of the connection that carried the request.
    public var connectionID: Int
    /// The HTTP method, e.g. `"POST"`.
    public var method: String
    /// The request path without the query string, e.g. `"/v1/chat/completions"`.
    public var path: String
    /// The response status; 0 while the response has not been written.
    public var status: Int
    /// When the request head arrived.
    public var startedAt: Double
    /// When the response was written, or `nil` while in flight.
    public var endedAt: Double?
    /// The SDK's `x-stainless-retry-count` header (0 for a first attempt), `nil` when absent.
    public var retryCount: Int?
    /// Bytes of the request on the wire (head and body; the bytes read since the previous request ended).
    public var bytesIn: Int = 0
    /// Bytes of the response on the wire (head, body, chunk framing); 0 until it is written.
    public var bytesOut: Int = 0
    /// When the first byte of the response (its head) was written; `nil` until then.
    public var firstByteAt: Double?
    /// Tokens counted against the `tpm` limit (what the usage kept after settling); `nil` without a limit.
    public var tokens: Int?
    /// The loaded scenario's phase in force when the request arrived; `nil` without a scenario.
    public var phase: String?

    /// Time from the request head to the first byte of the response; `nil` until it is written.
    public var timeToFirstByte: Double? { firstByteAt.map { $0 - startedAt } }

    public init(
        id: Int,
        connectionID: Int,
        method: String,
        path: String,
        status: Int = 0,
        startedAt: Double,
        endedAt: Double? = nil,
        retryCount: Int? = nil,
        phase: String? = nil
    ) {
        self.id = id
        self.connectionID = connectionID
        self.method = method
        self.path = path
        self.status = status
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.retryCount = retryCount
        self.phase = phase
    }
}
