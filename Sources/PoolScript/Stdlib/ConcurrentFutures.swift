/// `concurrent.futures`: `ThreadPoolExecutor` (submit, map, shutdown, `with`), `Future`, `wait` and
/// `as_completed`, with each worker run as a *green thread*: a task on the interpreter's one loop, marked
/// `PyTask.isGreenThread`, that takes one of `max_workers` slots in FIFO order.
///
/// Where the model differs from CPython's real threads:
/// - no preemption: a worker runs until it blocks (`time.sleep`, `Future.result()`, a sync client call once the
///   host suspends there), and the submitting code runs on until it blocks;
/// - `as_completed` and `map` are iterators: a `for` loop over one runs its body as each future completes;
/// - `max_workers` defaults to 6, what CPython computes on a 2-core machine (`min(32, cpu_count + 4)`).
final class ThreadFuture: PyObject {
    enum State: String { case pending = "PENDING", running = "RUNNING", cancelled = "CANCELLED", finished = "FINISHED" }
    var state = State.pending
    var outcome: Result<Value, PythonError>?
    /// When it settled, in the loop's order (`as_completed` yields by it).
    var settledOrder = 0
    private var waiters: [() -> Void] = []
    private var callbacks: [Value] = []

    var pyTypeName: String { "Future" }
    func pyRepr() -> String {
        let address = fakeAddress(self)
        switch state {
        case .pending, .running, .cancelled: return "<Future at \(address) state=\(state.rawValue.lowercased())>"
        case .finished:
            switch outcome {
            case .failure(let e)?: return "<Future at \(address) state=finished raised \(e.type.name)>"
            case .success(let v)?: return "<Future at \(address) state=finished returned \(v.typeName)>"
            case nil: return "<Future at \(address) state=finished>"
            }
        }
    }

    var isDone: Bool { state == .finished || state == .cancelled }

    /// Sets the outcome, wakes whoever waits and runs the done-callbacks (in the finishing thread, as CPython).
    nonisolated(nonsending) func settle(_ result: Result<Value, PythonError>?, _ i: Interpreter, _ f: Frame) async {
        i.asyncioState.settledFutures += 1
        settledOrder = i.asyncioState.settledFutures
        if let result {
            outcome = result
            state = .finished
        } else {
            state = .cancelled
        }
        let woken = waiters
        waiters = []
        for wake in woken { wake() }
        let pending = callbacks
        callbacks = []
        for callback in pending { _ = try? await i.call(callback, Arguments(positional: [.object(self)]), f) }
    }

    /// Blocks the calling task (or the top level) until done, or until `timeout` seconds pass: false then.
    nonisolated(nonsending) func waitDone(_ timeout: Double?, _ context: TaskContext) async throws -> Bool {
        if isDone { return true }
        let timer = TimerBox(context.interpreter.timers)
        defer { timer.cancel() }
        if let timeout, timeout <= 0 { return false }
        try await context.blockCancellable { wake in
            waiters.append(wake)
            if let timeout {
                timer.start(after: timeout, wake)
            }
        }
        return isDone
    }

    nonisolated(nonsending) func resultValue(_ timeout: Value, _ context: TaskContext) async throws -> Value {
        guard try await waitDone(try optionalSeconds(timeout), context) else { throw PythonError(.timeoutError, "") }
        if state == .cancelled { throw PythonError(.futuresCancelledError, "") }
        switch outcome! {
        case .success(let v): return v
        case .failure(let e):
            var fresh = e
            fresh.recordedFrame = nil
            throw fresh
        }
    }

    var attributeNames: [String] {
        ["add_done_callback", "cancel", "cancelled", "done", "exception", "result", "running"]
    }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "done": return native("done") { _ in .bool(self.isDone) }
        case "_order": return .int(settledOrder)
        case "running": return native("running") { _ in .bool(self.state == .running) }
        case "cancelled": return native("cancelled") { _ in .bool(self.state == .cancelled) }
        case "cancel":
            return builtin("cancel") { i, _, f in
                if self.state == .running || self.state == .finished { return .bool(false) }
                if self.state == .cancelled { return .bool(true) }
                await self.settle(nil, i, f)
                return .bool(true)
            }
        case "result":
            return builtin("result") { _, a, f in
                let b = try a.bind("result", [Parameter("timeout", default: Value.none)])
                return try await self.resultValue(b["timeout"], f.context)
            }
        case "exception":
            return builtin("exception") { _, a, f in
                let b = try a.bind("exception", [Parameter("timeout", default: Value.none)])
                guard try await self.waitDone(try optionalSeconds(b["timeout"]), f.context) else {
                    throw PythonError(.timeoutError, "")
                }
                if self.state == .cancelled { throw PythonError(.futuresCancelledError, "") }
                if case .failure(let e)? = self.outcome { return .object(e.instance ?? ExceptionInstance(e)) }
                return .none
            }
        case "add_done_callback":
            return builtin("add_done_callback") { i, a, f in
                let fn = try a.bind("add_done_callback", [Parameter("fn")])["fn"]
                if self.isDone {
                    _ = try? await i.call(fn, Arguments(positional: [.object(self)]), f)
                } else {
                    self.callbacks.append(fn)
                }
                return .none
            }
        default: return nil
        }
    }
}

extension ExceptionClass {
    static let futuresError = ExceptionClass(name: "Error", module: "concurrent.futures._base", base: .exception)
    static let futuresCancelledError = ExceptionClass(
        name: "CancelledError", module: "concurrent.futures._base", base: futuresError)
}

extension Interpreter {
    /// Runs `body` as a green thread: a task on the loop that does not take a `Task-N` number and is not listed
    /// by `asyncio.all_tasks()` (it is a thread in CPython).
    func spawnGreenThread(_ name: String, _ body: nonisolated(nonsending) @escaping (TaskContext) async throws -> Value)
        -> PyTask
    {
        let task = spawn(Coroutine(name: name, body: body), name: name)
        taskCounter -= 1
        task.isGreenThread = true
        asyncioState.tasks.removeAll { $0 === task }
        asyncioState.greenThreads += 1
        task.callbacks.append { [weak self] in self?.asyncioState.greenThreads -= 1 }
        return task
    }

    /// Submits `fn(*args, **kwargs)` to a pool's slots; the future settles when the worker finishes.
    func submitGreen(_ slots: AsyncioSemaphore, _ fn: Value, _ arguments: Arguments) -> ThreadFuture {
        let future = ThreadFuture()
        _ = spawnGreenThread("ThreadPoolExecutor worker") { [weak self] context in
            guard let self else { return .none }
            _ = try await slots.acquire(context)
            defer { try? slots.release() }
            guard future.state == .pending else { return .none }
            future.state = .running
            let frame = Frame(
                scope: self.moduleScope, context: context, file: SourceFile(name: "<thread>", source: ""),
                function: "run")
            do {
                let value = try await self.call(fn, arguments, frame)
                await future.settle(.success(value), self, frame)
            } catch {
                await future.settle(.failure(pythonError(from: error)), self, frame)
            }
            return .none
        }
        return future
    }

    func concurrentFuturesModule() -> StdlibModuleSpec {
        var n: [String: Value] = [:]
        n["_slots"] = native("_slots") { a in
            .object(AsyncioSemaphore(value: try integer(a.positional.first ?? .int(1)), kind: .semaphore))
        }
        n["_submit"] = builtin("_submit") { i, a, _ in
            guard a.positional.count == 4, case .object(let slots as AsyncioSemaphore) = a.positional[0],
                case .tuple(let args) = a.positional[2], case .dict(let kwargs) = a.positional[3]
            else { throw PythonError.typeError("_submit(slots, fn, args, kwargs)") }
            let keywords = kwargs.pairs.map { (name: $0.key.str(), value: $0.value) }
            return .object(i.submitGreen(slots, a.positional[1], Arguments(positional: args, keywords: keywords)))
        }
        n["_wait_done"] = builtin("_wait_done") { _, a, f in
            guard case .object(let future as ThreadFuture)? = a.positional.first else { return .bool(true) }
            let timeout = a.positional.count > 1 ? try optionalSeconds(a.positional[1]) : nil
            return .bool(try await future.waitDone(timeout, f.context))
        }
        n["_wait_any"] = builtin("_wait_any") { i, a, f in
            // Blocks until one of the futures is done (or the timeout passes).
            guard a.positional.count == 2 else { return .none }
            let futures = try i.iterate(a.positional[0]).compactMap { $0.object(as: ThreadFuture.self) }
            if futures.isEmpty || futures.contains(where: \.isDone) { return .none }
            _ = try await ThreadFuture.waitAny(futures, try optionalSeconds(a.positional[1]), f.context)
            return .none
        }
        n["CancelledError"] = .object(ExceptionClass.futuresCancelledError)
        n["TimeoutError"] = .object(ExceptionClass.timeoutError)
        n["FIRST_COMPLETED"] = .str("FIRST_COMPLETED")
        n["FIRST_EXCEPTION"] = .str("FIRST_EXCEPTION")
        n["ALL_COMPLETED"] = .str("ALL_COMPLETED")
        n["Future"] = .object(TypeObject("concurrent.futures.Future", shortName: "Future") { _, _, _ in .object(ThreadFuture()) })
        return StdlibModuleSpec(natives: n, source: concurrentFuturesSource)
    }
}

extension ThreadFuture {
    /// Blocks until any of `futures` settles, or `timeout` seconds pass; true when one is done.
    static nonisolated(nonsending) func waitAny(_ futures: [ThreadFuture], _ timeout: Double?, _ context: TaskContext)
        async throws -> Bool
    {
        let timer = TimerBox(context.interpreter.timers)
        defer { timer.cancel() }
        try await context.blockCancellable { wake in
            for future in futures where !future.isDone { future.waiters.append(wake) }
            if let timeout {
                timer.start(after: timeout, wake)
            }
        }
        return futures.contains(where: \.isDone)
    }
}

private let concurrentFuturesSource = #"""
from time import monotonic as _monotonic
from collections import namedtuple

DoneAndNotDoneFutures = namedtuple('DoneAndNotDoneFutures', 'done not_done')

class Executor:
    pass

class ThreadPoolExecutor(Executor):
    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            max_workers = 6
        if max_workers <= 0:
            raise ValueError('max_workers must be greater than 0')
        self._max_workers = max_workers
        self._slots = _slots(max_workers)
        self._futures = []
        self._shutdown = False
    def submit(self, fn, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        future = _submit(self._slots, fn, args, kwargs)
        self._futures.append(future)
        return future
    def map(self, fn, *iterables, timeout=None, chunksize=1):
        return _MapResults([self.submit(fn, *args) for args in zip(*iterables)], timeout)
    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if cancel_futures:
            for f in self._futures:
                f.cancel()
        if wait:
            for f in self._futures:
                _wait_done(f)
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False

def wait(fs, timeout=None, return_when='ALL_COMPLETED'):
    fs = list(fs)
    if return_when == 'ALL_COMPLETED':
        for f in fs:
            if not _wait_done(f, timeout):
                break
    elif return_when == 'FIRST_EXCEPTION':
        while not all(f.done() for f in fs):
            if any(f.done() and not f.cancelled() and f.exception() is not None for f in fs):
                break
            _wait_any([f for f in fs if not f.done()], timeout)
            if timeout is not None:
                break
    else:
        if not any(f.done() for f in fs):
            _wait_any(fs, timeout)
    done = set(f for f in fs if f.done())
    return DoneAndNotDoneFutures(done, set(f for f in fs if not f.done()))

class _MapResults:
    def __init__(self, fs, timeout):
        self._fs = fs
        self._end = None if timeout is None else _monotonic() + timeout
    def __iter__(self):
        return self
    def __next__(self):
        if not self._fs:
            raise StopIteration
        future = self._fs.pop(0)
        if self._end is None:
            return future.result()
        return future.result(self._end - _monotonic())

class _AsCompleted:
    def __init__(self, fs, timeout):
        unique = []
        for f in fs:
            if f not in unique:
                unique.append(f)
        self._total = len(unique)
        self._ready = sorted([f for f in unique if f.done()], key=lambda f: f._order)
        self._pending = [f for f in unique if not f.done()]
        self._end = None if timeout is None else _monotonic() + timeout
    def __iter__(self):
        return self
    def __next__(self):
        if self._ready:
            return self._ready.pop(0)
        if not self._pending:
            raise StopIteration
        _wait_any(self._pending, None if self._end is None else max(0, self._end - _monotonic()))
        newly = sorted([f for f in self._pending if f.done()], key=lambda f: f._order)
        if not newly:
            raise TimeoutError(str(len(self._pending)) + ' (of ' + str(self._total) + ') futures unfinished')
        self._pending = [f for f in self._pending if not f.done()]
        self._ready = newly[1:]
        return newly[0]

def as_completed(fs, timeout=None):
    return _AsCompleted(fs, timeout)
"""#
