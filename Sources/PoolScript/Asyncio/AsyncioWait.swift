import Synchronization

/// `asyncio.wait`, `asyncio.as_completed` and `asyncio.shield`, as in CPython 3.11 (`Lib/asyncio/tasks.py`).
///
/// Neither `wait` nor `as_completed` cancels anything when its timeout passes: `wait` returns what is done and
/// what is pending, `as_completed`'s remaining awaitables raise `TimeoutError`. Sets of tasks iterate in the
/// order the tasks were given here; CPython orders them by address, so portable code sorts what it prints.
extension ModuleObject {
    func addAsyncioWaiting() {
        attributes["FIRST_COMPLETED"] = .str("FIRST_COMPLETED")
        attributes["FIRST_EXCEPTION"] = .str("FIRST_EXCEPTION")
        attributes["ALL_COMPLETED"] = .str("ALL_COMPLETED")
        attributes["wait"] = .object(
            NativeFunction(name: "wait") { a in
                let b = try a.bind(
                    "wait",
                    [
                        Parameter("fs"), Parameter("timeout", kind: .keywordOnly, default: Value.none),
                        Parameter("return_when", kind: .keywordOnly, default: .str("ALL_COMPLETED")),
                    ])
                let fs = b["fs"]
                let timeout = b["timeout"]
                let returnWhen = b["return_when"]
                return .object(
                    Coroutine(name: "wait") { context in
                        try await asyncioWait(fs, timeout: timeout, returnWhen: returnWhen, context)
                    })
            })
        attributes["as_completed"] = .object(
            InterpBuiltin("as_completed") { i, a, _ in
                let b = try a.bind(
                    "as_completed", [Parameter("fs"), Parameter("timeout", kind: .keywordOnly, default: Value.none)])
                if case .object(let o) = b["fs"], o is PyAwaitable {
                    throw PythonError.typeError("expect an iterable of futures, not \(b["fs"].typeName)")
                }
                let tasks = try uniqueTasks(i.iterate(b["fs"]), i)
                return .object(AsCompleted(tasks, timeout: try optionalSeconds(b["timeout"]), timers: i.timers))
            })
        attributes["shield"] = .object(
            InterpBuiltin("shield") { i, a, _ in
                let inner = try i.ensureTask(try a.bind("shield", [Parameter("arg")])["arg"])
                if inner.result != nil { return .object(inner) }
                return .object(ShieldFuture(inner))
            })
    }
}

/// The tasks for a collection of awaitables, each awaitable once (`{ensure_future(f) for f in set(fs)}`).
private func uniqueTasks(_ items: [Value], _ interpreter: Interpreter) throws -> [PyTask] {
    var seen: [ObjectIdentifier] = []
    var tasks: [PyTask] = []
    for item in items {
        guard case .object(let o) = item else { _ = try interpreter.ensureTask(item); continue }
        if seen.contains(ObjectIdentifier(o)) { continue }
        seen.append(ObjectIdentifier(o))
        tasks.append(try interpreter.ensureTask(item))
    }
    return tasks
}

private nonisolated(nonsending) func asyncioWait(
    _ fs: Value, timeout: Value, returnWhen: Value, _ context: TaskContext
) async throws -> Value {
    let interpreter = context.interpreter
    if case .object(let o) = fs, o is PyAwaitable {
        throw PythonError.typeError("expect a list of futures, not \(fs.typeName)")
    }
    let items = try interpreter.iterate(fs)
    if items.isEmpty { throw PythonError.valueError("Set of Tasks/Futures is empty.") }
    let mode = returnWhen.str()
    guard case .str = returnWhen, ["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"].contains(mode) else {
        throw PythonError.valueError("Invalid return_when value: \(returnWhen.str())")
    }
    let seconds = try optionalSeconds(timeout)
    let tasks = try uniqueTasks(items, interpreter)
    func satisfied() -> Bool {
        switch mode {
        case "FIRST_COMPLETED": return tasks.contains { $0.result != nil }
        case "FIRST_EXCEPTION":
            if tasks.contains(where: { t in
                if case .failure = t.result, !t.isCancelled { return true }
                return false
            }) { return true }
            return tasks.allSatisfy { $0.result != nil }
        default: return tasks.allSatisfy { $0.result != nil }
        }
    }
    // `_wait` always awaits its waiter, so even when the condition already holds the loop turns once.
    if satisfied() || seconds.map({ $0 <= 0 }) == true {
        try await context.yieldTurn()
        try context.deliverPendingCancellation()
    } else {
        let timer = TimerBox(context.interpreter.timers)
        defer { timer.cancel() }
        try await context.blockCancellable { wake in
            for task in tasks where task.result == nil {
                task.callbacks.append { if satisfied() { wake() } }
            }
            if let seconds {
                timer.start(after: seconds, wake)
            }
        }
    }
    let done = try PySetObject(tasks.filter { $0.result != nil }.map { .object($0) })
    let pending = try PySetObject(tasks.filter { $0.result == nil }.map { .object($0) })
    return .tuple([.object(done), .object(pending)])
}

/// Whole nanoseconds for `seconds`, capped far beyond any script's life.
func nanoseconds(_ seconds: Double) -> Int64 {
    seconds * 1e9 < 9e18 ? Int64(max(0, seconds) * 1e9) : Int64(9e18)
}

/// What `asyncio.as_completed(fs)` gives: one awaitable per task, the n-th returning (or raising) the n-th task
/// to finish; after the timeout the remaining ones raise `TimeoutError`.
final class AsCompleted: PyObject {
    private var finished: [PyTask] = []
    private var waiters: [(id: Int, wake: () -> Void)] = []
    private var nextWaiter = 0
    private let count: Int
    private var handedOut = false
    private let deadline = Alarm()

    init(_ tasks: [PyTask], timeout: Double?, timers: LoopTimers) {
        count = tasks.count
        for task in tasks {
            if task.result != nil {
                finished.append(task)
            } else {
                task.callbacks.append { [weak self] in
                    guard let self, !self.deadline.hasFired else { return }
                    self.finished.append(task)
                    if !self.waiters.isEmpty { self.waiters.removeFirst().wake() }
                }
            }
        }
        if let timeout, finished.count < count {
            let alarm = deadline
            _ = timers.schedule(after: timeout) { alarm.fire() }
        }
    }

    var pyTypeName: String { "generator" }
    func pyRepr() -> String { "<generator object as_completed at \(fakeAddress(self))>" }
    func iterate() throws -> [Value] {
        guard !handedOut else { return [] }
        handedOut = true
        return (0..<count).map { _ in
            .object(
                Coroutine(name: "as_completed.<locals>._wait_for_one") { context in try await self.next(context) })
        }
    }

    private nonisolated(nonsending) func next(_ context: TaskContext) async throws -> Value {
        while finished.isEmpty {
            if deadline.hasFired { throw PythonError(.timeoutError, "") }
            nextWaiter += 1
            let id = nextWaiter
            do {
                try await context.blockCancellable { wake in
                    self.waiters.append((id, wake))
                    self.deadline.onFire(wake)
                }
            } catch {
                waiters.removeAll { $0.id == id }
                throw error
            }
        }
        return try await finished.removeFirst().awaitValue(context)
    }
}

/// A one-shot alarm a loop timer rings: ringing only enqueues the waiters' wake-ups.
final class Alarm: Sendable {
    private let state = Mutex<(fired: Bool, wakes: [@Sendable () -> Void])>((false, []))

    var hasFired: Bool { state.withLock { $0.fired } }

    /// Calls `wake` when the alarm rings (at once if it has).
    func onFire(_ wake: @escaping @Sendable () -> Void) {
        let now = state.withLock { s -> Bool in
            if s.fired { return true }
            s.wakes.append(wake)
            return false
        }
        if now { wake() }
    }

    func fire() {
        let wakes = state.withLock { s -> [@Sendable () -> Void] in
            s.fired = true
            defer { s.wakes = [] }
            return s.wakes
        }
        for wake in wakes { wake() }
    }
}

/// `asyncio.shield(aw)`'s outer future: cancelling whoever awaits it raises `CancelledError` there and leaves
/// the inner task running.
final class ShieldFuture: PyAwaitable {
    let inner: PyTask
    init(_ inner: PyTask) { self.inner = inner }

    var pyTypeName: String { "_asyncio.Future" }
    func pyRepr() -> String { inner.result == nil ? "<Future pending>" : "<Future finished>" }

    nonisolated(nonsending) func awaitValue(_ context: TaskContext) async throws -> Value {
        if inner.result == nil {
            try await context.blockCancellable { wake in inner.callbacks.append(wake) }
        }
        return try await inner.awaitValue(context)
    }
}
