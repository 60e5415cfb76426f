/// Which Python pool's assignment rules the machine follows.
///
/// The two libraries share reprs, states and attribute names but decide differently
/// (reference: httpcore 1.0.9 `httpcore/_async/connection_pool.py:270-339`; httpcore2 2.16.2 `:255-369`).
public enum PoolAlgorithm: Sendable, Hashable, CaseIterable {
    /// httpcore 1.0.9, behind plain `httpx.Client` / `httpx.AsyncClient` (and openai ≤ 2.x).
    ///
    /// - The keep-alive trim compares the *total* connection count with `max_keepalive_connections`
    ///   (line 294), so under load each released connection is closed and replaced.
    /// - One idle connection can be handed to several queued requests in one pass; the losers get
    ///   `ConnectionNotAvailable` and re-queue with a fresh pool timer.
    case httpcore1
    /// httpcore2 2.16.2, behind `httpx2` clients and the openai ≥ 3.0 default client.
    ///
    /// - The keep-alive trim counts only idle connections that no request holds.
    /// - A connection assigned to a request is *reserved*: it is neither closed nor handed out again.
    case httpcore2

    /// The Python package whose pool this is, for teaching text: `httpcore 1.0.9` or `httpcore2 2.16.2`.
    public var libraryDescription: String {
        switch self {
        case .httpcore1: "httpcore 1.0.9"
        case .httpcore2: "httpcore2 2.16.2"
        }
    }
}
