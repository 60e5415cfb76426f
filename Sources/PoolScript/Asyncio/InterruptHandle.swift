import Synchronization

/// Stops a running script from another task (the REPL's Ctrl-C handler).
///
/// `interrupt()` makes the next step of every Python task raise `KeyboardInterrupt`, makes
/// `TaskContext.suspend` raise it when its operation returns, and cancels the Swift tasks that run
/// asyncio tasks (so cancellation-aware I/O ends early). The next `Interpreter.run` clears it.
public final class InterruptHandle: Sendable {
    private let flag = Atomic<Bool>(false)
    private let cancellers = Mutex<[Int: @Sendable () -> Void]>([:])
    private let nextID = Atomic<Int>(0)

    init() {}

    /// Requests that the running script stop with `KeyboardInterrupt`.
    public func interrupt() {
        flag.store(true, ordering: .sequentiallyConsistent)
        let running = cancellers.withLock { Array($0.values) }
        for cancel in running { cancel() }
    }

    var isInterrupted: Bool { flag.load(ordering: .relaxed) }

    func reset() { flag.store(false, ordering: .sequentiallyConsistent) }

    func register(_ task: Task<Void, Never>) -> Int {
        register { task.cancel() }
    }

    /// Registers work to cancel on `interrupt()`; returns an id for `unregister`.
    func register(cancel: @escaping @Sendable () -> Void) -> Int {
        let id = nextID.add(1, ordering: .relaxed).newValue
        cancellers.withLock { $0[id] = cancel }
        return id
    }

    func unregister(_ id: Int) {
        _ = cancellers.withLock { $0.removeValue(forKey: id) }
    }
}
