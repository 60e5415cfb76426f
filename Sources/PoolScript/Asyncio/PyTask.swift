/// An asyncio Task: a coroutine scheduled on the loop. repr: `<Task pending name='Task-1' coro=<…>>`.
final class PyTask: PyAwaitable {
    let coroutine: Coroutine
    var name: String
    var result: Result<Value, Error>?
    var callbacks: [() -> Void] = []
    /// Set by `cancel()`; delivered once as `CancelledError` at the task's next suspension point.
    var cancelRequested = false
    /// The `msg` of the last `cancel(msg)`: the `CancelledError`'s argument (`Lib/asyncio/tasks.py`, `_make_cancelled_error`).
    var cancelMessage: String?
    /// The Swift task running this one, cancelled too so cancellation-aware I/O ends early.
    var swiftTask: Task<Void, Never>?
    /// What the task is blocked on, asked first by `cancel()` as asyncio's `Task.cancel` asks `_fut_waiter.cancel()`
    /// (`Lib/asyncio/tasks.py`): true when it took the cancellation over (the awaited task was cancelled and this
    /// one learns of it through that task's result); false when it only woke the task, which then raises.
    var cancelWaiter: (() -> Bool)?
    /// `cancelling()`: cancellation requests not yet taken back by `uncancel()` (asyncio.timeout and TaskGroup
    /// use it to tell their own cancellation from one that came from outside).
    var cancelsRequested = 0
    /// A `concurrent.futures` / `asyncio.to_thread` worker run as a green thread on the loop. A blocking call
    /// (a sync HTTP request, `time.sleep`) made inside one suspends only this task instead of the whole loop.
    var isGreenThread = false
    /// Python done-callbacks (`add_done_callback`), run by the loop after the task finishes, in order.
    var pythonCallbacks: [Value] = []

    init(coroutine: Coroutine, name: String) {
        self.coroutine = coroutine
        self.name = name
    }

    var pyTypeName: String { "Task" }
    func pyRepr() -> String {
        let coro = "<coroutine object \(coroutine.name) at \(fakeAddress(coroutine))>"
        switch result {
        case .none: return "<Task pending name='\(name)' coro=\(coro)>"
        case .success(let v): return "<Task finished name='\(name)' coro=\(coro) result=\(v.repr())>"
        case .failure(let e):
            let pe = pythonError(from: e)
            return "<Task finished name='\(name)' coro=\(coro) exception=\(ExceptionInstance(pe).pyRepr())>"
        }
    }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "done": return .object(NativeFunction(name: "done") { _ in .bool(self.result != nil) })
        case "get_name": return .object(NativeFunction(name: "get_name") { _ in .str(self.name) })
        case "cancel":
            return .object(
                NativeFunction(name: "cancel") { a in
                    let message = try a.bind("cancel", [Parameter("msg", default: Value.none)])["msg"]
                    return .bool(self.requestCancel(message: message == .none ? nil : message.str()))
                })
        case "cancelled":
            return .object(
                NativeFunction(name: "cancelled") { _ in
                    guard case .failure(let e) = self.result else { return .bool(false) }
                    return .bool(pythonError(from: e).type.isSubclass(of: .cancelledError))
                }
            )
        case "result":
            return .object(
                NativeFunction(name: "result") { _ in
                    guard let r = self.result else { throw PythonError(.invalidStateError, "Result is not set.") }
                    return try r.get()
                }
            )
        default: return try futureAttribute(name)
        }
    }
    var attributeNames: [String] {
        ["add_done_callback", "cancel", "cancelled", "cancelling", "done", "exception", "get_coro", "get_name",
         "remove_done_callback", "result", "set_name", "uncancel"]
    }

    /// `task.cancel()`: false if the task is already done.
    ///
    /// - Parameter interruptingIO: also cancel the Swift task, so host I/O in flight ends now. A Swift task
    ///   stays cancelled, so every later host I/O of this task would fail too: asyncio.timeout and TaskGroup,
    ///   whose task lives on after the cancellation, pass false.
    func requestCancel(interruptingIO: Bool = true, message: String? = nil) -> Bool {
        guard result == nil else { return false }
        cancelsRequested += 1
        cancelMessage = message
        if let waiter = cancelWaiter {
            // The task waits where cancelling wakes it (a pool request, a timer, another task): no need to cancel
            // its Swift task, whose cancellation would stick and cut every later wait of the task short.
            if waiter() { return true }
            cancelRequested = true
            return true
        }
        cancelRequested = true
        if interruptingIO { swiftTask?.cancel() }
        return true
    }

    func finish(_ r: Result<Value, Error>) {
        result = r
        let waiting = callbacks
        callbacks = []
        for callback in waiting { callback() }
    }

    nonisolated(nonsending) func awaitValue(_ context: TaskContext) async throws -> Value {
        // asyncio's Task.__step: a task awaiting itself would wait forever (found by the fuzzer as a hang).
        if context.task === self {
            throw PythonError.runtimeError("Task cannot await on itself: \(pyRepr())")
        }
        if result == nil {
            // Cancelling the task that awaits this one cancels this one (asyncio's `_fut_waiter.cancel()`).
            try await context.blockCancellable(onCancel: { self.requestCancel(message: context.task?.cancelMessage) }) { wake in callbacks.append(wake) }
        }
        switch result! {
        case .success(let v): return v
        case .failure(let error):
            // The task's frames are gone; a new frame may reuse an address, so forget which one recorded last.
            var e = pythonError(from: error)
            e.recordedFrame = nil
            throw e
        }
    }
}

extension ExceptionClass {
    static let invalidStateError = ExceptionClass(name: "InvalidStateError", module: "asyncio.exceptions", base: .exception)
}

/// `CancelledError(msg)` as a cancelled task raises it; no argument when `cancel()` had no message.
func cancelledError(_ message: String?) -> PythonError {
    guard let message else { return PythonError(.cancelledError, "") }
    var e = PythonError(.cancelledError, message)
    e.arguments = [.str(message)]
    return e
}
