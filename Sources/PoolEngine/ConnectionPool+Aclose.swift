import PoolCore

extension ConnectionPool {
    /// httpcore's `await pool.aclose()` (``PoolStateMachine/acloseConnections(now:)``): every connection leaves the
    /// pool and its socket is closed; a request running on one fails with `ReadError('')`; queued requests stay and
    /// may open new connections; the pool remains usable.
    ///
    /// This is what `await client.aclose()` does to the pool in httpx / httpx2 (the client itself then refuses new
    /// sends with `RuntimeError`). ``close()`` is PoolPlay's shutdown instead: it also ends every request.
    public func acloseConnections() {
        modifyStateAndRunActions { state, now in (state.machine.acloseConnections(now: now), ()) }
    }
}
