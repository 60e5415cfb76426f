/// `asyncio.TaskGroup`, as CPython 3.11's `Lib/asyncio/taskgroups.py`.
///
/// The first child to fail cancels its siblings and the parent task (the body of `async with`); `__aexit__`
/// waits for every child and raises `ExceptionGroup('unhandled errors in a TaskGroup', [...])` with the
/// children's errors in the order they finished. KeyboardInterrupt / SystemExit are re-raised as they are.
/// Siblings are cancelled in creation order (CPython iterates a set, in address order).
final class AsyncioTaskGroup: PyAsyncContextManager {
    private var entered = false
    private var exiting = false
    private var aborting = false
    private var parentCancelRequested = false
    private var parent: PyTask?
    private var tasks: [PyTask] = []
    private var errors: [PythonError] = []
    private var baseError: PythonError?
    private var completionWake: (() -> Void)?

    var pyTypeName: String { "TaskGroup" }
    func pyRepr() -> String {
        var info = ""
        if !tasks.isEmpty { info += " tasks=\(tasks.count)" }
        if !errors.isEmpty { info += " errors=\(errors.count)" }
        if aborting { info += " cancelling" } else if entered { info += " entered" }
        return "<TaskGroup\(info)>"
    }

    var attributeNames: [String] { ["create_task"] }
    func getAttribute(_ name: String) throws -> Value? {
        guard name == "create_task" else { return nil }
        return .object(
            InterpBuiltin("create_task") { i, a, _ in
                let b = try a.bind(
                    "create_task",
                    [
                        Parameter("coro"), Parameter("name", kind: .keywordOnly, default: Value.none),
                        Parameter("context", kind: .keywordOnly, default: Value.none),
                    ])
                if !self.entered { throw PythonError.runtimeError("TaskGroup \(self.pyRepr()) has not been entered") }
                if self.exiting && self.tasks.isEmpty {
                    throw PythonError.runtimeError("TaskGroup \(self.pyRepr()) is finished")
                }
                if self.aborting { throw PythonError.runtimeError("TaskGroup \(self.pyRepr()) is shutting down") }
                guard case .object(let o) = b["coro"], let coroutine = o as? Coroutine else {
                    throw PythonError.typeError("a coroutine was expected, got \(b["coro"].repr())")
                }
                let task: PyTask
                if case .none = b["name"] { task = i.spawn(coroutine) } else { task = i.spawn(coroutine, name: b["name"].str()) }
                task.callbacks.append { [weak i] in i?.callSoon { _, _ in self.onTaskDone(task) } }
                self.tasks.append(task)
                return .object(task)
            })
    }

    private func isBaseError(_ e: PythonError) -> Bool {
        e.type.isSubclass(of: .keyboardInterrupt) || e.type.isSubclass(of: .systemExit)
    }

    private func abort() {
        aborting = true
        for task in tasks where task.result == nil { _ = task.requestCancel() }
    }

    private func onTaskDone(_ task: PyTask) {
        tasks.removeAll { $0 === task }
        if tasks.isEmpty, let wake = completionWake {
            completionWake = nil
            wake()
        }
        if task.isCancelled { return }
        guard case .failure(let error) = task.result else { return }
        let e = freshError(error)
        errors.append(e)
        if isBaseError(e) && baseError == nil { baseError = e }
        guard let parent, parent.result == nil else { return }
        if !aborting && !parentCancelRequested {
            abort()
            parentCancelRequested = true
            _ = parent.requestCancel(interruptingIO: false)
        }
    }

    func asyncEnter() throws -> Value {
        .object(
            Coroutine(name: "TaskGroup.__aenter__") { context in
                if self.entered { throw PythonError.runtimeError("TaskGroup \(self.pyRepr()) has been already entered") }
                self.entered = true
                self.parent = context.cancellationTarget
                return .object(self)
            })
    }

    func asyncExit(_ error: PythonError?) throws -> Value {
        .object(Coroutine(name: "TaskGroup.__aexit__") { context in try await self.exit(error, context) })
    }

    private nonisolated(nonsending) func exit(_ error: PythonError?, _ context: TaskContext) async throws -> Value {
        exiting = true
        if let error, isBaseError(error), baseError == nil { baseError = error }
        var propagate: PythonError? = nil
        if let error, error.type === ExceptionClass.cancelledError { propagate = error }
        if parentCancelRequested, let parent {
            if parent.cancelsRequested > 0 { parent.cancelsRequested -= 1 }
            if parent.cancelsRequested == 0 {
                propagate = nil
                // The cancellation this group asked for may still be pending if the body never suspended again.
                parent.cancelRequested = false
            }
        }
        if error != nil && !aborting { abort() }
        while !tasks.isEmpty {
            do {
                try await context.blockCancellable { wake in self.completionWake = wake }
            } catch let e as PythonError where e.type.isSubclass(of: .cancelledError) {
                if !aborting {
                    propagate = e
                    abort()
                }
            }
            completionWake = nil
        }
        if let baseError { throw freshError(baseError) }
        if let propagate, errors.isEmpty { throw propagate }
        if let error, error.type !== ExceptionClass.cancelledError { errors.append(error) }
        guard !errors.isEmpty else { return .none }
        let items = errors.map { Value.object($0.instance ?? ExceptionInstance($0)) }
        errors = []
        let group = try makeExceptionGroup(
            .baseExceptionGroup, Arguments(positional: [.str("unhandled errors in a TaskGroup"), .list(PyList(items))]))
        guard case .object(let instance as ExceptionInstance) = group else { return .none }
        var e = instance.asError
        e.causeIsNone = true
        throw e
    }
}

extension ModuleObject {
    func addAsyncioTaskGroup() {
        attributes["TaskGroup"] = .object(
            TypeObject("asyncio.TaskGroup", shortName: "TaskGroup") { _, a, _ in
                _ = try a.bind("TaskGroup.__init__", [], selfCounted: true)
                return .object(AsyncioTaskGroup())
            })
    }
}
