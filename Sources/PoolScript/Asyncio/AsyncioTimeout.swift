/// `asyncio.timeout(delay)` / `asyncio.timeout_at(when)`: CPython 3.11's `Lib/asyncio/timeouts.py`.
///
/// At the deadline the task running the block is cancelled; `__aexit__` turns the `CancelledError` that
/// leaves the block into `TimeoutError` when the cancellation was its own (`uncancel() <= cancelling`).
/// Outside a task (PoolPlay's top level) the top-level stand-in task is cancelled instead, where CPython's
/// code would run in `asyncio.run`'s main task.
///
/// Host I/O in flight (an HTTP request awaited inside the block) is not interrupted: its Swift task is not
/// cancelled, because it lives on after the block (see `PyTask.requestCancel(interruptingIO:)`). The
/// cancellation arrives when the I/O returns, and `__aexit__` raises `TimeoutError` then.
final class AsyncioTimeout: PyAsyncContextManager {
    enum State: String {
        /// Can become: active.
        case created
        /// Can become: expiring, finished.
        case active
        /// Can become: expired.
        case expiring
        case expired
        case finished
    }

    private(set) var state = State.created
    private(set) var when: Double?
    private var task: PyTask?
    private var cancelling = 0
    private var timer: Task<Void, Never>?
    private weak var interpreter: Interpreter?
    private let clock: any Clock<Duration>
    private let loopTime: () -> Double

    init(when: Double?, interpreter: Interpreter, clock: any Clock<Duration>, loopTime: @escaping () -> Double) {
        self.when = when
        self.interpreter = interpreter
        self.clock = clock
        self.loopTime = loopTime
    }

    var pyTypeName: String { "Timeout" }
    func pyRepr() -> String {
        var info = ""
        if state == .active { info = " when=" + (when.map { Value.float(($0 * 1000).rounded() / 1000).repr() } ?? "None") }
        return "<Timeout [\(state.rawValue)]\(info)>"
    }

    var attributeNames: [String] { ["expired", "reschedule", "when"] }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "when": return .object(NativeFunction(name: "when") { _ in self.when.map(Value.float) ?? .none })
        case "expired":
            return .object(NativeFunction(name: "expired") { _ in .bool(self.state == .expiring || self.state == .expired) })
        case "reschedule":
            return .object(NativeFunction(name: "reschedule") { a in
                try self.reschedule(try optionalSeconds(try a.bind("reschedule", [Parameter("when")])["when"]))
                return .none
            })
        default: return nil
        }
    }

    private func reschedule(_ newWhen: Double?) throws {
        guard state == .active else {
            if state == .created { throw PythonError.runtimeError("Timeout has not been entered") }
            throw PythonError.runtimeError("Cannot change state of \(state.rawValue) Timeout")
        }
        when = newWhen
        timer?.cancel()
        timer = nil
        guard let newWhen else { return }
        let delay = newWhen - loopTime()
        guard let interpreter else { return }
        let box = TurnBound(value: (self, interpreter))
        let clock = self.clock
        timer = Task {
            if delay > 0 {
                guard (try? await clock.sleep(for: .nanoseconds(nanoseconds(delay)))) != nil else { return }
            }
            // Take the turn before touching the task: `_on_timeout` runs on the loop.
            let scheduler = box.value.1.scheduler
            let ticket = scheduler.makeTicket()
            scheduler.enqueue(ticket)
            await scheduler.wait(ticket)
            box.value.0.onTimeout()
            scheduler.release()
        }
    }

    private func onTimeout() {
        guard state == .active, let task else { return }
        _ = task.requestCancel(interruptingIO: false)
        state = .expiring
    }

    func asyncEnter() throws -> Value {
        .object(
            Coroutine(name: "Timeout.__aenter__") { context in
                guard self.state == .created else { throw PythonError.runtimeError("Timeout has already been entered") }
                let task = context.cancellationTarget
                self.state = .active
                self.task = task
                self.cancelling = task.cancelsRequested
                try self.reschedule(self.when)
                return .object(self)
            })
    }

    func asyncExit(_ error: PythonError?) throws -> Value {
        .object(
            Coroutine(name: "Timeout.__aexit__") { context in
                self.timer?.cancel()
                self.timer = nil
                if self.state == .expiring, let task = self.task {
                    self.state = .expired
                    if task.cancelsRequested > 0 { task.cancelsRequested -= 1 }
                    let own = task.cancelsRequested <= self.cancelling
                    if own, let error, error.type === ExceptionClass.cancelledError {
                        var timeout = PythonError(.timeoutError, "")
                        timeout.context = [error]
                        timeout.contextIsCause = true
                        throw timeout
                    }
                    if own, error == nil, task.cancelRequested {
                        // The cancellation never reached the block (host I/O ran to its end): take it back here.
                        task.cancelRequested = false
                        throw PythonError(.timeoutError, "")
                    }
                } else if self.state == .active {
                    self.state = .finished
                }
                return .none
            })
    }
}

extension ModuleObject {
    /// Adds `timeout`, `timeout_at`, `get_running_loop` (see `AsyncioLoop`), `current_task` and `all_tasks`.
    func addAsyncioTimeouts(clock: any Clock<Duration>) {
        let loopTime = makeLoopTime(clock)
        attributes["timeout"] = .object(
            InterpBuiltin("timeout") { i, a, _ in
                let delay = try optionalSeconds(try a.bind("timeout", [Parameter("delay")])["delay"])
                return .object(
                    AsyncioTimeout(when: delay.map { loopTime() + $0 }, interpreter: i, clock: clock, loopTime: loopTime))
            })
        attributes["timeout_at"] = .object(
            InterpBuiltin("timeout_at") { i, a, _ in
                let when = try optionalSeconds(try a.bind("timeout_at", [Parameter("when")])["when"])
                return .object(AsyncioTimeout(when: when, interpreter: i, clock: clock, loopTime: loopTime))
            })
        attributes["Timeout"] = .object(TypeObject("asyncio.Timeout", shortName: "Timeout"))
        let loop = AsyncioLoop(loopTime: loopTime, createTask: attributes["create_task"] ?? .none)
        attributes["get_running_loop"] = .object(NativeFunction(name: "get_running_loop") { _ in .object(loop) })
        attributes["get_event_loop"] = attributes["get_running_loop"]
        // One loop only: a "new" loop is the same loop, and setting it changes nothing.
        attributes["new_event_loop"] = attributes["get_running_loop"]
        attributes["set_event_loop"] = .object(NativeFunction(name: "set_event_loop") { _ in .none })
        attributes["current_task"] = .object(
            InterpBuiltin("current_task") { _, a, f in
                _ = try a.bind("current_task", [Parameter("loop", default: Value.none)])
                // Top-level code runs as in `python -m asyncio`, where each statement is a task of its own: its
                // stand-in, which `cancel()` interrupts at its next await.
                return .object(f.context.cancellationTarget)
            })
        attributes["all_tasks"] = .object(
            InterpBuiltin("all_tasks") { i, a, _ in
                _ = try a.bind("all_tasks", [Parameter("loop", default: Value.none)])
                return .object(try PySetObject(i.asyncioState.liveTasks().map { .object($0) }))
            })
    }
}

/// `loop.time()`: seconds on `clock` since the module was made.
private func makeLoopTime<C: Clock>(_ clock: C) -> () -> Double where C.Duration == Duration {
    let origin = clock.now
    return {
        let d = origin.duration(to: clock.now)
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
