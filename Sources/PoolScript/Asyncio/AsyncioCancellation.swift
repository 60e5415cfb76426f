import Synchronization

/// The loop-wide state asyncio's newer APIs need: the tasks alive (`all_tasks`) and, for code awaiting at the
/// top level (the prompt, or a script's top-level `await`), a stand-in task that `asyncio.timeout` and
/// `TaskGroup` can cancel. CPython runs such code inside a task (`asyncio.run`'s main task, or the asyncio
/// REPL's); PoolPlay's top level is no task, so the stand-in carries its cancellation instead.
final class AsyncioState {
    /// Every task spawned, pruned of finished ones when read.
    var tasks: [PyTask] = []
    /// Green threads (`concurrent.futures` workers, `asyncio.to_thread`) not finished yet.
    var greenThreads = 0
    /// `concurrent.futures` futures settled so far, to order `as_completed`.
    var settledFutures = 0
    /// How many `asyncio.run` calls have started, and the one running now (its loop's identity; see `LoopIdentity`).
    var loopRuns = 0
    var runningLoop: Int?
    private weak var standInContext: TaskContext?
    private var standIn: PyTask?

    /// The stand-in task of a top-level context, made on first use.
    func standIn(for context: TaskContext) -> PyTask {
        if let standIn, standInContext === context { return standIn }
        let task = PyTask(coroutine: Coroutine(name: "<module>") { _ in .none }, name: "<module>")
        standIn = task
        standInContext = context
        return task
    }

    /// The stand-in of `context` if one was made.
    func existingStandIn(for context: TaskContext) -> PyTask? {
        standInContext === context ? standIn : nil
    }

    /// Records a new task until it finishes (finished tasks are not kept: they hold their frames).
    func track(_ task: PyTask) {
        tasks.append(task)
        task.callbacks.append { [weak self, weak task] in
            guard let self, let task else { return }
            self.tasks.removeAll { $0 === task }
        }
    }

    /// The tasks not finished yet, in creation order.
    func liveTasks() -> [PyTask] {
        tasks.removeAll { $0.result != nil }
        return tasks
    }
}

extension TaskContext {
    /// What `asyncio.timeout` and `TaskGroup` cancel: the running task, or the top level's stand-in.
    var cancellationTarget: PyTask { task ?? interpreter.asyncioState.standIn(for: self) }

    /// The task currently blocked here, if cancelling it must wake it.
    var blockedTask: PyTask? { task ?? interpreter.asyncioState.existingStandIn(for: self) }

    /// Raises `CancelledError` once when a cancellation is pending for the task (or the top-level stand-in).
    func deliverPendingCancellation() throws {
        try deliverCancellation()
        if task == nil, let standIn = interpreter.asyncioState.existingStandIn(for: self), standIn.cancelRequested {
            standIn.cancelRequested = false
            throw cancelledError(standIn.cancelMessage)
        }
    }

    /// `block`, except that cancelling the task wakes it and raises `CancelledError` here, as a future awaited
    /// by a cancelled asyncio task does. Callers remove what `register` registered when this throws.
    ///
    /// - Parameter onCancel: runs first on `cancel()`; returning true means the cancellation was handed on (to
    ///   an awaited task) and the wait goes on.
    nonisolated(nonsending) func blockCancellable(
        onCancel: @escaping () -> Bool = { false },
        _ register: (@escaping @Sendable () -> Void) -> Void
    ) async throws {
        try deliverPendingCancellation()
        let target = blockedTask
        do {
            try await block { wake in
                register(wake)
                target?.cancelWaiter = {
                    if onCancel() { return true }
                    wake()
                    return false
                }
            }
        } catch {
            // Ctrl-C: the waiter must not outlive the wait (it could cancel an unrelated task later).
            target?.cancelWaiter = nil
            throw error
        }
        target?.cancelWaiter = nil
        try deliverPendingCancellation()
    }

    /// `asyncio.sleep(seconds)`: a bare yield for `seconds <= 0`, else a loop timer (`LoopTimers`, on the
    /// interpreter's clock); cancellable at any point without cancelling the task's Swift task.
    nonisolated(nonsending) func sleep(seconds: Double, clock: any Clock<Duration>) async throws {
        if seconds <= 0 {
            try await yieldTurn()
            try deliverPendingCancellation()
            return
        }
        try await sleep(seconds)
    }
}

/// One wait's deadline on the loop's timers (`LoopTimers`), cancelled when the wait ends first.
final class TimerBox: Sendable {
    private let timers: LoopTimers
    private let id = Mutex<Int?>(nil)

    init(_ timers: LoopTimers) {
        self.timers = timers
    }

    /// Calls `fire` on the loop once `seconds` have passed.
    func start(after seconds: Double, _ fire: @escaping @Sendable () -> Void) {
        let timer = timers.schedule(after: seconds, fire)
        id.withLock { $0 = timer }
    }

    func cancel() {
        if let timer = id.withLock({ $0 }) { timers.cancel(timer) }
    }
}

extension Interpreter {
    /// Runs `body` on the loop after the tasks already ready, like `loop.call_soon`: done-callbacks run this way.
    /// An exception in the callback is dropped (CPython logs it to stderr as "Exception in callback").
    ///
    /// The body travels inside a `Coroutine` (a class), as `spawn` passes it: a bare `nonisolated(nonsending)`
    /// closure carried through `TurnBound`'s tuple crashed at release (seen with Swift 6.2).
    func callSoon(_ body: nonisolated(nonsending) @escaping (Interpreter, Frame) async throws -> Void) {
        let ticket = scheduler.makeTicket()
        scheduler.enqueue(ticket)
        let callback = Coroutine(name: "<callback>") { context in
            let frame = Frame(
                scope: context.interpreter.moduleScope, context: context,
                file: SourceFile(name: "<callback>", source: ""), function: "<callback>")
            try await body(context.interpreter, frame)
            return .none
        }
        let box = TurnBound(value: (self, callback))
        Task {
            let (interpreter, callback) = box.value
            await interpreter.scheduler.wait(ticket)
            _ = try? await callback.awaitValue(TaskContext(interpreter: interpreter, task: nil))
            interpreter.scheduler.release()
        }
    }

    /// An awaitable as a task: a task as it is, a coroutine or other awaitable wrapped in a new one
    /// (`asyncio.ensure_future`).
    func ensureTask(_ value: Value, _ what: String = "An asyncio.Future, a coroutine or an awaitable is required")
        throws -> PyTask
    {
        switch value {
        case .object(let t as PyTask): return t
        case .object(let c as Coroutine): return spawn(c)
        case .object(let other as PyAwaitable):
            return spawn(Coroutine(name: other.pyTypeName) { try await other.awaitValue($0) })
        default: throw PythonError.typeError(what)
        }
    }
}

/// Seconds from a Python number (`timeout=`, `delay=`), nil for None.
func optionalSeconds(_ value: Value, _ name: String = "timeout") throws -> Double? {
    switch value.numeric {
    case .int(let n): return Double(n)
    case .float(let d): return d
    case .big(let b): return Double(b)
    case nil:
        if case .none = value { return nil }
        throw PythonError.typeError("'<=' not supported between instances of '\(value.typeName)' and 'int'")
    }
}

/// The error a task's failure is re-raised as: its frames are gone, so it may record new ones.
func freshError(_ error: Error) -> PythonError {
    var e = pythonError(from: error)
    e.recordedFrame = nil
    return e
}
