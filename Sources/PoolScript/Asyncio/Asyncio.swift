import BigInt

/// Builds the `asyncio` module: `gather`, `create_task`, `sleep`, `run`, `Semaphore`, `Lock`, plus
/// `CancelledError` and `TimeoutError`. The host's `importModule` returns it for "asyncio" (the interpreter also falls back to
/// one built on `Interpreter.clock` when the host returns nil).
///
/// - Parameter clock: the interpreter's clock (`Interpreter.clock`), which `asyncio.sleep` and `wait_for` deadlines run on
///   through the loop's timers; pass the same clock.
public func makeAsyncioModule(clock: any Clock<Duration> = ContinuousClock()) -> ModuleObject {
    var attributes: [String: Value] = [:]
    attributes["gather"] = .object(
        InterpBuiltin("gather") { i, a, _ in
            let b = try a.bind(
                "gather",
                [
                    Parameter("coros_or_futures", kind: .varPositional),
                    Parameter("return_exceptions", kind: .keywordOnly, default: .bool(false)),
                ]
            )
            for v in b.extraPositional {
                guard case .object(let o) = v, o is PyAwaitable else {
                    throw PythonError.typeError("An asyncio.Future, a coroutine or an awaitable is required")
                }
            }
            return .object(
                GatheringFuture(
                    tasks: GatheringFuture.tasks(for: b.extraPositional, i),
                    returnExceptions: b["return_exceptions"].isTruthy)
            )
        }
    )
    attributes["create_task"] = .object(
        InterpBuiltin("create_task") { i, a, _ in
            let b = try a.bind(
                "create_task",
                [Parameter("coro"), Parameter("name", kind: .keywordOnly, default: Value.none)]
            )
            guard case .object(let o) = b["coro"], let coroutine = o as? Coroutine else {
                throw PythonError.typeError("a coroutine was expected, got \(b["coro"].repr())")
            }
            if case .none = b["name"] { return .object(i.spawn(coroutine)) }
            return .object(i.spawn(coroutine, name: b["name"].str()))
        }
    )
    attributes["ensure_future"] = attributes["create_task"]
    attributes["sleep"] = .object(
        NativeFunction(name: "sleep") { a in
            let b = try a.bind("sleep", [Parameter("delay"), Parameter("result", default: Value.none)])
            let seconds: Double
            switch b["delay"].numeric {
            case .int(let n): seconds = Double(n)
            case .float(let d): seconds = d
            case .big(let b): seconds = Double(b)
            case nil:
                throw PythonError.typeError(
                    "'<=' not supported between instances of '\(b["delay"].typeName)' and 'int'"
                )
            }
            if seconds.isNaN { throw PythonError.valueError("Invalid value NaN (not a number)") }
            let result = b["result"]
            return .object(
                Coroutine(name: "sleep") { context in
                    // A loop timer; cancellable at any point, without cancelling the task's Swift task.
                    try await context.sleep(seconds: seconds, clock: clock)
                    return result
                }
            )
        }
    )
    attributes["wait_for"] = makeWaitFor()
    attributes["to_thread"] = .object(
        InterpBuiltin("to_thread") { i, a, _ in
            guard let function = a.positional.first else {
                throw PythonError.typeError("to_thread() missing 1 required positional argument: 'func'")
            }
            let arguments = Arguments(positional: Array(a.positional.dropFirst()), keywords: a.keywords)
            return .object(
                Coroutine(name: "to_thread") { context in
                    // The function runs as a green thread; cancelling the awaiting task does not stop it (a thread
                    // cannot be cancelled), it only stops the waiting.
                    let thread = i.spawnGreenThread("to_thread") { threadContext in
                        let frame = Frame(
                            scope: i.moduleScope, context: threadContext,
                            file: SourceFile(name: "<thread>", source: ""), function: "run")
                        return try await i.call(function, arguments, frame)
                    }
                    if thread.result == nil {
                        try await context.blockCancellable { wake in thread.callbacks.append(wake) }
                    }
                    return try await thread.awaitValue(context)
                })
        })
    attributes["run"] = .object(
        InterpBuiltin("run") { i, a, f in
            let b = try a.bind("run", [Parameter("main"), Parameter("debug", kind: .keywordOnly, default: Value.none)])
            guard case .object(let o) = b["main"], let main = o as? Coroutine else {
                throw PythonError.valueError("a coroutine was expected, got \(b["main"].repr())")
            }
            // asyncio.run runs `main` in a task of its own (Task-1), so current_task(), timeout and TaskGroup see it.
            i.asyncioState.loopRuns += 1
            i.asyncioState.runningLoop = i.asyncioState.loopRuns
            defer { i.asyncioState.runningLoop = nil }
            let outcome: Result<Value, Error>
            do {
                outcome = .success(try await i.awaitValue(.object(i.spawn(main)), f))
            } catch {
                outcome = .failure(error)
            }
            // Then, as `asyncio.runners._cancel_all_tasks`: the tasks still pending are cancelled and awaited, so
            // their `except CancelledError` / `finally` blocks run before `run` returns.
            let leftover = i.asyncioState.liveTasks()
            for task in leftover { _ = task.requestCancel() }
            for task in leftover where task.result == nil {
                try await f.context.block { wake in task.callbacks.append(wake) }
            }
            return try outcome.get()
        }
    )
    attributes["iscoroutine"] = .object(
        NativeFunction(name: "iscoroutine") { a in
            let v = try a.bind("iscoroutine", [Parameter("obj")])["obj"]
            return .bool(v.object(as: Coroutine.self) != nil)
        }
    )
    attributes["iscoroutinefunction"] = .object(
        NativeFunction(name: "iscoroutinefunction") { a in
            let v = try a.bind("iscoroutinefunction", [Parameter("func")])["func"]
            switch v {
            case .object(let fn as FunctionObject): return .bool(fn.decl.isAsync)
            case .object(let m as BoundMethod):
                if case .object(let fn as FunctionObject) = m.function { return .bool(fn.decl.isAsync) }
                return .bool(false)
            default: return .bool(false)
            }
        }
    )
    attributes["isfuture"] = .object(
        NativeFunction(name: "isfuture") { a in
            let v = try a.bind("isfuture", [Parameter("obj")])["obj"]
            return .bool(v.object(as: PyTask.self) != nil || v.object(as: ShieldFuture.self) != nil)
        }
    )
    // The class, for `isinstance(t, asyncio.Task)`; constructing one directly is not supported.
    attributes["Task"] = .object(TypeObject("asyncio.Task", shortName: "Task"))
    attributes["CancelledError"] = .object(ExceptionClass.cancelledError)
    attributes["TimeoutError"] = .object(ExceptionClass.timeoutError)
    attributes["InvalidStateError"] = .object(ExceptionClass.invalidStateError)
    let module = ModuleObject(name: "asyncio", attributes: attributes)
    module.addAsyncioLocks()
    module.addAsyncioEvents()
    module.addAsyncioQueues()
    module.addAsyncioWaiting()
    module.addAsyncioTimeouts(clock: clock)
    module.addAsyncioTaskGroup()
    module.recordAsyncioSignatures()
    return module
}

/// What `asyncio.gather(...)` returns (`_GatheringFuture`). As in CPython (`tasks.py`, `gather` →
/// `_ensure_future`), the call itself wraps each argument in a task, in argument order, so the children start in the
/// loop's next iteration whether or not the future is ever awaited — an inner `gather` passed to an outer one has its
/// tasks queued before the outer one's. Awaiting waits for all of them (or the first error unless
/// `return_exceptions=True`); a future may be awaited again for the same result.
final class GatheringFuture: PyAwaitable {
    let tasks: [PyTask]
    let returnExceptions: Bool
    /// The first child failure, in the order the children finished (without `return_exceptions`, it settles the future).
    private var firstError: Error?
    /// Wakes the tasks awaiting this future once it settles.
    private var waiters: [() -> Void] = []

    init(tasks: [PyTask], returnExceptions: Bool) {
        self.tasks = tasks
        self.returnExceptions = returnExceptions
        for task in tasks {
            if task.result != nil { childFinished(task) } else { task.callbacks.append { [weak self] in self?.childFinished(task) } }
        }
    }

    /// The tasks `gather`'s arguments run as, started now in argument order: a task is itself, anything else
    /// awaitable starts one, and an argument given twice runs once (CPython's `arg_to_fut`).
    static func tasks(for children: [Value], _ interpreter: Interpreter) -> [PyTask] {
        var started: [ObjectIdentifier: PyTask] = [:]
        return children.map { child in
            guard case .object(let object) = child else {
                preconditionFailure("gather arguments are checked before their tasks start")
            }
            if let task = started[ObjectIdentifier(object)] { return task }
            guard let task = try? interpreter.ensureTask(child) else {
                preconditionFailure("gather arguments are checked before their tasks start")
            }
            started[ObjectIdentifier(object)] = task
            return task
        }
    }

    /// True once every child finished, or one failed without `return_exceptions`.
    private var settled: Bool {
        if !returnExceptions, firstError != nil { return true }
        return tasks.allSatisfy { $0.result != nil }
    }

    /// A child's done-callback (it runs with the child's result already set).
    private func childFinished(_ task: PyTask) {
        if case .failure(let e) = task.result!, firstError == nil { firstError = e }
        guard settled, !waiters.isEmpty else { return }
        let pending = waiters
        waiters = []
        for wake in pending { wake() }
    }

    var pyTypeName: String { "_GatheringFuture" }
    func pyRepr() -> String {
        guard settled else { return "<_GatheringFuture pending>" }
        switch outcome() {
        case .success(let value): return "<_GatheringFuture finished result=\(value.repr())>"
        case .failure(let error):
            let e = pythonError(from: error)
            return "<_GatheringFuture finished exception=\(Value.object(e.instance ?? ExceptionInstance(e)).repr())>"
        }
    }

    nonisolated(nonsending) func awaitValue(_ context: TaskContext) async throws -> Value {
        if !settled {
            let tasks = self.tasks
            // Cancelling the task awaiting gather cancels the children (`_GatheringFuture.cancel`).
            try await context.blockCancellable(onCancel: {
                tasks.reduce(false) { cancelled, task in task.requestCancel() || cancelled }
            }) { wake in
                waiters.append(wake)
            }
        }
        return try outcome().get()
    }

    /// What awaiting the settled future gives: the first failure (without `return_exceptions`), else the children's
    /// results in argument order, exceptions as values.
    private func outcome() -> Result<Value, Error> {
        if !returnExceptions {
            if let firstError { return .failure(freshError(firstError)) }
            for task in tasks { if case .failure(let e) = task.result! { return .failure(freshError(e)) } }
        }
        return .success(
            .list(
                PyList(
                    tasks.map { task in
                        switch task.result! {
                        case .success(let v): return v
                        case .failure(let e):
                            let pe = pythonError(from: e)
                            return .object(pe.instance ?? ExceptionInstance(pe))
                        }
                    }
                )
            ))
    }
}

/// Builds a `time` module: `monotonic()`, `perf_counter()` and `time()` read the injected closures;
/// `sleep(s)` blocks the whole loop (it keeps the turn, as `time.sleep` blocks asyncio) on the
/// interpreter's `clock`.
public func makeTimeModule(
    monotonic: @escaping () -> Double = defaultMonotonicSeconds,
    wallClock: @escaping () -> Double = defaultWallClockSeconds
) -> ModuleObject {
    ModuleObject(
        name: "time",
        attributes: [
            "monotonic": .object(NativeFunction(name: "monotonic") { _ in .float(monotonic()) }),
            "perf_counter": .object(NativeFunction(name: "perf_counter") { _ in .float(monotonic()) }),
            "time": .object(NativeFunction(name: "time") { _ in .float(wallClock()) }),
            "sleep": .object(
                InterpBuiltin("sleep") { i, a, f in
                    let b = try a.bind("sleep", [Parameter("secs")])
                    let seconds: Double
                    switch b["secs"].numeric {
                    case .int(let n): seconds = Double(n)
                    case .float(let d): seconds = d
                    case .big(let b): seconds = Double(b)
                    case nil:
                        throw PythonError.typeError(
                            "'\(b["secs"].typeName)' object cannot be interpreted as an integer"
                        )
                    }
                    guard seconds >= 0 else { throw PythonError.valueError("sleep length must be non-negative") }
                    // A green thread sleeps alone, as a real thread would; so does any code while green threads
                    // run (the main thread sleeping lets the workers run). Otherwise it blocks the loop, as
                    // `time.sleep` blocks asyncio.
                    if f.context.task?.isGreenThread == true || i.asyncioState.greenThreads > 0 {
                        try await f.context.sleep(seconds: seconds, clock: i.clock)
                        return .none
                    }
                    if seconds > 0 {
                        let nanoseconds = seconds * 1e9 < 9e18 ? Int64(seconds * 1e9) : Int64(9e18)
                        try await i.clock.sleep(for: .nanoseconds(nanoseconds))
                    }
                    return .none
                }
            ),
        ]
    )
}

/// Builds the `time` module on `clock`: `monotonic()` and `perf_counter()` advance with it (a manual clock in
/// tests), starting from the process's monotonic reading; `sleep` blocks the loop on the interpreter's clock.
public func makeTimeModule(clock: any Clock<Duration>) -> ModuleObject {
    let loopClock = LoopClock(clock)
    let base = defaultMonotonicSeconds()
    return makeTimeModule(monotonic: { base + loopClock.now() })
}

private let processStart = ContinuousClock.now

/// Seconds since the process started, on the continuous clock.
public func defaultMonotonicSeconds() -> Double {
    let d = ContinuousClock.now - processStart
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}
