extension PoolStateMachine {
    /// `_assign_requests_to_connections`: housekeeping, then FIFO assignment, by the configured algorithm.
    mutating func assignmentPass(now: Double) -> [PoolAction] {
        var actions: [PoolAction] = []
        assignmentPass(now: now, into: &actions)
        return actions
    }

    /// ``assignmentPass(now:)`` appending its actions to `actions`.
    mutating func assignmentPass(now: Double, into actions: inout [PoolAction]) {
        switch configuration.algorithm {
        case .httpcore1: httpcore1Pass(now: now, into: &actions)
        case .httpcore2: httpcore2Pass(now: now, into: &actions)
        }
    }

    /// Whether housekeeping (A) can be skipped because it would remove nothing: no connection closed, failed or
    /// closed by its peer, no owner of a connection gone, no `expire_at` reached, and no more connections than
    /// `max_keepalive_connections` (so neither library's keep-alive rule can fire).
    func housekeepingIsIdle(now: Double, maxKeepalive: Int) -> Bool {
        !housekeepingDue && now < earliestExpiry && connections.count <= maxKeepalive
    }

    /// After a full housekeeping walk: the expiry bound recomputed from what is left, and housekeeping still due if a
    /// connection the walk had to keep may need removing later without another event saying so (closed by its peer
    /// while serving or reserved, closed or failed).
    mutating func housekeepingWalked() {
        var due = false
        var earliest = Double.infinity
        for c in connections.indices {
            if let expireAt = connections[c].expireAt, expireAt < earliest { earliest = expireAt }
            if connections[c].peerClosed || connections[c].isClosed { due = true }
        }
        housekeepingDue = due
        earliestExpiry = earliest
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
    mutating func httpcore1Pass(now: Double, into actions: inout [PoolAction]) {
        let maxKeepalive = configuration.effectiveMaxKeepaliveConnections
        let maxConnections = configuration.effectiveMaxConnections
        if !housekeepingIsIdle(now: now, maxKeepalive: maxKeepalive) {
            httpcore1Housekeeping(now: now, maxKeepalive: maxKeepalive, into: &actions)
        }
        guard queuedCount > 0 else { return }
        /// (B) for the queued request at `r`; false when nothing is left for it or any later one.
        func serve(_ r: Int) -> Bool {
            let origin = requests[r].origin
            if let c = connections.firstIndex(where: { $0.isAvailable(for: origin) }) {
                assign(requestAt: r, to: connections[c].id, now: now, into: &actions)
            } else if connections.count < maxConnections {
                createConnection(forRequestAt: r, now: now, into: &actions)
            } else if let c = connections.firstIndex(where: \.isIdle) {
                actions.append(removeConnection(at: c, reason: .evicted, now: now))
                createConnection(forRequestAt: r, now: now, into: &actions)
            } else {
                // At the limit with nothing idle: no later request can get a connection in this pass either.
                return false
            }
            return true
        }
        if queuedCount == 1 {
            // The one queued request, usually the newest: found from the end.
            if let r = requests.lastIndex(where: \.phase.isQueued) { _ = serve(r) }
            return
        }
        // (B) never removes a request, so indices stay valid.
        for r in requests.indices where requests[r].phase.isQueued {
            if !serve(r) { break }
        }
    }

    /// httpcore 1.0.9's housekeeping (A).
    private mutating func httpcore1Housekeeping(now: Double, maxKeepalive: Int, into actions: inout [PoolAction]) {
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
        housekeepingWalked()
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
    mutating func httpcore2Pass(now: Double, into actions: inout [PoolAction]) {
        let maxKeepalive = configuration.effectiveMaxKeepaliveConnections
        let maxConnections = configuration.effectiveMaxConnections
        let skipHousekeeping = housekeepingIsIdle(now: now, maxKeepalive: maxKeepalive)
        // Skipping both halves leaves the pool as it was: nothing to remove and nobody waiting.
        if skipHousekeeping && queuedCount == 0 { return }
        if !skipHousekeeping {
            let reserved = Set(requests.compactMap(\.phase.connectionID))
            httpcore2Housekeeping(now: now, maxKeepalive: maxKeepalive, reserved: reserved, into: &actions)
        }
        guard queuedCount > 0 else { return }
        if queuedCount == 1 {
            httpcore2AssignOne(now: now, maxConnections: maxConnections, into: &actions)
            return
        }
        // An IDLE connection is reserved only by a request *assigned* to it (a started request's connection is
        // CONNECTING or ACTIVE), so the spare idle connections are the idle ones no assigned request names. They are
        // the same as housekeeping's reserved set gives, without building it.
        var assignedTo: [ConnectionID] = []
        for r in requests.indices {
            if case .assigned(let connection) = requests[r].phase { assignedTo.append(connection) }
        }
        var available = scratchConnectionIDs
        scratchConnectionIDs = []
        defer {
            available.removeAll(keepingCapacity: true)
            scratchConnectionIDs = available
        }
        for c in connections.indices where connections[c].state == .idle {
            let id = connections[c].id
            if assignedTo.isEmpty || !assignedTo.contains(id) { available.append(id) }
        }
        // (B) never removes a request, so indices stay valid.
        for r in requests.indices where requests[r].phase.isQueued {
            if available.isEmpty && connections.count >= maxConnections { break }
            let origin = requests[r].origin
            if let k = available.firstIndex(where: { connections[connectionIndex($0)!].origin == origin }) {
                assign(requestAt: r, to: available.remove(at: k), now: now, into: &actions)
            } else if connections.count < maxConnections {
                createConnection(forRequestAt: r, now: now, into: &actions)
            } else if !available.isEmpty, let c = connectionIndex(available.removeFirst()) {
                actions.append(removeConnection(at: c, reason: .evicted, now: now))
                createConnection(forRequestAt: r, now: now, into: &actions)
            }
        }
    }

    /// httpcore2's (B) for a single queued request (the usual case: the one that just arrived), without building the
    /// candidate list: the first spare idle connection of its origin; else a new connection below `max_connections`;
    /// else evict the first spare idle connection and open a new one. The same choice as the general loop.
    private mutating func httpcore2AssignOne(now: Double, maxConnections: Int, into actions: inout [PoolAction]) {
        guard var r = requests.indices.last else { return }
        while !requests[r].phase.isQueued {
            guard r > 0 else { return }
            r -= 1
        }
        var hasAssigned = false
        for i in requests.indices {
            if case .assigned = requests[i].phase {
                hasAssigned = true
                break
            }
        }
        func isSpareIdle(_ c: Int) -> Bool {
            guard connections[c].state == .idle else { return false }
            guard hasAssigned else { return true }
            let id = connections[c].id
            return !requests.contains { $0.phase == .assigned(connection: id) }
        }
        var firstSpare: Int?
        for c in connections.indices where isSpareIdle(c) {
            if connections[c].origin == requests[r].origin {
                assign(requestAt: r, to: connections[c].id, now: now, into: &actions)
                return
            }
            if firstSpare == nil { firstSpare = c }
        }
        if connections.count < maxConnections {
            createConnection(forRequestAt: r, now: now, into: &actions)
        } else if let c = firstSpare {
            actions.append(removeConnection(at: c, reason: .evicted, now: now))
            createConnection(forRequestAt: r, now: now, into: &actions)
        }
    }

    /// httpcore2's housekeeping (A), with the connections `reserved` at the start of the pass.
    private mutating func httpcore2Housekeeping(
        now: Double, maxKeepalive: Int, reserved: Set<ConnectionID>, into actions: inout [PoolAction]
    ) {
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
        housekeepingWalked()
    }

    /// Hands an existing idle connection to a queued request; its start attempt is reported later.
    ///
    /// A request woken by another request's pass keeps its pool timer until that attempt runs
    /// (``Request/assignedTimer``); the pass's own request has none (it is not waiting yet). Under httpcore 1.0.9
    /// even the pass's own request passes two lock checkpoints (`connection.py:73`, `http11.py:72`) before ACTIVE.
    /// httpcore2's locks are fast-acquire (`_synchronization.py:69`), so there its own request starts without
    /// suspending: the runner can tell (``isAssignedByItsOwnPass(_:)``) and deliver that attempt at once.
    private mutating func assign(
        requestAt r: Int, to connectionID: ConnectionID, now: Double, into actions: inout [PoolAction]
    ) {
        let requestID = requests[r].id
        requests[r].assignedTimer = requests[r].queuedTimer
        requests[r].assignedByOwnPass = requestID == passOwner
        requests[r].phase = .assigned(connection: connectionID)
        recordLeftQueue()
        log(now, .requestAssigned(request: requestID, connection: connectionID))
        actions.append(.attemptStart(requestID, on: connectionID))
    }

    /// Appends a new CONNECTING connection for a queued request.
    ///
    /// The pass's own request (``passOwner``) starts connecting it at once (``PoolAction/createConnection(_:_:request:)``).
    /// Any other request is only handed it (``PoolAction/attemptStart(_:on:)``): its task connects when it wakes, and
    /// until then the connection is CONNECTING with nothing dialled (httpcore's `create_connection` makes the object;
    /// `connection.py:69-103` connects it inside the request).
    private mutating func createConnection(forRequestAt r: Int, now: Double, into actions: inout [PoolAction]) {
        let id = nextConnectionID
        nextConnectionID += 1
        let origin = requests[r].origin
        connections.append(Connection(id: id, origin: origin))
        counters.opened += 1
        recordLeftQueue()
        let requestID = requests[r].id
        log(now, .connectionCreated(connection: id, origin: origin, request: requestID))
        if requestID == passOwner {
            if let timer = requests[r].queuedTimer { actions.append(.cancelTimer(timer)) }
            connections[connections.count - 1].connectStarted = true
            startConnecting(requestAt: r, connection: id, now: now, into: &actions)
            return
        }
        requests[r].assignedTimer = requests[r].queuedTimer
        requests[r].phase = .assigned(connection: id)
        log(now, .requestAssigned(request: requestID, connection: id))
        actions.append(.attemptStart(requestID, on: id))
    }
}
