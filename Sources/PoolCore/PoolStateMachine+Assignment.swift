extension PoolStateMachine {
    /// `_assign_requests_to_connections`: housekeeping, then FIFO assignment, by the configured algorithm.
    mutating func assignmentPass(now: Double) -> [PoolAction] {
        switch configuration.algorithm {
        case .httpcore1: httpcore1Pass(now: now)
        case .httpcore2: httpcore2Pass(now: now)
        }
    }

    /// httpcore 1.0.9's pass (`connection_pool.py:270-339`).
    ///
    /// (A) Over a copy of the list in creation order: drop closed connections; close expired ones; close an idle
    /// connection while `len(self._connections) > max_keepalive_connections` — line 294 measures the length of a list
    /// comprehension over *all* connections, so idle connections are closed even when queued requests could use
    /// them (encode/httpcore PR #920, #1000).
    /// (B) For each queued request in FIFO order: the oldest idle connection of its origin (which may already have
    /// been handed to an earlier request in this same pass), else a new connection below `max_connections`, else
    /// evict the oldest idle connection of any origin and open a new one; otherwise it stays queued.
    mutating func httpcore1Pass(now: Double) -> [PoolAction] {
        var actions: [PoolAction] = []
        let maxKeepalive = configuration.effectiveMaxKeepaliveConnections
        let maxConnections = configuration.effectiveMaxConnections
        var c = 0
        while c < connections.count {
            let connection = connections[c]
            if connection.isClosed {
                actions.append(removeConnection(at: c, reason: connection.closeReason ?? .error, now: now))
            } else if let reason = expiryReason(of: connection, now: now) {
                actions.append(removeConnection(at: c, reason: reason, now: now))
            } else if connection.isIdle && connections.count > maxKeepalive {
                actions.append(removeConnection(at: c, reason: .keepAliveLimit, now: now))
            } else {
                c += 1
            }
        }
        // (B) never removes a request, so indices stay valid.
        for r in requests.indices where requests[r].phase.isQueued {
            let origin = requests[r].origin
            if let c = connections.firstIndex(where: { $0.isAvailable(for: origin) }) {
                actions += assign(requestAt: r, to: connections[c].id, now: now)
            } else if connections.count < maxConnections {
                actions += createConnection(forRequestAt: r, now: now)
            } else if let c = connections.firstIndex(where: \.isIdle) {
                actions.append(removeConnection(at: c, reason: .evicted, now: now))
                actions += createConnection(forRequestAt: r, now: now)
            } else {
                // At the limit with nothing idle: no later request can get a connection in this pass either.
                break
            }
        }
        return actions
    }

    /// httpcore2 2.16.2's pass (`httpcore2/_async/connection_pool.py:255-369`).
    ///
    /// A connection held by any request in the pool (assigned or running) is *reserved*. (A) Drop closed
    /// connections and unconnected unreserved ones; close expired unreserved ones; then close the oldest unreserved
    /// idle connections while there are more of them than `max_keepalive_connections` (idle ones only — the fix of
    /// httpcore's line 294). (B) For each queued request in FIFO order: an unreserved idle connection of its origin,
    /// removed from the candidates once taken (no double assignment); else a new connection below
    /// `max_connections`; else evict the oldest unreserved idle connection and open a new one. It stops once nothing
    /// is available and the budget is spent.
    mutating func httpcore2Pass(now: Double) -> [PoolAction] {
        var actions: [PoolAction] = []
        let maxKeepalive = configuration.effectiveMaxKeepaliveConnections
        let maxConnections = configuration.effectiveMaxConnections
        let reserved = Set(requests.compactMap(\.phase.connectionID))
        var c = 0
        while c < connections.count {
            let connection = connections[c]
            let isReserved = reserved.contains(connection.id)
            if connection.isClosed {
                actions.append(removeConnection(at: c, reason: connection.closeReason ?? .error, now: now))
            } else if !(connection.isConnected || isReserved) {
                actions.append(removeConnection(at: c, reason: .error, now: now))
            } else if !isReserved, let reason = expiryReason(of: connection, now: now) {
                actions.append(removeConnection(at: c, reason: reason, now: now))
            } else {
                c += 1
            }
        }
        func isSpareIdle(_ connection: Connection) -> Bool {
            connection.state == .idle && !reserved.contains(connection.id)
        }
        while connections.count(where: isSpareIdle) > maxKeepalive, let c = connections.firstIndex(where: isSpareIdle) {
            actions.append(removeConnection(at: c, reason: .keepAliveLimit, now: now))
        }
        var available = connections.filter(isSpareIdle).map(\.id)
        // (B) never removes a request, so indices stay valid.
        for r in requests.indices where requests[r].phase.isQueued {
            if available.isEmpty && connections.count >= maxConnections { break }
            let origin = requests[r].origin
            if let k = available.firstIndex(where: { connections[connectionIndex($0)!].origin == origin }) {
                actions += assign(requestAt: r, to: available.remove(at: k), now: now)
            } else if connections.count < maxConnections {
                actions += createConnection(forRequestAt: r, now: now)
            } else if !available.isEmpty, let c = connectionIndex(available.removeFirst()) {
                actions.append(removeConnection(at: c, reason: .evicted, now: now))
                actions += createConnection(forRequestAt: r, now: now)
            }
        }
        return actions
    }

    /// Hands an existing idle connection to a queued request; its start attempt is reported later.
    private mutating func assign(requestAt r: Int, to connectionID: ConnectionID, now: Double) -> [PoolAction] {
        var actions: [PoolAction] = []
        if let timer = requests[r].queuedTimer { actions.append(.cancelTimer(timer)) }
        requests[r].phase = .assigned(connection: connectionID)
        recordLeftQueue()
        log(now, .requestAssigned(request: requests[r].id, connection: connectionID))
        actions.append(.attemptStart(requests[r].id, on: connectionID))
        return actions
    }

    /// Appends a new CONNECTING connection for a queued request, which owns it from now on.
    private mutating func createConnection(forRequestAt r: Int, now: Double) -> [PoolAction] {
        var actions: [PoolAction] = []
        if let timer = requests[r].queuedTimer { actions.append(.cancelTimer(timer)) }
        let id = nextConnectionID
        nextConnectionID += 1
        let origin = requests[r].origin
        connections.append(Connection(id: id, origin: origin))
        counters.opened += 1
        requests[r].phase = .started(connection: id)
        recordLeftQueue()
        recordStarted()
        log(now, .connectionCreated(connection: id, origin: origin, request: requests[r].id))
        actions.append(.createConnection(id, origin, request: requests[r].id))
        return actions
    }
}
