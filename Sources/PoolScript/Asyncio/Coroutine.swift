/// Something `await` accepts: coroutines, tasks and `asyncio.gather` futures.
public protocol PyAwaitable: PyObject {
    /// Runs (or waits for) the awaitable in the task of `context`, holding the turn on entry and exit.
    nonisolated(nonsending) func awaitValue(_ context: TaskContext) async throws -> Value
}

/// Optional protocol: something `async for` can iterate (`__aiter__`), e.g. a streamed response.
public protocol PyAsyncIterable: PyObject {
    func makeAsyncIterator() throws -> any PyAsyncIterator
}

/// The iterator of an `async for` (`__anext__`): returns nil when exhausted (`StopAsyncIteration`).
/// `next` runs holding the turn; use `context.suspend` to wait for I/O.
public protocol PyAsyncIterator: AnyObject {
    nonisolated(nonsending) func next(_ context: TaskContext) async throws -> Value?
}

/// A Python coroutine object. Calling an `async def` or an async host method returns one; nothing runs until
/// it is awaited, gathered or wrapped in a task. repr: `<coroutine object AsyncModels.list at 0x7f…>`.
public final class Coroutine: PyAwaitable {
    let name: String
    let body: nonisolated(nonsending) (TaskContext) async throws -> Value
    private(set) var started = false
    /// The interpreter whose script got this coroutine from a call; it reports one that is never awaited.
    weak var owner: Interpreter?

    /// - Parameter body: runs when the coroutine is awaited (or scheduled by gather/create_task), holding the
    ///   interpreter's turn.
    public init(name: String, body: nonisolated(nonsending) @escaping (TaskContext) async throws -> Value) {
        self.name = name
        self.body = body
    }

    /// CPython's `_PyErr_WarnUnawaitedCoroutine`: a coroutine freed without having run warns
    /// `RuntimeWarning: coroutine 'name' was never awaited` at the statement that dropped it. Swift frees it at the
    /// same moment CPython's reference count would.
    deinit {
        if !started { owner?.warnNeverAwaited(name) }
    }

    public var pyTypeName: String { "coroutine" }
    public func pyRepr() -> String { "<coroutine object \(name) at \(fakeAddress(self))>" }
    /// `name` is the function's `__qualname__` (`make.<locals>.work`); `__name__` is its last part.
    public func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "__name__": .str(String(self.name.split(separator: ".").last ?? Substring(self.name)))
        case "__qualname__": .str(self.name)
        default: nil
        }
    }

    /// The coroutine got an exception thrown in before it ran (`coro.throw`): it is done, and was not forgotten.
    func markStarted() { started = true }

    nonisolated(nonsending) public func awaitValue(_ context: TaskContext) async throws -> Value {
        guard !started else { throw PythonError.runtimeError("cannot reuse already awaited coroutine") }
        started = true
        return try await body(context)
    }
}

/// A coroutine the interpreter tracks without keeping it alive.
struct WeakCoroutine {
    weak var coroutine: Coroutine?
}

extension Interpreter {
    func adoptCoroutine(_ coroutine: Coroutine) {
        adoptedCoroutines.append(WeakCoroutine(coroutine: coroutine))
        if adoptedCoroutines.count >= adoptedCoroutinesPruneAt {
            adoptedCoroutines.removeAll { $0.coroutine == nil || $0.coroutine?.started == true }
            adoptedCoroutinesPruneAt = max(64, adoptedCoroutines.count * 2)
        }
    }

    /// At exit, CPython's module teardown frees the coroutines globals still hold, each warning
    /// `sys:1: RuntimeWarning: coroutine 'f' was never awaited` once per name (the warnings registry's "default"
    /// action); they are marked so that freeing them later does not warn again.
    func warnUnawaitedAtExit() {
        let saved = runningFrame
        runningFrame = nil
        defer { runningFrame = saved }
        var warned: Set<String> = []
        for entry in adoptedCoroutines {
            guard let coroutine = entry.coroutine, !coroutine.started else { continue }
            coroutine.markStarted()
            if warned.insert(coroutine.name).inserted { warnNeverAwaited(coroutine.name) }
        }
        adoptedCoroutines = []
    }
}

/// A stable-looking address for reprs (`0x7f…`); it only has to be unique while the object lives.
func fakeAddress(_ object: AnyObject) -> String {
    "0x" + String(UInt(bitPattern: ObjectIdentifier(object).hashValue), radix: 16)
}

/// Converts any Swift error into the Python exception the script sees.
func pythonError(from error: Error) -> PythonError {
    if let e = error as? PythonError { return e }
    if error is CancellationError { return PythonError(.cancelledError, "") }
    return PythonError(.runtimeError, "\(error)")
}
