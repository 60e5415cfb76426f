import NIOCore

/// The mutable bookkeeping behind ``Ledger``: a pure value type, mutated under the server's lock.
///
/// Events arrive from many connections; each method takes the time as an argument (seconds since
/// server start), so the book reads no clock. Records live in two ring buffers of at most ``limit``
/// entries each: appending beyond it drops the oldest record (O(1)) and counts it. The end of a dropped
/// open connection or in-flight request still moves the counts, which stay exact; events for records a
/// reset forgot are ignored.
///
/// A record is found by its id through a parallel ring of ids, which are increasing (ids are handed out
/// in append order and a reset keeps records in order): O(1) while the kept ids are consecutive (no reset
/// in the window), a binary search over plain integers otherwise. No hashing on the request path.
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
    /// The ids of the kept records, in the same order as the records (increasing).
    private var connectionIDs = CircularBuffer<Int>()
    private var requestIDs = CircularBuffer<Int>()
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
        connectionsAppended += 1
        connections.append(ConnectionRecord(id: id, clientPort: clientPort, openedAt: time))
        connectionIDs.append(id)
        openConnections += 1
        peakConnections = max(peakConnections, openConnections)
        trim()
        return id
    }

    /// Updates a connection's byte counts (at its close).
    mutating func connectionBytes(id: Int, bytesIn: Int, bytesOut: Int) {
        guard let index = connectionIndex(id) else { return }
        // One read and one write of the record: `CircularBuffer`'s subscript has no in-place `_modify`,
        // so each `buffer[i].field = x` would copy the whole record out and back.
        var record = connections[index]
        record.bytesIn = bytesIn
        record.bytesOut = bytesOut
        connections[index] = record
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
        var record = connections[index]
        guard record.closedAt == nil else { return false }
        record.closedAt = time
        record.closedBy = closer
        record.closeReason = reason
        connections[index] = record
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
        requestsAppended += 1
        requests.append(
            RequestRecord(
                id: id, connectionID: connectionID, method: method, path: path, startedAt: time,
                retryCount: retryCount, phase: phase))
        requestIDs.append(id)
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
        // Records are read once and written back once (see connectionBytes(id:bytesIn:bytesOut:)).
        var connectionUpdate: (index: CircularBuffer<ConnectionRecord>.Index, record: ConnectionRecord)?
        if let metrics, let connectionID = metrics.connectionID, let index = connectionIndex(connectionID) {
            var record = connections[index]
            record.bytesIn = metrics.connectionBytesIn
            record.bytesOut = metrics.connectionBytesOut
            connectionUpdate = (index, record)
        }
        defer { if let connectionUpdate { connections[connectionUpdate.index] = connectionUpdate.record } }
        guard let index = requestIndex(id) else {
            if droppedInFlight.remove(id) != nil { requestsInFlight -= 1 }
            return
        }
        var request = requests[index]
        guard request.endedAt == nil else { return }
        request.status = status
        request.endedAt = time
        if let metrics {
            request.bytesIn = metrics.bytesIn
            request.bytesOut = metrics.bytesOut
            request.firstByteAt = metrics.firstByteAt
            request.tokens = metrics.tokens
        }
        requests[index] = request
        requestsInFlight -= 1
        guard served else { return }
        if connectionUpdate?.record.id == request.connectionID {
            connectionUpdate?.record.requestsServed += 1
        } else if let connection = connectionIndex(request.connectionID) {
            var record = connections[connection]
            record.requestsServed += 1
            connections[connection] = record
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
        connectionIDs = CircularBuffer(keptConnections.map(\.id))
        requestIDs = CircularBuffer(keptRequests.map(\.id))
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
            connectionIDs.removeFirst()
            droppedConnections += 1
            if dropped.isOpen { droppedOpen.insert(dropped.id) }
        }
        while requests.count > limit {
            let dropped = requests.removeFirst()
            requestIDs.removeFirst()
            droppedRequests += 1
            if dropped.endedAt == nil { droppedInFlight.insert(dropped.id) }
        }
    }

    private func connectionIndex(_ id: Int) -> CircularBuffer<ConnectionRecord>.Index? {
        Self.offset(of: id, in: connectionIDs).map { connections.index(connections.startIndex, offsetBy: $0) }
    }

    private func requestIndex(_ id: Int) -> CircularBuffer<RequestRecord>.Index? {
        Self.offset(of: id, in: requestIDs).map { requests.index(requests.startIndex, offsetBy: $0) }
    }

    /// Where `id` sits in `ids` (increasing), or `nil` when it is not kept.
    static func offset(of id: Int, in ids: CircularBuffer<Int>) -> Int? {
        guard let first = ids.first, let last = ids.last, id >= first, id <= last else { return nil }
        if last - first == ids.count - 1 { return id - first }  // consecutive: no reset in the window
        var low = 0
        var high = ids.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let value = ids[ids.index(ids.startIndex, offsetBy: middle)]
            if value == id { return middle }
            if value < id { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
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
