/// A snapshot of what the mock server saw: the most recent connections and requests, exact totals and peaks.
///
/// This is the source of truth for tests and lessons that count TCP connections ("how many sockets did
/// `max_keepalive_connections=2` cost?") and requests per connection. Served as JSON by
/// `GET /_poolplay/ledger`.
///
/// The record lists are bounded: the server keeps the most recent
/// ``MockServerConfiguration/ledgerLimit`` connections and requests (10,000 by default) and drops the
/// oldest beyond that, so a server left running under load does not grow without limit. The counts
/// (``acceptedConnections``, ``totalRequests``, ``openConnections``, the peaks) stay exact;
/// ``droppedConnections`` and ``droppedRequests`` say how many records were let go.
public struct Ledger: Sendable, Hashable {
    /// The most recent accepted TCP connections, in accept order.
    public var connections: [ConnectionRecord]
    /// The most recent requests to OpenAI routes, in arrival order.
    public var requests: [RequestRecord]
    /// The most connections open at the same time since start (or since the last reset).
    public var peakConcurrentConnections: Int
    /// The most requests in flight (head received, response not yet written) at the same time.
    public var peakConcurrentRequests: Int
    /// Every connection accepted since start (or since the last reset), dropped records included.
    public var acceptedConnections: Int
    /// Every request recorded since start (or since the last reset), dropped records included.
    public var totalRequests: Int
    /// Connections open right now (exact, even when an open connection's record was dropped).
    public var openConnections: Int
    /// Connection records dropped to keep the list within ``limit``.
    public var droppedConnections: Int
    /// Request records dropped to keep the list within ``limit``.
    public var droppedRequests: Int
    /// How many connection records and how many request records are kept.
    public var limit: Int

    /// Creates a ledger; totals default to the lists' own counts (nothing dropped).
    public init(
        connections: [ConnectionRecord] = [],
        requests: [RequestRecord] = [],
        peakConcurrentConnections: Int = 0,
        peakConcurrentRequests: Int = 0,
        acceptedConnections: Int? = nil,
        totalRequests: Int? = nil,
        openConnections: Int? = nil,
        droppedConnections: Int = 0,
        droppedRequests: Int = 0,
        limit: Int = MockServerConfiguration.defaultLedgerLimit
    ) {
        self.connections = connections
        self.requests = requests
        self.peakConcurrentConnections = peakConcurrentConnections
        self.peakConcurrentRequests = peakConcurrentRequests
        self.acceptedConnections = acceptedConnections ?? connections.count
        self.totalRequests = totalRequests ?? requests.count
        self.openConnections = openConnections ?? connections.count(where: \.isOpen)
        self.droppedConnections = droppedConnections
        self.droppedRequests = droppedRequests
        self.limit = limit
    }

    /// The requests carried by one connection, in arrival order (among the kept records).
    public func requests(onConnection id: Int) -> [RequestRecord] {
        requests.filter { $0.connectionID == id }
    }
}

extension Ledger: Codable {
    private enum CodingKeys: String, CodingKey {
        case connections, requests, peakConcurrentConnections, peakConcurrentRequests
        case acceptedConnections, totalRequests, openConnections, droppedConnections, droppedRequests, limit
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let connections = try container.decode([ConnectionRecord].self, forKey: .connections)
        let requests = try container.decode([RequestRecord].self, forKey: .requests)
        self.init(
            connections: connections,
            requests: requests,
            peakConcurrentConnections: try container.decode(Int.self, forKey: .peakConcurrentConnections),
            peakConcurrentRequests: try container.decode(Int.self, forKey: .peakConcurrentRequests),
            acceptedConnections: try container.decodeIfPresent(Int.self, forKey: .acceptedConnections),
            totalRequests: try container.decodeIfPresent(Int.self, forKey: .totalRequests),
            openConnections: try container.decodeIfPresent(Int.self, forKey: .openConnections),
            droppedConnections: try container.decodeIfPresent(Int.self, forKey: .droppedConnections) ?? 0,
            droppedRequests: try container.decodeIfPresent(Int.self, forKey: .droppedRequests) ?? 0,
            limit: try container.decodeIfPresent(Int.self, forKey: .limit) ?? MockServerConfiguration.defaultLedgerLimit)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(connections, forKey: .connections)
        try container.encode(requests, forKey: .requests)
        try container.encode(peakConcurrentConnections, forKey: .peakConcurrentConnections)
        try container.encode(peakConcurrentRequests, forKey: .peakConcurrentRequests)
        try container.encode(acceptedConnections, forKey: .acceptedConnections)
        try container.encode(totalRequests, forKey: .totalRequests)
        try container.encode(openConnections, forKey: .openConnections)
        try container.encode(droppedConnections, forKey: .droppedConnections)
        try container.encode(droppedRequests, forKey: .droppedRequests)
        try container.encode(limit, forKey: .limit)
    }
}
