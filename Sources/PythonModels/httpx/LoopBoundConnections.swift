import PoolCore
import PoolEngine
import PoolScript

/// The event loop each connection of an async pool was opened on, to fail a request that reuses an idle connection
/// from an `asyncio.run` that has returned (openai-python#874).
///
/// In CPython, an `AsyncClient`'s connections are asyncio streams of the loop that opened them. `asyncio.run` closes
/// its loop when it returns, so when a second `asyncio.run` hands such an idle connection to a request, writing to
/// it raises `RuntimeError: Event loop is closed` (`asyncio/base_events.py`, `_check_closed`): the request fails and
/// the connection is closed; a request that opens a new connection works. Here the request has already gone out when
/// this is known (the pool's log says which connection it started on), so the error is raised at its response head,
/// and the response is closed unread, which takes the connection down with it.
final class LoopBoundConnections {
    /// The `asyncio.run` each request was sent under (absent: sync, or outside `asyncio.run`).
    private var requestLoops: [Int: Int] = [:]
    /// The `asyncio.run` each connection was opened under, once looked up.
    private var connectionLoops: [Int: Int] = [:]

    /// Whether a request under `loop` could be handed a connection opened under another `asyncio.run`.
    func mayReuseClosedLoop(_ loop: Int?) -> Bool {
        guard let loop else { return false }
        return connectionLoops.values.contains { $0 != loop }
    }

    func record(request: Int, loop: Int?) {
        requestLoops[request] = loop
    }

    /// True when `request` was served on a connection opened under another (so already closed) `asyncio.run`.
    ///
    /// The pool's log is searched in place, and only for a request sent under an `asyncio.run`: copying the whole
    /// log for every request (under the pool's lock) once cost a tenth of the CPU of a keep-alive benchmark.
    func reusedClosedLoop(request: Int, pool: ConnectionPool) -> Bool {
        guard let loop = requestLoops.removeValue(forKey: request) else { return false }
        let started = pool.lastLogEntry { entry in
            if case .requestStarted(request, _) = entry.event { return true }
            return false
        }
        guard case .requestStarted(_, let connection)? = started?.event else { return false }
        if connectionLoops[connection] == nil {
            let created = pool.firstLogEntry { entry in
                if case .connectionCreated(connection, _, _) = entry.event { return true }
                return false
            }
            if case .connectionCreated(_, _, let opener)? = created?.event {
                connectionLoops[connection] = requestLoops[opener] ?? (opener == request ? loop : nil)
            }
        }
        guard let born = connectionLoops[connection], born != loop else {
            connectionLoops[connection] = loop
            return false
        }
        // The caller closes it with the failed response.
        connectionLoops[connection] = nil
        return true
    }
}

extension PythonError {
    /// What asyncio raises on a closed loop (`BaseEventLoop._check_closed`).
    static var eventLoopIsClosed: PythonError { PythonError(.runtimeError, "Event loop is closed") }
}
