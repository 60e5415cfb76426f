/// The hand-off between a generator's body and whoever resumes it: `next`, `send`, `throw`, `close`, a `for`
/// loop, `yield from`, `await agen.__anext__()`.
///
/// The body runs in a Swift task of its own, started by the first resume. Exactly one side runs at a time: the
/// caller waits on `callerSide` while the body runs, and the body waits on `generatorSide` while it is suspended
/// at a `yield`. The caller keeps the interpreter's turn throughout, so the body runs as part of the caller's
/// asyncio task, as a CPython generator frame runs on the stack of whoever calls `next` (`Objects/genobject.c`,
/// `gen_send_ex2`). An `await` in an async generator's body gives up that task's turn as any `await` does.
///
/// A generator dropped while suspended is closed by the interpreter at its next statement (``Interpreter``'s
/// `closeAbandonedGenerators`), as CPython's finalizer closes it when its reference count drops, so no Swift task
/// stays parked at a `yield` for ever.
///
/// `@unchecked Sendable` is safe because the fields are read and written only by the side that currently runs,
/// and each side starts running only after the other resumed its continuation (which orders the accesses); all
/// of it happens while the resuming Python task holds the scheduler's turn.
final class GeneratorCore: @unchecked Sendable {
    enum Kind { case generator, asyncGenerator }
    enum State { case created, running, suspended, finished }
    /// What the caller sends into the body at a `yield`: a value (`send`, `next`) or an exception to raise there
    /// (`throw`, `close`'s GeneratorExit).
    enum Input {
        case send(Value)
        case raise(PythonError)
    }
    /// How one resume ended.
    enum Step {
        case yielded(Value)
        case returned(Value)
    }
    private enum Output {
        case yielded(Value)
        case returned(Value)
        case raised(any Error)
    }

    let kind: Kind
    /// `__qualname__` of the function (or `<genexpr>`), for reprs.
    let name: String
    private(set) var state = State.created
    /// Set once the interpreter closed it as a dropped generator: CPython runs a finalizer once (PEP 442), so one
    /// that ignored GeneratorExit is not closed again at exit.
    var finalized = false
    /// The task context of the current resume: the body's frame runs in it.
    private(set) var context: TaskContext?
    /// The frame the body runs in, once it started; each resume moves it to the resuming task's context.
    weak var frame: Frame?
    private let body: (GeneratorCore) async throws -> Value
    private var generatorSide: CheckedContinuation<TurnBound<Input>, Never>?
    private var callerSide: CheckedContinuation<TurnBound<Output>, Never>?

    /// - Parameter body: runs the generator's code in the resuming task's context (``context``); its `yield`s call
    ///   ``suspend(yielding:)``.
    init(kind: Kind, name: String, body: @escaping (GeneratorCore) async throws -> Value) {
        self.kind = kind
        self.name = name
        self.body = body
    }

    var isSuspended: Bool { state == .suspended }
    var isRunning: Bool { state == .running }
    var isFinished: Bool { state == .finished }

    /// Runs the body until its next `yield` (or its end) with `input`; CPython's `gen_send_ex`.
    ///
    /// Throws what the body raises, with PEP 479's rule: a `StopIteration` (or, in an async generator,
    /// `StopAsyncIteration`) escaping the body becomes `RuntimeError`.
    nonisolated(nonsending) func resume(_ input: Input, _ context: TaskContext) async throws -> Step {
        switch state {
        case .running:
            throw kind == .generator
                ? PythonError.valueError("generator already executing")
                : PythonError.runtimeError("anext(): asynchronous generator is already running")
        case .finished:
            if case .raise(let e) = input { throw e }
            return .returned(.none)
        case .created:
            switch input {
            case .raise(let e):
                state = .finished
                throw e
            case .send(let v) where v != .none:
                throw PythonError.typeError(
                    "can't send non-None value to a just-started \(kind == .generator ? "generator" : "async generator")")
            case .send: break
            }
        case .suspended: break
        }
        context.depth += 1
        defer { context.depth -= 1 }
        if context.depth > context.interpreter.limits.maxRecursionDepth {
            throw PythonError(.recursionError, "maximum recursion depth exceeded")
        }
        let starting = state == .created
        state = .running
        self.context = context
        frame?.context = context
        let interpreter = context.interpreter
        if starting {
            interpreter.startedGenerators[ObjectIdentifier(self)] = WeakGeneratorCore(
                core: self, serial: interpreter.startedGenerators.count + interpreter.finishedGeneratorCount)
        }
        let output = await withCheckedContinuation { (caller: CheckedContinuation<TurnBound<Output>, Never>) in
            callerSide = caller
            if starting {
                Task { await self.run() }
            } else {
                let body = generatorSide!
                generatorSide = nil
                body.resume(returning: TurnBound(value: input))
            }
        }.value
        if state == .finished, interpreter.startedGenerators.removeValue(forKey: ObjectIdentifier(self)) != nil {
            interpreter.finishedGeneratorCount += 1
        }
        switch output {
        case .yielded(let v): return .yielded(v)
        case .returned(let v): return .returned(v)
        case .raised(let error): throw translated(error)
        }
    }

    /// The body's task: runs it to its end, then hands the outcome to the last caller.
    private func run() async {
        let output: Output
        do {
            output = .returned(try await body(self))
        } catch {
            output = .raised(error)
        }
        state = .finished
        context = nil
        let caller = callerSide!
        callerSide = nil
        caller.resume(returning: TurnBound(value: output))
    }

    /// A `yield`: hands `value` to the caller and waits to be resumed. Called by the body only.
    nonisolated(nonsending) func suspend(yielding value: Value) async throws -> Value {
        let input = await withCheckedContinuation { (body: CheckedContinuation<TurnBound<Input>, Never>) in
            generatorSide = body
            state = .suspended
            let caller = callerSide!
            callerSide = nil
            caller.resume(returning: TurnBound(value: .yielded(value)))
        }.value
        switch input {
        case .send(let v): return v
        case .raise(let e): throw e
        }
    }

    /// `close()`: GeneratorExit thrown in at the `yield`; CPython's `gen_close`.
    nonisolated(nonsending) func close(_ context: TaskContext) async throws {
        switch state {
        case .created:
            state = .finished
            return
        case .finished: return
        case .running, .suspended: break
        }
        let step: Step
        do {
            step = try await resume(.raise(PythonError(.generatorExit, "")), context)
        } catch let e as PythonError
            where e.type.isSubclass(of: .generatorExit) || e.type.isSubclass(of: .stopIteration)
            || (kind == .asyncGenerator && e.type.isSubclass(of: .stopAsyncIteration))
        {
            return
        }
        if case .yielded = step {
            throw PythonError.runtimeError(
                kind == .generator ? "generator ignored GeneratorExit" : "async generator ignored GeneratorExit")
        }
    }

    /// PEP 479: StopIteration (and StopAsyncIteration in an async generator) leaving the body is a RuntimeError
    /// whose `__context__` is the original.
    private func translated(_ error: any Error) -> any Error {
        guard let e = error as? PythonError else { return error }
        let message: String
        if e.type.isSubclass(of: .stopIteration) {
            message = kind == .generator ? "generator raised StopIteration" : "async generator raised StopIteration"
        } else if kind == .asyncGenerator, e.type.isSubclass(of: .stopAsyncIteration) {
            message = "async generator raised StopAsyncIteration"
        } else {
            return e
        }
        var runtime = PythonError.runtimeError(message)
        runtime.traceback = e.traceback
        runtime.recordedFrame = e.recordedFrame
        var cause = e
        if cause.instance == nil { cause.instance = ExceptionInstance(cause) }
        runtime.context = [cause]
        runtime.contextIsCause = true
        return runtime
    }
}

/// A generator that has started, as the interpreter lists it for ``Interpreter/finalize()`` without keeping it alive.
struct WeakGeneratorCore {
    weak var core: GeneratorCore?
    /// Start order, so exit closes generators in the order they began.
    let serial: Int
}
