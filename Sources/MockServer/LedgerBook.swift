import NIOCore

/// The mutable bookkeeping behind ``Ledger``: a pure value type, mutated under the server's lock.
///
/// Events arrive from many connections; each method takes the time as an argument (seconds since
/// server start), so the book reads no clock. Records live in two ring buffers of at most ``limit``
/// entries each: appending beyond it drops the oldest record (O(1)) and counts it. The end of a dropped
/// open connection or in-flight request still moves the counts, which stay exact; events for records a
/// reset forgot are ignored.
struct LedgerBook: Sendable {
    /// How many connection records and how many request records are kept (at least 1).
    var limit: Int {
        didSet {
            limit = max(1, limit)
            trim()
        }
    }
    private var connections = CircularBuffer<ConnectionRecord>()
    private var requests = CircularBuffer<RequestRecord>()
    /// Absolute position (appends since the last reset) of each kept record, by id; the oldest kept
    /// record sits at `appended - buffer.count`.
    private var connectionPosition: [Int: Int] = [:]
    private var requestPosition: [Int: Int] = [:]
    /// Records appended since the last reset, dropped ones included: the exact totals.
    private var connectionsAppended = 0
    private var requestsAppended = 0
    private var nextConnectionID = 1
    private var nextRequestID = 1
    private var openConnections = 0
    private var requestsInFlight = 0
    private var peakConnections = 0
    private var peakRequests = 0
    private var droppedConnections = 0
    private var droppedRequests = 0
    /// Open connections and in-flight requests whose records were dropped, so their end still counts.
    private var droppedOpen: Set<Int> = []
    private var droppedInFlight: Set<Int> = []

    init(limit: Int = MockServerConfiguration.defaultLedgerLimit) {
        self.limit = max(1, limit)
    }

    /// A snapshot (copies the kept records: O(kept)).
    var ledger: Ledger {
        Ledger(
            connections: Array(connections),
            requests: Array(requests),
            peakConcurrentConnections: peakConnections,
            peakConcurrentRequests: peakRequests,
            acceptedConnections: connectionsAppended,
            totalRequests: requestsAppended,
            openConnections: openConnections,
            droppedConnections: droppedConnections,
            droppedRequests: droppedRequests,
            limit: limit)
    }

    /// Records an accepted connection and returns its id.
    mutating func connectionOpened(clientPort: Int, at time: Double) -> Int {
        let id = nextConnectionID
        nextConnectionID += 1
        connectionPosition[id] = connectionsAppended
        connectionsAppended += 1
        connections.append(ConnectionRecord(id: id, clientPort: clientPort, openedAt: time))
        openConnections += 1
        peakConnections = max(peakConnections, openConnections)
        trim()
        return id
    }

    /// Updates a connection's byte counts (at its close).
    mutating func connectionBytes(id: Int, bytesIn: Int, bytesOut: Int) {
        guard let index = connectionIndex(id) else { return }
        connections[index].bytesIn = bytesIn
        connections[index].bytesOut = bytesOut
    }

    /// Records the close of a connection. Only the first close of a connection counts.
    ///
    /// - Returns: `true` if this call recorded the close.
    @discardableResult
    mutating func connectionClosed(id: Int, by closer: String, reason: String, at time: Double) -> Bool {
        guard let index = connectionIndex(id) else {
            guard droppedOpen.remove(id) != nil else { return false }
            openConnections -= 1
            return true
        }
        guard connections[index].closedAt == nil else { return false }
        connections[index].closedAt = time
        connections[index].closedBy = closer
        connections[index].closeReason = reason
        openConnections -= 1
        return true
    }

    /// Records the arrival of a request head and returns the request id (also used for `x-request-id`).
    mutating func requestStarted(
        connectionID: Int,
        method: String,
        path: String,
        retryCount: Int?,
        phase: String? = nil,
        at time: Double
    ) -> Int {
        let id = nextRequestID
        nextRequestID += 1
        requestPosition[id] = requestsAppended
        requestsAppended += 1
        requests.append(
            RequestRecord(
                id: id, connectionID: connectionID, method: method, path: path, startedAt: time,
                retryCount: retryCount, phase: phase))
        requestsInFlight += 1
        peakRequests = max(peakRequests, requestsInFlight)
        trim()
        return id
    }

    /// Records that the response to a request was written (or abandoned, when the connection died first).
    ///
    /// The in-flight count drops even when the request's record was already dropped, so the peak stays exact.
    ///
    /// - Parameter served: `true` when a response was written; only then does it count in `requestsServed`.
    mutating func requestFinished(
        id: Int, status: Int, served: Bool = true, at time: Double, metrics: RequestMetrics? = nil
    ) {
        if let metrics, let connectionID = metrics.connectionID, let connection = connectionIndex(connectionID) {
            connections[connection].bytesIn = metrics.connectionBytesIn
            connections[connection].bytesOut = metrics.connectionBytesOut
        }
        guard let index = requestIndex(id) else {
            if droppedInFlight.remove(id) != nil { requestsInFlight -= 1 }
            return
        }
        guard requests[index].endedAt == nil else { return }
        requests[index].status = status
        requests[index].endedAt = time
        if let metrics {
            requests[index].bytesIn = metrics.bytesIn
            requests[index].bytesOut = metrics.bytesOut
            requests[index].firstByteAt = metrics.firstByteAt
            requests[index].tokens = metrics.tokens
        }
        requestsInFlight -= 1
        if served, let connection = connectionIndex(requests[index].connectionID) {
            connections[connection].requestsServed += 1
        }
    }

    /// Forgets closed connections and finished requests; open connections and in-flight requests stay.
    ///
    /// Open connections stay so that their close is still recorded; their `requestsServed` restarts at 0.
    /// Totals restart at the kept records, peaks at the current counts, dropped counts at 0. Ids keep
    /// counting up, so a reset never reuses an id.
    mutating func reset() {
        let keptConnections = connections.filter(\.isOpen).map {
            var record = $0
            record.requestsServed = 0
            return record
        }
        let keptRequests = requests.filter { $0.endedAt == nil }
        connections = CircularBuffer(keptConnections)
        requests = CircularBuffer(keptRequests)
        connectionPosition = Dictionary(uniqueKeysWithValues: keptConnections.enumerated().map { ($1.id, $0) })
        requestPosition = Dictionary(uniqueKeysWithValues: keptRequests.enumerated().map { ($1.id, $0) })
        connectionsAppended = keptConnections.count
        requestsAppended = keptRequests.count
        droppedConnections = 0
        droppedRequests = 0
        openConnections = keptConnections.count + droppedOpen.count
        requestsInFlight = keptRequests.count + droppedInFlight.count
        peakConnections = openConnections
        peakRequests = requestsInFlight
    }

    /// The kept record of a request, if any (O(1)).
    func request(_ id: Int) -> RequestRecord? {
        requestIndex(id).map { requests[$0] }
    }

    // MARK: Ring buffers

    /// Drops the oldest records beyond ``limit``.
    private mutating func trim() {
        while connections.count > limit {
            let dropped = connections.removeFirst()
            connectionPosition[dropped.id] = nil
            droppedConnections += 1
            if dropped.isOpen { droppedOpen.insert(dropped.id) }
        }
        while requests.count > limit {
            let dropped = requests.removeFirst()
            requestPosition[dropped.id] = nil
            droppedRequests += 1
            if dropped.endedAt == nil { droppedInFlight.insert(dropped.id) }
        }
    }

    private func connectionIndex(_ id: Int) -> CircularBuffer<ConnectionRecord>.Index? {
        guard let position = connectionPosition[id] else { return nil }
        return connections.index(connections.startIndex, offsetBy: position - (connectionsAppended - connections.count))
    }

    private func requestIndex(_ id: Int) -> CircularBuffer<RequestRecord>.Index? {
        guard let position = requestPosition[id] else { return nil }
        return requests.index(requests.startIndex, offsetBy: position - (requestsAppended - requests.count))
    }
}

/// What the handler measured for one request, written into the ledger when it finishes.
struct RequestMetrics: Sendable {
    var bytesIn: Int
    var bytesOut: Int
    var firstByteAt: Double?
    var tokens: Int?
    /// The connection, and its running byte counts, updated in the same step.
    var connectionID: Int?
    var connectionBytesIn: Int
    var connectionBytesOut: Int
}
