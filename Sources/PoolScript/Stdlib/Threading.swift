/// `threading`, with each `Thread` a *green thread* on the interpreter's one loop, as `concurrent.futures` runs its
/// workers (see `ConcurrentFutures.swift`): `Thread` (`start`, `join`, `is_alive`, `name`, `ident`, `daemon`),
/// `Lock`, `RLock`, `Event`, `Condition`, `current_thread`, `main_thread`, `get_ident`, `active_count`, `local`.
///
/// A blocking `acquire` / `wait` / `join` gives the loop to the other green threads (and tasks) until it can go on;
/// nothing preempts pure Python code, so a thread runs until it blocks. An uncaught error in a thread is printed to
/// stderr as `threading.excepthook` does ("Exception in thread NAME:" and the traceback) and ends only that thread.
final class ThreadLockCell: PyObject {
    /// The thread that holds it (`nil`: free), and how many times (an `RLock` counts).
    private var owner: ObjectIdentifier?
    private var count = 0
    private var waiters: [@Sendable () -> Void] = []

    var pyTypeName: String { "_lock_cell" }
    func pyRepr() -> String { "<_lock_cell>" }
    var isLocked: Bool { count > 0 }

    /// The calling thread: its task, or the top level's stand-in.
    static func thread(_ context: TaskContext) -> ObjectIdentifier? {
        context.blockedTask.map(ObjectIdentifier.init)
    }

    /// `acquire(blocking, timeout)`: true once held; false when not blocking, or when `timeout` seconds pass.
    nonisolated(nonsending) func acquire(blocking: Bool, timeout: Double?, reentrant: Bool, _ context: TaskContext)
        async throws -> Bool
    {
        let me = Self.thread(context)
        if reentrant, count > 0, owner == me {
            count += 1
            return true
        }
        let timer = TimerBox(context.interpreter.timers)
        defer { timer.cancel() }
        var timedOut = false
        while count > 0 {
            guard blocking, !timedOut else { return false }
            try await context.blockCancellable { wake in
                waiters.append(wake)
                if let timeout {
                    timer.start(after: max(0, timeout)) {
                        wake()
                    }
                }
            }
            if let timeout, count > 0 { timedOut = timeout >= 0 }
        }
        owner = me
        count = 1
        return true
    }

    func release(reentrant: Bool, _ context: TaskContext) throws {
        if reentrant {
            guard count > 0, owner == Self.thread(context) else {
                throw PythonError.runtimeError("cannot release un-acquired lock")
            }
        } else if count == 0 {
            throw PythonError.runtimeError("release unlocked lock")
        }
        count -= 1
        guard count == 0 else { return }
        owner = nil
        if !waiters.isEmpty { waiters.removeFirst()() }
    }
}

/// The flag of a `threading.Event`, and the threads waiting for it.
final class ThreadEventCell: PyObject {
    var isSet = false
    private var waiters: [@Sendable () -> Void] = []

    var pyTypeName: String { "_event_cell" }
    func pyRepr() -> String { "<_event_cell>" }

    func set() {
        isSet = true
        let woken = waiters
        waiters = []
        for wake in woken { wake() }
    }

    /// Blocks until set or `timeout` seconds pass; returns the flag.
    nonisolated(nonsending) func wait(_ timeout: Double?, _ context: TaskContext) async throws -> Bool {
        if isSet { return true }
        if let timeout, timeout <= 0 { return false }
        let timer = TimerBox(context.interpreter.timers)
        defer { timer.cancel() }
        try await context.blockCancellable { wake in
            waiters.append(wake)
            if let timeout { timer.start(after: timeout, wake) }
        }
        return isSet
    }
}

/// `threading.local()`: attributes kept per thread (keyed by the running thread when read or written).
final class ThreadLocalObject: PyObject {
    private weak var interpreter: Interpreter?
    private var values: [ObjectIdentifier?: [String: Value]] = [:]

    init(interpreter: Interpreter) { self.interpreter = interpreter }

    private var current: ObjectIdentifier? {
        interpreter?.runningFrame.flatMap { ThreadLockCell.thread($0.context) }
    }

    var pyTypeName: String { "_thread._local" }
    func pyRepr() -> String { "<_thread._local object at \(fakeAddress(self))>" }
    var attributeNames: [String] { values[current]?.keys.sorted() ?? [] }
    func getAttribute(_ name: String) throws -> Value? { values[current]?[name] }
    func setAttribute(_ name: String, _ value: Value) throws { values[current, default: [:]][name] = value }
}

/// The `Thread` objects started, by green-thread task (for `current_thread()`).
final class ThreadRegistry {
    var threads: [ObjectIdentifier: Value] = [:]
    var nextIdent = 139_870_000_000_000
}

extension Interpreter {
    func threadingModule() -> StdlibModuleSpec {
        var n: [String: Value] = [:]
        let registry = ThreadRegistry()
        n["_lock_cell"] = native("_lock_cell") { _ in .object(ThreadLockCell()) }
        n["_event_cell"] = native("_event_cell") { _ in .object(ThreadEventCell()) }
        n["_acquire"] = builtin("_acquire") { _, a, f in
            guard case .object(let cell as ThreadLockCell)? = a.positional.first, a.positional.count == 4 else {
                return .bool(false)
            }
            let seconds = try realNumber(a.positional[2])
            if !a.positional[1].isTruthy && seconds != -1 {
                throw PythonError.valueError("can't specify a timeout for a non-blocking call")
            }
            if seconds < 0 && seconds != -1 { throw PythonError.valueError("timeout value must be a non-negative number") }
            return .bool(
                try await cell.acquire(
                    blocking: a.positional[1].isTruthy, timeout: seconds == -1 ? nil : seconds,
                    reentrant: a.positional[3].isTruthy, f.context))
        }
        n["_release"] = builtin("_release") { _, a, f in
            guard case .object(let cell as ThreadLockCell)? = a.positional.first else { return .none }
            try cell.release(reentrant: a.positional.count > 1 && a.positional[1].isTruthy, f.context)
            return .none
        }
        n["_locked"] = native("_locked") { a in
            .bool((a.positional.first?.object(as: ThreadLockCell.self))?.isLocked ?? false)
        }
        n["_event_set"] = native("_event_set") { a in
            guard let cell = a.positional.first?.object(as: ThreadEventCell.self) else { return .none }
            if a.positional.count > 1, !a.positional[1].isTruthy { cell.isSet = false } else { cell.set() }
            return .none
        }
        n["_event_is_set"] = native("_event_is_set") { a in
            .bool(a.positional.first?.object(as: ThreadEventCell.self)?.isSet ?? false)
        }
        n["_event_wait"] = builtin("_event_wait") { _, a, f in
            guard let cell = a.positional.first?.object(as: ThreadEventCell.self) else { return .bool(false) }
            let timeout = a.positional.count > 1 ? try optionalSeconds(a.positional[1]) : nil
            return .bool(try await cell.wait(timeout, f.context))
        }
        // _start(thread): runs thread.run() as a green thread; returns (future, ident).
        n["_start"] = builtin("_start") { i, a, f in
            let thread = a.positional.first ?? .none
            let future = ThreadFuture()
            registry.nextIdent += 4096
            let ident = registry.nextIdent
            let name = try await i.getAttributeAsync(thread, "name", f).str()
            let task = i.spawnGreenThread(name) { [weak i] context in
                guard let i else { return .none }
                future.state = .running
                let frame = Frame(
                    scope: i.moduleScope, context: context, file: SourceFile(name: "<thread>", source: ""),
                    function: "run")
                do {
                    _ = try await i.call(try await i.getAttributeAsync(thread, "run", frame), Arguments(positional: []), frame)
                } catch {
                    let e = pythonError(from: error)
                    if !e.isSystemExit { i.host.writeError("Exception in thread \(name):\n" + e.formatted()) }
                }
                await future.settle(.success(.none), i, frame)
                return .none
            }
            registry.threads[ObjectIdentifier(task)] = thread
            task.callbacks.append { registry.threads[ObjectIdentifier(task)] = nil }
            return .tuple([.object(future), .int(ident)])
        }
        n["_current"] = builtin("_current") { _, _, f in
            guard let task = f.context.task else { return .none }
            return registry.threads[ObjectIdentifier(task)] ?? .none
        }
        n["_active"] = native("_active") { _ in .list(PyList(Array(registry.threads.values))) }
        n["local"] = .object(TypeObject("_thread._local", shortName: "local") { i, _, _ in .object(ThreadLocalObject(interpreter: i)) })
        return StdlibModuleSpec(natives: n, source: threadingSource)
    }
}

/// The Python half of `threading`: the classes, over the cells above (CPython's names and messages).
private let threadingSource = #"""
from concurrent.futures import _wait_done

TIMEOUT_MAX = 9223372036.0
_counter = [0]

def _newname(template="Thread-%d"):
    _counter[0] += 1
    return template % _counter[0]

class Lock:
    _reentrant = False
    def __init__(self):
        self._cell = _lock_cell()
    def acquire(self, blocking=True, timeout=-1):
        return _acquire(self._cell, blocking, timeout, self._reentrant)
    def release(self):
        _release(self._cell, self._reentrant)
    def locked(self):
        return _locked(self._cell)
    def __enter__(self):
        return self.acquire()
    def __exit__(self, exc_type, exc_val, exc_tb):
        self.release()
    def __repr__(self):
        return f"<{'locked' if self.locked() else 'unlocked'} _thread.lock object at {hex(id(self))}>"

class RLock(Lock):
    _reentrant = True
    def __repr__(self):
        return f"<{'locked' if self.locked() else 'unlocked'} _thread.RLock object at {hex(id(self))}>"

class Event:
    def __init__(self):
        self._cell = _event_cell()
    def is_set(self):
        return _event_is_set(self._cell)
    def set(self):
        _event_set(self._cell)
    def clear(self):
        _event_set(self._cell, False)
    def wait(self, timeout=None):
        return _event_wait(self._cell, timeout)

class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self._waiters = []
    def acquire(self, *args):
        return self._lock.acquire(*args)
    def release(self):
        self._lock.release()
    def __enter__(self):
        return self._lock.__enter__()
    def __exit__(self, *args):
        return self._lock.__exit__(*args)
    def wait(self, timeout=None):
        if not self._lock.locked():
            raise RuntimeError("cannot wait on un-acquired lock")
        event = Event()
        self._waiters.append(event)
        self._lock.release()
        try:
            return event.wait(timeout)
        finally:
            self._lock.acquire()
            if event in self._waiters:
                self._waiters.remove(event)
    def wait_for(self, predicate, timeout=None):
        result = predicate()
        while not result:
            if not self.wait(timeout) and timeout is not None:
                return predicate()
            result = predicate()
        return result
    def notify(self, n=1):
        if not self._lock.locked():
            raise RuntimeError("cannot notify on un-acquired lock")
        woken, self._waiters = self._waiters[:n], self._waiters[n:]
        for event in woken:
            event.set()
    def notify_all(self):
        self.notify(len(self._waiters))

class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if name is None:
            name = _newname()
            if target is not None and hasattr(target, "__name__"):
                name += f" ({target.__name__})"
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._name = str(name)
        self.daemon = bool(daemon)
        self._started = False
        self._future = None
        self._ident = None
    @property
    def name(self):
        return self._name
    @name.setter
    def name(self, value):
        self._name = str(value)
    @property
    def ident(self):
        return self._ident
    @property
    def native_id(self):
        return self._ident
    def getName(self):
        return self._name
    def isDaemon(self):
        return self.daemon
    def start(self):
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        self._future, self._ident = _start(self)
    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)
    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        _wait_done(self._future, timeout)
    def is_alive(self):
        return self._started and not self._future.done()
    def __repr__(self):
        status = "initial"
        if self._started:
            status = "started" if self.is_alive() else "stopped"
        if self.daemon:
            status += " daemon"
        if self._ident is not None:
            status += " " + str(self._ident)
        return f"<{type(self).__name__}({self._name}, {status})>"

class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread")
        self._started = True
        self._ident = 139870000000000
    def is_alive(self):
        return True

_main = _MainThread()

def current_thread():
    thread = _current()
    if thread is not None:
        return thread
    return _main

def main_thread():
    return _main

def get_ident():
    return current_thread().ident

def get_native_id():
    return current_thread().ident

def active_count():
    return 1 + len(_active())

def enumerate():
    return [_main] + _active()
"""#
