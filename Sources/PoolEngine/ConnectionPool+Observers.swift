import PoolCore

extension ConnectionPool {
    /// A stream of snapshots: the current one first, then one after every event the pool handles, in event order.
    ///
    /// The stream ends when the pool is closed or when the consumer stops iterating. It is meant for views that
    /// redraw the pool as it changes (postgres-nio's observability delegate, as a stream).
    ///
    /// - Parameter bufferingPolicy: what to keep when the consumer falls behind; a live view wants
    ///   `.bufferingNewest(1)`, a timeline `.unbounded`.
    public func changes(
        bufferingPolicy: AsyncStream<PoolSnapshot>.Continuation.BufferingPolicy = .unbounded
    ) -> AsyncStream<PoolSnapshot> {
        let (stream, continuation) = AsyncStream.makeStream(of: PoolSnapshot.self, bufferingPolicy: bufferingPolicy)
        let subscribed: Bool = state.withLock { state in
            continuation.yield(state.machine.snapshot)
            guard !state.machine.isClosed else { return false }
            let id = state.nextObserverID
            state.nextObserverID += 1
            state.observers[id] = continuation
            continuation.onTermination = { [weak self] _ in
                self?.state.withLock { _ = $0.observers.removeValue(forKey: id) }
            }
            return true
        }
        if !subscribed { continuation.finish() }
        return stream
    }
}
