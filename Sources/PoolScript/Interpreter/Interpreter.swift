import Synchronization

/// Where a script's output and imports go. The Playground implements it.
public protocol ScriptHost: AnyObject {
    /// `import name` / `from name import x`: a module, or nil → `ModuleNotFoundError: No module named 'name'`.
    /// Dotted names ("os.path") are asked as given.
    func importModule(_ name: String) throws -> Value?
    /// Where `print` writes (already formatted, including the trailing "\n").
    func write(_ text: String)
    /// Where CPython writes to stderr: `logging`'s records, warnings, `print(file=sys.stderr)`. Defaults to
    /// ``write(_:)``.
    func writeError(_ text: String)
    /// `type(obj)` of a host object: the class object the host's modules expose, so that `type(x) is httpx.Client`
    /// holds; nil (the default) falls back to ``PyModuleQualified`` or the bare type name.
    func pythonClass(of object: any PyObject) -> Value?
}

extension ScriptHost {
    public func pythonClass(of object: any PyObject) -> Value? { nil }
    public func writeError(_ text: String) { write(text) }
}

/// interactive: expression statements' non-None values are echoed as repr + "\n" (like `python -i`).
public enum RunMode: Sendable { case interactive, file }

/// The budget a run may spend before it is stopped.
public struct ExecutionLimits: Sendable {
    /// Statements, loop iterations and calls per `run`.
    var maxSteps: Int
    /// Items in one list, tuple, dict, string (in characters) or range materialization.
    var maxCollectionSize: Int
    /// Nested Python calls before `RecursionError` (CPython's default is 1000 too).
    var maxRecursionDepth: Int

    init(maxSteps: Int = 10_000_000, maxCollectionSize: Int = 10_000_000, maxRecursionDepth: Int = 1000) {
        self.maxSteps = maxSteps
        self.maxCollectionSize = maxCollectionSize
        self.maxRecursionDepth = maxRecursionDepth
    }

    public static let `default` = ExecutionLimits()
}

/// What ``Interpreter/run(_:fileName:mode:)`` ends with. Errors come back as values, never thrown.
public enum RunResult {
    /// The source ran to its end.
    case ok
    /// An exception escaped the top level; `formatted()` renders its traceback as CPython does.
    case error(PythonError)
    /// The source did not parse; nothing of it ran.
    case syntaxError(SyntaxError)
}

/// A PoolScript session: globals persist across `run` calls, as in a REPL.
///
/// The interpreter is not thread-safe by itself; every entry point first takes the scheduler's turn, so one
/// Python task runs at a time (see `Scheduler`).
public final class Interpreter {
    let host: ScriptHost
    var limits: ExecutionLimits
    let moduleScope = Scope(kind: .module, parent: nil)
    var builtins: [String: Value] = [:]
    let scheduler = Scheduler()
    var steps = 0
    var taskCounter = 0
    var moduleCache: [String: Value] = [:]
    /// User classes deriving from an exception class, by their `ExceptionClass`.
    var userExceptionClasses: [ObjectIdentifier: ClassObject] = [:]
    /// Lets another task stop the running script (Ctrl-C): see `InterruptHandle`.
    public let interruptHandle = InterruptHandle()
    /// Where the host posts I/O events (a pool's connects and responses) for this interpreter's loop.
    public var loop: EventLoopHandle { EventLoopHandle(scheduler: scheduler) }
    /// The session's one clock: `asyncio.sleep` and `wait_for` deadlines (the loop's timers), `time.sleep`, and
    /// `time.monotonic` in the built-in `time` module. Hosts pass the same clock to their pools. Set it before the
    /// first script runs (tests use a manual clock to drive virtual time).
    public var clock: any Clock<Duration> = ContinuousClock()
    /// `sys.argv` for a program run as `poolplay run FILE ARGS...` (set before the first run); nil: the file name.
    public var argv: [String]?
    /// The frame of the statement that ran last, for warnings' locations.
    weak var runningFrame: Frame?
    /// The loop's timers, on ``clock`` (made when first used).
    lazy var timers = LoopTimers(scheduler: scheduler, clock: clock)
    /// The tasks alive and the top level's stand-in task, for `asyncio.all_tasks`, `timeout` and `TaskGroup`.
    let asyncioState = AsyncioState()
    /// Generators dropped while suspended, with their reprs, to close at the next statement
    /// (``closeAbandonedGenerators(_:)``).
    /// Generators dropped while suspended, to close at the next statement. Behind a lock: a generator object's
    /// `deinit` runs on whichever thread drops the last reference — a finished task's Swift task may be torn down
    /// on another thread while the script goes on — so `abandon` may race with the loop that drains the list.
    let abandonedGenerators = Mutex<[(GeneratorCore, String)]>([])

    /// Whether a dropped generator waits to be closed.
    var hasAbandonedGenerators: Bool { abandonedGenerators.withLock { !$0.isEmpty } }
    /// Generators that started and have not finished, for ``finalize()``; and how many finished (for start order).
    var startedGenerators: [ObjectIdentifier: WeakGeneratorCore] = [:]
    var finishedGeneratorCount = 0
    /// Coroutines the script's calls returned, for the never-awaited warning at exit (``finalize()``); pruned of
    /// freed and started ones as it grows.
    var adoptedCoroutines: [WeakCoroutine] = []
    var adoptedCoroutinesPruneAt = 64

    public init(host: ScriptHost, limits: ExecutionLimits = .default) {
        self.host = host
        self.limits = limits
        installBuiltins()
    }

    /// The session's module namespace, persistent across `run` calls.
    public var globals: [String: Value] {
        get { moduleScope.vars }
        set { moduleScope.vars = newValue }
    }

    /// Parses and runs source (see the `ParsedSource` overload).
    nonisolated(nonsending) public func run(_ source: String, fileName: String = "<stdin>", mode: RunMode) async
        -> RunResult
    {
        await run(ParsedSource(source), fileName: fileName, mode: mode)
    }

    /// Runs source parsed before. Top-level `await` is allowed in both modes. Never throws; errors come back as
    /// values, and everything defined before an error stays defined.
    nonisolated(nonsending) public func run(_ parsed: ParsedSource, fileName: String = "<stdin>", mode: RunMode) async
        -> RunResult
    {
        let statements: [Stmt]
        switch parsed.outcome {
        case .statements(let parsed): statements = parsed
        case .syntaxError(let error): return .syntaxError(error)
        case .failure(let error): return .error(pythonError(from: error))
        }
        await scheduler.acquire()
        defer { scheduler.release() }
        steps = 0
        interruptHandle.reset()
        let file = SourceFile(name: fileName, source: parsed.source)
        let frame = Frame(
            scope: moduleScope,
            context: TaskContext(interpreter: self, task: nil),
            file: file,
            function: "<module>"
        )
        // Interactive input compiles in CPython's 'single' mode: every expression statement of the entry echoes,
        // also inside its loops and blocks (not inside the functions it defines).
        frame.echoesExpressions = mode == .interactive
        // A file's docstring is its module's `__doc__` (argparse scripts pass `description=__doc__`).
        if mode == .file, let first = statements.first, case .expression(let e) = first.kind, case .str(let doc) = e.kind {
            moduleScope.vars["__doc__"] = .str(doc)
        }
        for statement in statements {
            frame.line = statement.location.line
            do {
                _ = try await exec(statement, frame)
            } catch {
                var e = pythonError(from: error)
                frame.record(&e)
                await closeAbandonedGenerators(frame.context, atEnd: true)
                return .error(e)
            }
        }
        await closeAbandonedGenerators(frame.context, atEnd: true)
        return .ok
    }

    /// Evaluates one expression against the session (for lesson checks).
    nonisolated(nonsending) public func evaluate(_ expression: String) async throws -> Value {
        let expr = try Parser.parseExpression(expression)
        await scheduler.acquire()
        defer { scheduler.release() }
        steps = 0
        let file = SourceFile(name: "<check>", source: expression)
        let frame = Frame(
            scope: moduleScope,
            context: TaskContext(interpreter: self, task: nil),
            file: file,
            function: "<module>"
        )
        return try await eval(expr, frame)
    }

    /// Counts one step against the budget (statements, loop iterations, calls).
    ///
    /// Every 4096 steps it also notices cancellation of the Swift task running the script (Ctrl-C in the
    /// REPL) and raises `KeyboardInterrupt`, so pure-Python loops can be interrupted.
    func tick() throws {
        steps += 1
        if interruptHandle.isInterrupted || (steps & 4095 == 0 && Task.isCancelled) {
            throw PythonError(.keyboardInterrupt, "")
        }
        if steps > limits.maxSteps {
            throw PythonError(
                .runtimeError,
                "the playground's step budget was exceeded (\(limits.maxSteps) steps in one run); is there an endless loop?"
            )
        }
    }

    func checkSize(_ count: Int) throws {
        if count > limits.maxCollectionSize {
            throw PythonError(
                .memoryError,
                "the playground's memory budget was exceeded (a collection of \(count) items; the limit is \(limits.maxCollectionSize))"
            )
        }
    }

    /// Schedules `coroutine` as an asyncio task: its ticket joins the ready queue now, in call order.
    /// Schedules `coroutine` as a task. Unnamed tasks are `Task-N`; as observed in CPython 3.11.7, a named task
    /// uses up a number too (`create_task(a)`, `create_task(b, name='x')`, `create_task(c)` are Task-1, x, Task-3).
    func spawn(_ coroutine: Coroutine, name: String? = nil) -> PyTask {
        taskCounter += 1
        let task = PyTask(coroutine: coroutine, name: name ?? "Task-\(taskCounter)")
        asyncioState.track(task)
        let ticket = scheduler.makeTicket()
        scheduler.enqueue(ticket)
        let box = TurnBound(value: (self, task))
        let registration = Mutex<Int?>(nil)
        let swiftTask = Task {
            let (interpreter, task) = box.value
            await interpreter.scheduler.wait(ticket)
            let context = TaskContext(interpreter: interpreter, task: task)
            let result: Result<Value, Error>
            do {
                // Cancelled before its first step: CPython throws CancelledError into the coroutine, which then
                // counts as started (no "never awaited" warning).
                if task.cancelRequested { task.coroutine.markStarted() }
                try context.deliverCancellation()
                result = .success(try await task.coroutine.awaitValue(context))
            } catch {
                result = .failure(error)
            }
            task.finish(result)
            if let id = registration.withLock({ $0 }) { interpreter.interruptHandle.unregister(id) }
            interpreter.scheduler.release()
        }
        task.swiftTask = swiftTask
        let id = interruptHandle.register(swiftTask)
        registration.withLock { $0 = id }
        return task
    }
}

/// A source text and its lines, kept by frames and functions for tracebacks.
final class SourceFile {
    let name: String
    let lines: [Substring]
    init(name: String, source: String) {
        self.name = name
        self.lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }
    func line(_ n: Int) -> String? { n >= 1 && n <= lines.count ? String(lines[n - 1]) : nil }
}

/// A namespace: the module's globals, a function call's locals, or a comprehension's loop variables.
final class Scope {
    enum Kind {
        case module
        case function(locals: Set<String>)
        case comprehension
        /// A `class` body: its names become the class namespace; functions defined in it do not see them.
        case classBody
    }
    var vars: [String: Value] = [:]
    let kind: Kind
    /// A function's `global` and `nonlocal` names.
    var globalNames: Set<String> = []
    var nonlocalNames: Set<String> = []
    let parent: Scope?
    /// True once a scope nested in this one exists (a closure, comprehension or class body that may outlive the
    /// call); until then a returning function drops its locals at once, as CPython's frame does.
    var hasInnerScopes = false
    init(kind: Kind, parent: Scope?) {
        self.kind = kind
        self.parent = parent
        parent?.hasInnerScopes = true
    }
}

/// One executing Python frame.
final class Frame {
    let scope: Scope
    /// The task this frame runs in; a generator's frame moves to the task of whoever resumes it.
    var context: TaskContext
    let file: SourceFile
    let function: String
    var line = 1
    /// The running function's `__qualname__`; nil at module level.
    var qualname: String?
    /// The exception being handled, for a bare `raise`.
    var handling: PythonError?
    /// True for the frame running a `class` body.
    var isClassBody = false
    /// True for an interactive entry's own frame: its expression statements' values are echoed (`sys.displayhook`).
    var echoesExpressions = false
    /// The Python function this frame runs (for zero-argument `super()`).
    var functionObject: FunctionObject?
    /// The generator whose body this frame runs, for `yield`.
    var generator: GeneratorCore?

    init(scope: Scope, context: TaskContext, file: SourceFile, function: String) {
        self.scope = scope
        self.context = context
        self.file = file
        self.function = function
    }

    /// Adds this frame to an error's traceback unless it already did (caught and re-raised here).
    func record(_ error: inout PythonError) {
        let id = ObjectIdentifier(self)
        guard error.recordedFrame != id else { return }
        error.traceback.insert(tracebackEntry, at: 0)
        error.recordedFrame = id
    }

    var tracebackEntry: TracebackEntry {
        TracebackEntry(fileName: file.name, line: line, function: function, sourceLine: file.line(line))
    }
}
