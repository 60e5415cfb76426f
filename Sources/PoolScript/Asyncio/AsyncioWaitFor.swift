import Synchronization

/// `asyncio.wait_for(aw, timeout)` as in CPython 3.11 (`Lib/asyncio/tasks.py`, `wait_for`): the awaitable
/// runs as a task; if it has not finished when `timeout` seconds have passed it is cancelled, awaited to the
/// end of its cancellation, and `TimeoutError` (which is `asyncio.TimeoutError` since 3.11) is raised with an
/// empty message. `timeout=None` waits as long as it takes. The deadline is a loop timer (`LoopTimers`), not a task,
/// so task names (`Task-N`) advance exactly as in CPython, which creates one task for the awaitable.
func makeWaitFor() -> Value {
    .object(
        InterpBuiltin("wait_for") { i, a, _ in
            let b = try a.bind("wait_for", [Parameter("fut"), Parameter("timeout")])
            let seconds: Double?
            switch b["timeout"] {
            case .none: seconds = nil
            case .int(let n): seconds = Double(n)
            case .float(let d): seconds = d
            case .bool(let flag): seconds = flag ? 1 : 0
            default:
                throw PythonError.typeError(
                    "'<=' not supported between instances of '\(b["timeout"].typeName)' and 'int'")
            }
            let task: PyTask
            switch b["fut"] {
            case .object(let t as PyTask): task = t
            case .object(let c as Coroutine): task = i.spawn(c)
            case .object(let other as PyAwaitable):
                task = i.spawn(Coroutine(name: other.pyTypeName) { try await other.awaitValue($0) })
            default:
                throw PythonError.typeError("An asyncio.Future, a coroutine or an awaitable is required")
            }
            return .object(
                Coroutine(name: "wait_for") { context in
                    try await waitForTask(task, seconds: seconds, context)
                })
        })
}

private nonisolated(nonsending) func waitForTask(
    _ task: PyTask, seconds: Double?, _ context: TaskContext
) async throws -> Value {
    guard let seconds else { return try await task.awaitValue(context) }
    if task.result == nil {
        let deadline = Deadline()
        // `timeout <= 0` is False for NaN in CPython, so a NaN deadline is a loop timer that is due at once: the
        // awaitable still gets the loop iterations that run before it (CPython 3.11.7 returns 5 for
        // `wait_for(sleep(0, result=5), nan)` and times `sleep(10)` out).
        if seconds > 0 || seconds.isNaN {
            let timers = context.interpreter.timers
            try await context.block { wake in
                task.callbacks.append(wake)
                let id = timers.schedule(after: seconds) {
                    deadline.fired.store(true, ordering: .sequentiallyConsistent)
                    wake()
                }
                deadline.timer.withLock { $0 = id }
            }
            if let id = deadline.timer.withLock({ $0 }) { timers.cancel(id) }
        } else {
            deadline.fired.store(true, ordering: .sequentiallyConsistent)
        }
        if task.result == nil && deadline.fired.load(ordering: .sequentiallyConsistent) {
            _ = task.requestCancel()
            _ = try? await task.awaitValue(context)
            throw PythonError(.timeoutError, "")
        }
    }
    return try await task.awaitValue(context)
}

/// The timer of one `wait_for`: whether it fired, and its id among the loop's timers.
private final class Deadline: Sendable {
    let fired = Atomic<Bool>(false)
    let timer = Mutex<Int?>(nil)
}
