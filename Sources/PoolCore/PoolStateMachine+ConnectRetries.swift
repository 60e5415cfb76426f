extension PoolStateMachine {
    /// One TCP connect attempt failed inside a CONNECTING connection; the runner retries it (or gives up) itself.
    ///
    /// httpcore retries the connect *inside* the connection (`AsyncHTTPConnection._connect`,
    /// `httpcore/_async/connection.py:105-165`; httpcore2's loop is the same): the connection stays CONNECTING, its
    /// request stays active, and the pool runs no pass. So this event only records: the connection's
    /// ``ConnectionSnapshot/failedConnectAttempts``, ``PoolCounters/connectRetries`` when a retry follows, and a
    /// ``PoolLogEntry/Event/connectAttemptFailed(connection:attempt:error:retryDelay:)`` entry. The final failure
    /// still arrives as ``connectionFailed(_:error:now:)``.
    ///
    /// A runner's connection factory knows the origin, not the pool's connection ID, so the machine attributes the
    /// report to the oldest CONNECTING connection of `origin` that has failed `attempt - 1` times. Connections of one
    /// origin that fail together are indistinguishable, so any such choice shows the same history.
    ///
    /// - Parameters:
    ///   - origin: where the connect went.
    ///   - attempt: 1 for the first attempt, 2 for the first retry, …
    ///   - error: `ConnectError` or `ConnectTimeout`.
    ///   - retryDelay: seconds of backoff before the next attempt, `nil` when no retries are left.
    ///   - now: the current time.
    /// - Returns: the connection the report was attributed to, if any.
    @discardableResult
    public mutating func connectAttemptFailed(
        origin: Origin,
        attempt: Int,
        error: PoolError,
        retryDelay: Double?,
        now: Double
    ) -> ConnectionID? {
        let index = connections.firstIndex {
            $0.state == .connecting && $0.origin == origin && $0.failedConnectAttempts == attempt - 1
        }
        if let index { connections[index].failedConnectAttempts += 1 }
        if retryDelay != nil { counters.connectRetries += 1 }
        let id = index.map { connections[$0].id }
        log(now, .connectAttemptFailed(connection: id, attempt: attempt, error: error, retryDelay: retryDelay))
        return id
    }
}
