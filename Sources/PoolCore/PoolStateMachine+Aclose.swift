extension PoolStateMachine {
    /// httpcore's `pool.aclose()` exactly (`connection_pool.py:347-353`; httpcore2 `:377-383`): the pool forgets every
    /// connection and closes it, and nothing else. Unlike ``close(now:)`` (PoolPlay's shutdown), requests are not
    /// failed and the pool stays usable — httpx refuses further sends at the *client* (`_client.py:1616`), not here.
    ///
    /// Observed with httpx 0.28.1 and httpx2 2.16.2 (`max_connections=1`, one request in flight, two queued, then
    /// `await client.aclose()`): right after it the pool reads `[Requests: 1 active, 2 queued | Connections: 0 active,
    /// 0 idle]`; the in-flight request then fails with `httpx.ReadError` (empty message) as its read meets the closed
    /// socket, and its failure's pass serves the queued requests on a *new* connection, which stays in the pool. So:
    ///
    /// - every connection leaves the list (counted as closed, `CloseReason/poolClosed`); no pass runs;
    /// - IDLE and ACTIVE ones are closed now. A request running on an ACTIVE one stays active until the runner
    ///   reports its failure (``requestFailed(_:error:now:)``); it then fails with `ReadError('')`, whatever the
    ///   runner saw, and a pass runs. A response that had already completed completes;
    /// - a CONNECTING connection has no socket yet (`AsyncHTTPConnection.aclose` only closes `_connection`), so its
    ///   connect goes on outside the pool and its request is served there: active in the repr, while the connection
    ///   is no longer listed. The runner closes that socket once the request ends. A fresh connection whose request
    ///   has not woken yet is connected by that request when it does;
    /// - a request assigned to a closed IDLE connection re-queues at its start attempt (`ConnectionNotAvailable`);
    /// - queued requests stay queued with their timers.
    public mutating func acloseConnections(now: Double) -> [PoolAction] {
        var actions: [PoolAction] = []
        for var connection in connections {
            let unstarted = connection.state == .connecting && !connection.connectStarted
            let owned = requests.contains {
                $0.phase == .started(connection: connection.id)
                    || (unstarted && $0.phase == .assigned(connection: connection.id))
            }
            counters.recordClose(.poolClosed)
            log(now, .connectionClosed(connection: connection.id, reason: .poolClosed))
            if connection.state != .connecting {
                actions.append(.closeConnection(connection.id, .poolClosed))
                connection.state = .closed
            }
            if owned { orphans.append(connection) }
        }
        connections.removeAll()
        return actions
    }

    /// Connections dropped by ``acloseConnections(now:)`` while a request ran on them: not in the snapshot, not
    /// counted toward `max_connections`, gone once that request ends.
    public var orphanedConnectionIDs: [ConnectionID] { orphans.map(\.id) }

    func orphanIndex(_ id: ConnectionID) -> Int? { orphans.firstIndex { $0.id == id } }

    /// Events about an orphan of ``acloseConnections(now:)``, or `nil` when `id` is not one. The orphan serves its one
    /// request and is then closed (if its socket is still open); no pass lists it.
    mutating func orphanEvent(_ id: ConnectionID, _ event: OrphanEvent, now: Double) -> [PoolAction]? {
        guard let o = orphanIndex(id) else { return nil }
        let owner = requests.firstIndex { $0.phase == .started(connection: id) }
        let socketOpen = orphans[o].state != .closed
        switch event {
        case .established(let localPort):
            guard orphans[o].state == .connecting, let owner else { return [] }
            return established(at: o, orphan: true, request: requests[owner].id, localPort: localPort, now: now)
        case .completed:
            guard orphans[o].state != .connecting, let owner else { return [] }
            let requestID = requests.remove(at: owner).id
            startedCount -= 1
            orphans.remove(at: o)
            counters.completed += 1
            log(now, .responseCompleted(request: requestID, connection: id, keepAlive: false))
            let close: [PoolAction] = socketOpen ? [.closeConnection(id, .poolClosed)] : []
            return [.completeRequest(requestID)] + close + assignmentPass(now: now)
        case .failed(let error):
            orphans.remove(at: o)
            var actions: [PoolAction] = []
            // The socket aclose() closed under the read: httpx's ReadError with an empty message.
            if let owner { actions.append(endRequest(at: owner, error: socketOpen ? error : .readError(""), now: now)) }
            if socketOpen { actions.append(.closeConnection(id, .error)) }
            return actions + assignmentPass(now: now)
        case .cancelled:
            orphans.remove(at: o)
            var actions: [PoolAction] = []
            if let owner { actions.append(endRequest(at: owner, error: .cancelled, now: now)) }
            if socketOpen { actions.append(.closeConnection(id, .error)) }
            return actions + assignmentPass(now: now)
        }
    }

    enum OrphanEvent {
        case established(localPort: Int?)
        case completed
        case failed(PoolError)
        case cancelled
    }
}
