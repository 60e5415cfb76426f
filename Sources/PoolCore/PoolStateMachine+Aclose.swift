extension PoolStateMachine {
    /// httpcore's `pool.aclose()` exactly (`connection_pool.py:347-353`; httpcore2 `:377-383`): the pool forgets every
    /// connection and closes it, and nothing else. Unlike ``close(now:)`` (PoolPlay's shutdown), requests are not
    /// failed and the pool stays usable — httpx refuses further sends at the *client* (`_client.py:1616`), not here.
    ///
    /// Observed with httpx 0.28.1 and httpx2 2.16.2 (`max_connections=1`, one request in flight, two queued, then
    /// `await client.aclose()`): the in-flight request fails at once with `httpx.ReadError` (empty message), and
    /// the two queued requests are then served on a *new* connection, which stays in the pool afterwards. So:
    ///
    /// - every connection leaves the list; IDLE and ACTIVE ones are closed (`CloseReason/poolClosed`);
    /// - a request running on an ACTIVE connection fails with `ReadError('')`;
    /// - a CONNECTING connection has no socket yet (`AsyncHTTPConnection.aclose` only closes `_connection`), so its
    ///   connect goes on outside the pool and its request is served there: it stays active in the repr while the
    ///   connection is no longer listed. The runner closes that socket once the request ends;
    /// - a request assigned to a closed IDLE connection re-queues at its start attempt (`ConnectionNotAvailable`);
    /// - queued requests stay queued with their timers; the pass that the failures run (httpcore's exception path,
    ///   `connection_pool.py:248-256`) may open new connections for them.
    public mutating func acloseConnections(now: Double) -> [PoolAction] {
        var closes: [PoolAction] = []
        var failing: [RequestID] = []
        for connection in connections {
            let owner = requests.first { $0.phase == .started(connection: connection.id) }
            counters.recordClose(.poolClosed)
            log(now, .connectionClosed(connection: connection.id, reason: .poolClosed))
            if connection.state == .connecting, owner != nil {
                orphans.append(connection)
                continue
            }
            closes.append(.closeConnection(connection.id, .poolClosed))
            if connection.state == .active, let owner { failing.append(owner.id) }
        }
        connections.removeAll()
        // The requests end first so that the runner stops their sends before it closes their sockets.
        var actions: [PoolAction] = []
        for id in failing {
            if let r = requestIndex(id) { actions.append(endRequest(at: r, error: .readError(""), now: now)) }
        }
        return actions + closes + assignmentPass(now: now)
    }

    /// Connections dropped by ``acloseConnections(now:)`` that still serve the request that was connecting on them.
    /// They are not in the snapshot and do not count toward `max_connections`.
    public var orphanedConnectionIDs: [ConnectionID] { orphans.map(\.id) }

    func orphanIndex(_ id: ConnectionID) -> Int? { orphans.firstIndex { $0.id == id } }

    /// Events about a connection that ``acloseConnections(now:)`` dropped while its request ran on it, or `nil` when
    /// `id` is not such a connection. The orphan serves its one request and is then closed; no pass sees it.
    mutating func orphanEvent(_ id: ConnectionID, _ event: OrphanEvent, now: Double) -> [PoolAction]? {
        guard let o = orphanIndex(id) else { return nil }
        let owner = requests.firstIndex { $0.phase == .started(connection: id) }
        switch event {
        case .established(let localPort):
            guard orphans[o].state == .connecting, let owner else { return [] }
            orphans[o].state = .active
            orphans[o].requestCount += 1
            orphans[o].localPort = localPort
            log(now, .connectionEstablished(connection: id))
            log(now, .requestStarted(request: requests[owner].id, connection: id))
            return [.execute(requests[owner].id, on: id)]
        case .completed:
            guard orphans[o].state == .active, let owner else { return [] }
            let requestID = requests.remove(at: owner).id
            orphans.remove(at: o)
            counters.completed += 1
            log(now, .responseCompleted(request: requestID, connection: id, keepAlive: false))
            return [.completeRequest(requestID), .closeConnection(id, .poolClosed)] + assignmentPass(now: now)
        case .failed(let error):
            orphans.remove(at: o)
            var actions: [PoolAction] = []
            if let owner { actions.append(endRequest(at: owner, error: error, now: now)) }
            return actions + [.closeConnection(id, .error)] + assignmentPass(now: now)
        }
    }

    enum OrphanEvent {
        case established(localPort: Int?)
        case completed
        case failed(PoolError)
    }
}
