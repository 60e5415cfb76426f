import NIOCore
import Synchronization

/// The state shared by the server and every connection handler: configuration, ledger and waiters.
///
/// All mutable state sits behind one `Mutex` each; callbacks (waking ledger waiters) run after the
/// lock is released, in the style of AHC's `modifyStateAndRunActions`.
final class MockServerState: Sendable {
    /// A task waiting until the ledger satisfies a predicate.
    private struct Waiter: Sendable {
        var predicate: @Sendable (Ledger) -> Bool
        var continuation: CheckedContinuation<Ledger, any Error>
    }

    private struct Book: Sendable {
        var ledger: LedgerBook
        var waiters: [Int: Waiter] = [:]
        var nextWaiterID = 0
        var isShuttingDown = false
        /// Open connections by connection id, so that shutdown can close them.
        var channels: [Int: any Channel] = [:]
    }

    /// Time zero of the ledger.
    let startTime: NIODeadline
    private let configurationBox: Mutex<MockServerConfiguration>
    private let book: Mutex<Book>
    /// Rate limits, fault schedules, the seeded generator and request logs (see ``Traffic``).
    let traffic: Mutex<Traffic>
    /// The loaded scenario, if any (see `MockServerState+Scenario.swift`).
    let scenarioRun = Mutex<ScenarioRun?>(nil)
    /// Whether a scenario is loaded: requests skip the scenario lock when not.
    let hasScenario = Atomic<Bool>(false)
    /// Mirrors `Book.isShuttingDown` (set under the book lock, before the open connections are taken), so
    /// that every response can check it without the lock.
    private let shuttingDown = Atomic<Bool>(false)
    /// How many request logs are subscribed: a finished request copies its record only when some are.
    let requestLogCount = Atomic<Int>(0)
    /// The `GET /v1/models` body (text and bytes) for the model list it was made from: the same on every
    /// request until the list changes, so it is serialized once (the benchmark's hot path).
    private let modelsBodyCache = Mutex<(models: [String], body: String, bytes: ByteBuffer)?>(nil)

    init(configuration: MockServerConfiguration, startTime: NIODeadline) {
        self.configurationBox = Mutex(configuration)
        self.book = Mutex(Book(ledger: LedgerBook(limit: configuration.ledgerLimit)))
        self.traffic = Mutex(Traffic(seed: configuration.seed))
        self.startTime = startTime
    }

    // MARK: Configuration

    var configuration: MockServerConfiguration {
        configurationBox.withLock { $0 }
    }

    /// The two limits a request head is checked against, read without copying the whole configuration.
    var requestSizeLimits: (maxHeaderBytes: Int, maxBodyBytes: Int) {
        configurationBox.withLock { ($0.maxHeaderBytes, $0.maxBodyBytes) }
    }

    func updateConfiguration(_ body: (inout MockServerConfiguration) -> Void) {
        let limit = configurationBox.withLock { configuration in
            body(&configuration)
            return configuration.ledgerLimit
        }
        book.withLock { book in
            if book.ledger.limit != limit { book.ledger.limit = limit }
        }
    }

    /// The `GET /v1/models` body for `models` and its bytes (shared, copy-on-write: written as they are),
    /// made by `make` only when the list differs from the last one.
    func modelsBody(_ models: [String], make: ([String]) -> String) -> (body: String, bytes: ByteBuffer) {
        if let cached = modelsBodyCache.withLock({ $0 }), cached.models == models { return (cached.body, cached.bytes) }
        let body = make(models)
        let bytes = ByteBufferAllocator().buffer(string: body)
        modelsBodyCache.withLock { $0 = (models, body, bytes) }
        return (body, bytes)
    }

    // MARK: Time

    /// Seconds between server start and `deadline`.
    func seconds(at deadline: NIODeadline) -> Double {
        Double((deadline - startTime).nanoseconds) / 1_000_000_000
    }

    // MARK: Ledger

    var ledger: Ledger {
        book.withLock { $0.ledger.ledger }
    }

    var isShuttingDown: Bool {
        shuttingDown.load(ordering: .acquiring)
    }

    /// Marks the server as shutting down and returns the open connections, which the caller closes.
    func beginShutdown() -> [any Channel] {
        book.withLock { book in
            book.isShuttingDown = true
            shuttingDown.store(true, ordering: .releasing)
            return Array(book.channels.values)
        }
    }

    /// Registers an open connection; returns `false` (and registers nothing) once shutdown has begun.
    func register(_ channel: any Channel, id: Int) -> Bool {
        book.withLock { book in
            guard !book.isShuttingDown else { return false }
            book.channels[id] = channel
            return true
        }
    }

    /// Connections registered and not yet unregistered.
    var openConnections: Int {
        book.withLock { $0.channels.count }
    }

    func unregister(id: Int) {
        _ = book.withLock { $0.channels.removeValue(forKey: id) }
    }

    /// Mutates the ledger, then wakes every waiter whose predicate now holds.
    @discardableResult
    func record<Result>(_ body: (inout LedgerBook) -> Result) -> Result {
        let (result, woken) = book.withLock { book -> (Result, [(CheckedContinuation<Ledger, any Error>, Ledger)]) in
            let result = body(&book.ledger)
            guard !book.waiters.isEmpty else { return (result, []) }
            let snapshot = book.ledger.ledger
            var woken: [(CheckedContinuation<Ledger, any Error>, Ledger)] = []
            for (id, waiter) in book.waiters where waiter.predicate(snapshot) {
                book.waiters[id] = nil
                woken.append((waiter.continuation, snapshot))
            }
            return (result, woken)
        }
        for (continuation, snapshot) in woken {
            continuation.resume(returning: snapshot)
        }
        return result
    }

    /// Suspends until the ledger satisfies `predicate`, and returns that ledger.
    ///
    /// Returns at once if the predicate already holds. Throws `CancellationError` when the task is
    /// cancelled (which is how ``MockServer/waitForLedger(timeout:until:)`` implements its timeout).
    func waitForLedger(until predicate: @escaping @Sendable (Ledger) -> Bool) async throws -> Ledger {
        let id = book.withLock { book in
            book.nextWaiterID += 1
            return book.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Ledger, any Error>) in
                let immediate: Result<Ledger, any Error>? = book.withLock { book in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    let snapshot = book.ledger.ledger
                    if predicate(snapshot) { return .success(snapshot) }
                    book.waiters[id] = Waiter(predicate: predicate, continuation: continuation)
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let waiter = book.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }
}
