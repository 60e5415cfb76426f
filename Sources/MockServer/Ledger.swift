/// A snapshot of everything the mock server saw: connections and requests.
///
/// This is the source of truth for tests and lessons that count TCP connections ("how many sockets did
/// `max_keepalive_connections=2` cost?") and requests per connection. Served as JSON by
/// `GET /_poolplay/ledger`; the JSON also carries the derived `acceptedConnections` and `openConnections`.
public struct Ledger: Sendable, Hashable {
    /// Every accepted TCP connection, in accept order.
    public var connections: [ConnectionRecord]
    /// Every request to an OpenAI route, in arrival order.
    public var requests: [RequestRecord]
    /// The most connections open at the same time since start (or since the last reset).
    public var peakConcurrentConnections: Int
    /// The most requests in flight (head received, response not yet written) at the same time.
    public var peakConcurrentRequests: Int

    public init(
        connections: [ConnectionRecord] = [],
        requests: [RequestRecord] = [],
        peakConcurrentConnections: Int = 0,
        peakConcurrentRequests: Int = 0
    ) {
        self.connections = connections
        self.requests = requests
        self.peakConcurrentConnections = peakConcurrentConnections
        self.peakConcurrentRequests = peakConcurrentRequests
    }

    /// How many connections were accepted: `connections.count`.
    public var acceptedConnections: Int { connections.count }

    /// How many recorded connections are still open.
    public var openConnections: Int { connections.count(where: \.isOpen) }

    /// The requests carried by one connection, in arrival order.
    public func requests(onConnection id: Int) -> [RequestRecord] {
        requests.filter { $0.connectionID == id }
    }
}

extension Ledger: Codable {
    private enum CodingKeys: String, CodingKey {
        case connections, requests, peakConcurrentConnections, peakConcurrentRequests
        case acceptedConnections, openConnections
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.connections = try container.decode([ConnectionRecord].self, forKey: .connections)
        self.requests = try container.decode([RequestRecord].self, forKey: .requests)
        self.peakConcurrentConnections = try container.decode(Int.self, forKey: .peakConcurrentConnections)
        self.peakConcurrentRequests = try container.decode(Int.self, forKey: .peakConcurrentRequests)
    }

    /// Encodes the stored fields plus the derived counts, so that a JSON reader needs no arithmetic.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(connections, forKey: .connections)
        try container.encode(requests, forKey: .requests)
        try container.encode(peakConcurrentConnections, forKey: .peakConcurrentConnections)
        try container.encode(peakConcurrentRequests, forKey: .peakConcurrentRequests)
        try container.encode(acceptedConnections, forKey: .acceptedConnections)
        try container.encode(openConnections, forKey: .openConnections)
    }
}
