/// The mutable bookkeeping behind ``Ledger``: a pure value type, mutated under the server's lock.
///
/// Events arrive from many connections; each method takes the time as an argument (seconds since
/// server start), so the book reads no clock. Events for a connection or request that a reset dropped
/// are ignored.
struct LedgerBook: Sendable {
    private(set) var ledger = Ledger()
    private var nextConnectionID = 1
    private var nextRequestID = 1
    /// Index into `ledger.connections` by connection id.
    private var connectionIndex: [Int: Int] = [:]
    /// Index into `ledger.requests` by request id.
    private var requestIndex: [Int: Int] = [:]
    private var openConnections = 0
    private var requestsInFlight = 0

    /// Records an accepted connection and returns its id.
    mutating func connectionOpened(clientPort: Int, at time: Double) -> Int {
        let id = nextConnectionID
        nextConnectionID += 1
        connectionIndex[id] = ledger.connections.count
        ledger.connections.append(ConnectionRecord(id: id, clientPort: clientPort, openedAt: time))
        openConnections += 1
        ledger.peakConcurrentConnections = max(ledger.peakConcurrentConnections, openConnections)
        return id
    }

    /// Records the close of a connection. Only the first close of a connection counts.
    ///
    /// - Returns: `true` if this call recorded the close.
    @discardableResult
    mutating func connectionClosed(id: Int, by closer: String, reason: String, at time: Double) -> Bool {
        guard let index = connectionIndex[id], ledger.connections[index].closedAt == nil else { return false }
        ledger.connections[index].closedAt = time
        ledger.connections[index].closedBy = closer
        ledger.connections[index].closeReason = reason
        openConnections -= 1
        return true
    }

    /// Records the arrival of a request head and returns the request id (also used for `x-request-id`).
    mutating func requestStarted(
        connectionID: Int,
        method: String,
        path: String,
        retryCount: Int?,
        at time: Double
    ) -> Int {
        let id = nextRequestID
        nextRequestID += 1
        requestIndex[id] = ledger.requests.count
        ledger.requests.append(
            RequestRecord(
                id: id,
                connectionID: connectionID,
                method: method,
                path: path,
                startedAt: time,
                retryCount: retryCount
            )
        )
        requestsInFlight += 1
        ledger.peakConcurrentRequests = max(ledger.peakConcurrentRequests, requestsInFlight)
        return id
    }

    /// Records that the response to a request was written (or abandoned, when the connection died first).
    ///
    /// - Parameter served: `true` when a response was written; only then does it count in `requestsServed`.
    mutating func requestFinished(id: Int, status: Int, served: Bool = true, at time: Double) {
        guard let index = requestIndex[id], ledger.requests[index].endedAt == nil else { return }
        ledger.requests[index].status = status
        ledger.requests[index].endedAt = time
        requestsInFlight -= 1
        if served, let connection = connectionIndex[ledger.requests[index].connectionID] {
            ledger.connections[connection].requestsServed += 1
        }
    }

    /// Forgets closed connections and finished requests; open connections and in-flight requests stay.
    ///
    /// Open connections stay so that their close is still recorded; their `requestsServed` restarts at 0.
    /// Peaks restart at the current counts. Ids keep counting up, so a reset never reuses an id.
    mutating func reset() {
        ledger.connections = ledger.connections.filter(\.isOpen).map {
            var record = $0
            record.requestsServed = 0
            return record
        }
        ledger.requests = ledger.requests.filter { $0.endedAt == nil }
        connectionIndex = Dictionary(uniqueKeysWithValues: ledger.connections.enumerated().map { ($1.id, $0) })
        requestIndex = Dictionary(uniqueKeysWithValues: ledger.requests.enumerated().map { ($1.id, $0) })
        ledger.peakConcurrentConnections = openConnections
        ledger.peakConcurrentRequests = requestsInFlight
    }
}
