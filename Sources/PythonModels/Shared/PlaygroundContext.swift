import MockServer
import PoolCore
import PoolEngine
import PoolScript
import Synchronization

/// What every Python object bound into a session shares: the environment, the transport factory and the registry
/// of pools (for the pool panel and `%pool`). Lives on the interpreter's single logical thread.
package final class PlaygroundContext {
    /// The environment `os.environ` shows and openai reads (`OPENAI_BASE_URL`, `OPENAI_API_KEY`).
    package var environment: [String: String]
    let factory: any ConnectionFactory
    /// The session's one clock: pools, `asyncio` and `time` (a manual clock in tests).
    package let clock: any Clock<Duration>
    /// The built-in mock endpoint (`poolplay.server`), when the session has one.
    package var mockServer: MockServer?
    /// Every pool created in this session, in creation order.
    package private(set) var pools: [PoolObject] = []
    /// Every pool's engine, readable from any thread (the live gauge reads snapshots while a statement runs).
    package let engines = EngineRegistry()
    /// The interpreter's loop: async pools apply their I/O events there, between loop iterations, as under asyncio.
    /// Without it (or for sync clients, whose I/O runs on the calling thread) events apply at once.
    package var loop: EventLoopHandle?
    /// The session's Python classes, shared by the modules that expose them.
    package private(set) var classes = ClassRegistry()
    /// Ids for pools, in creation order (panel labels).
    private var nextPoolID = 1

    package init(environment: [String: String], factory: any ConnectionFactory, clock: any Clock<Duration> = ContinuousClock()) {
        self.environment = environment
        self.factory = factory
        self.clock = clock
    }

    /// Creates and registers the pool behind a new transport.
    func makePool(stack: HTTPStack, isAsync: Bool, limits: LimitsObject, http1: Value, http2: Value, retries: Value) throws
        -> PoolObject
    {
        let pool = try PoolObject(
            id: nextPoolID, stack: stack, isAsync: isAsync, limits: limits, http1: http1, http2: http2,
            retries: retries, factory: factory, clock: clock,
            loop: isAsync ? loop.map(InterpreterPoolLoop.init) ?? ImmediateEventLoop() : ImmediateEventLoop())
        nextPoolID += 1
        pools.append(pool)
        engines.add(pool.engine)
        return pool
    }

    /// Snapshots of every open pool, keyed by pool id.
    package func snapshots() -> [Int: PoolSnapshot] {
        Dictionary(uniqueKeysWithValues: pools.map { ($0.id, $0.engine.snapshot) })
    }

    /// Starts a counting span in every pool (see ``SpanCounters``) and returns the snapshots it starts from.
    package func markSpans() -> [Int: PoolSnapshot] {
        Dictionary(uniqueKeysWithValues: pools.map { ($0.id, $0.engine.markSpan()) })
    }

    /// Closes every pool (session end or `%reset`).
    package func closeAll() async {
        for pool in pools { await pool.engine.close() }
    }

    /// `%reset`: forgets the pools, and the classes with them, so the next imports start as a fresh process would
    /// (httpx2's Timeout is `httpx2.Timeout` again until openai is imported).
    package func forgetPools() {
        pools.removeAll()
        engines.removeAll()
        classes = ClassRegistry()
    }
}

/// The session's pool engines, readable from any thread: views that watch a statement while it runs (the live
/// gauge) read their snapshots here, and never touch the interpreter's objects.
package final class EngineRegistry: Sendable {
    private let engines = Mutex<[ConnectionPool]>([])

    package func add(_ engine: ConnectionPool) { engines.withLock { $0.append(engine) } }
    package func removeAll() { engines.withLock { $0.removeAll() } }
    /// Every engine's snapshot, in creation order.
    package func snapshots() -> [PoolSnapshot] { engines.withLock { $0 }.map(\.snapshot) }
}

/// An async pool's events, applied on the interpreter's loop (``PoolEventLoop`` over PoolScript's handle).
struct InterpreterPoolLoop: PoolEventLoop {
    let handle: EventLoopHandle

    func post(_ work: @escaping @Sendable () -> Void) { handle.post(work) }

    func callSoon(_ work: @escaping @Sendable () -> Void) { handle.callSoon(work) }
}
