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
    /// The loaded scenario's phase in force when the request arrived; `nil` without a scenario.
    public var phase: String?

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
