/// A generator object: what calling a `def` with `yield` returns, or a generator expression makes.
/// repr: `<generator object f at 0x…>` (the function's `__qualname__`, or `<genexpr>`).
///
/// It iterates lazily: a `for` loop, `next()`, `list()` and the builtins ask for one item at a time, and the
/// body runs between items (``GeneratorCore``). Dropped while suspended, it is closed at the interpreter's next
/// statement, as CPython's finalizer closes a generator whose last reference goes (`_PyGen_Finalize`).
final class GeneratorObject: PyObject, PyBlockingIterable, PyBlockingIterator {
    let core: GeneratorCore
    weak var interpreter: Interpreter?
    /// For a builtin iterator made lazy over a generator (`map`, `zip`, `enumerate`, `filter`): its type name.
    let builtinType: String?

    init(_ core: GeneratorCore, _ interpreter: Interpreter, builtinType: String? = nil) {
        self.core = core
        self.interpreter = interpreter
        self.builtinType = builtinType
    }

    deinit {
        if core.isSuspended { interpreter?.abandon(core, repr: pyRepr()) }
    }

    var pyTypeName: String { builtinType ?? "generator" }
    func pyRepr() -> String {
        if let builtinType { return "<\(builtinType) object at \(fakeAddress(self))>" }
        return "<generator object \(core.name) at \(fakeAddress(self))>"
    }

    func getAttribute(_ name: String) throws -> Value? {
        if builtinType != nil, !["__iter__", "__next__"].contains(name) { return nil }
        switch name {
        case "__name__": return .str(String(core.name.split(separator: ".").last ?? Substring(core.name)))
        case "__qualname__": return .str(core.name)
        case "gi_running": return .bool(core.isRunning)
        case "__iter__": return method(name) { _, _, _ in .object(self) }
        case "__next__": return method(name) { _, _, f in try await self.send(.none, f) }
        case "send":
            return method(name) { _, a, f in try await self.send(try a.bind("send", [Parameter("value")])["value"], f) }
        case "throw":
            return method(name) { i, a, f in
                let b = try a.bind("throw", [Parameter("typ"), Parameter("val", optional: true), Parameter("tb", optional: true)])
                let error = try await i.exceptionToThrowIn(b["typ"], b.isGiven("val") ? b["val"] : nil, f)
                return try await self.step(.raise(error), f)
            }
        case "close":
            return method(name) { _, a, f in
                _ = try a.bind("close", [])
                try await self.core.close(f.context)
                return .none
            }
        default: return nil
        }
    }
    var attributeNames: [String] { ["close", "gi_running", "send", "throw"] }

    private func method(_ name: String, _ body: nonisolated(nonsending) @escaping (Interpreter, Arguments, Frame) async throws -> Value) -> Value {
        .object(InterpBuiltin(name, receiver: "generator object", body))
    }

    /// `send(value)` / `next(g)`: the next yielded value, or StopIteration with the return value.
    nonisolated(nonsending) func send(_ value: Value, _ f: Frame) async throws -> Value {
        try await step(.send(value), f)
    }

    nonisolated(nonsending) private func step(_ input: GeneratorCore.Input, _ f: Frame) async throws -> Value {
        switch try await core.resume(input, f.context) {
        case .yielded(let v): return v
        case .returned(let v): throw stopIteration(v)
        }
    }

    func makeBlockingIterator() throws -> any PyBlockingIterator { self }

    /// One item for a `for` loop (or `list()`, `sum()`…); nil once the body returned.
    nonisolated(nonsending) func next(_ context: TaskContext) async throws -> Value? {
        switch try await core.resume(.send(.none), context) {
        case .yielded(let v): return v
        case .returned: return nil
        }
    }
}

/// `StopIteration(value)` as a generator's `return value` raises it; `StopIteration()` for None.
func stopIteration(_ value: Value) -> PythonError {
    if case .none = value { return PythonError(.stopIteration, "") }
    var e = PythonError(.stopIteration, value.str())
    e.arguments = [value]
    return e
}

extension Interpreter {
    /// A generator dropped while suspended, waiting to be closed at the next statement.
    func abandon(_ core: GeneratorCore, repr: String) {
        abandonedGenerators.withLock { $0.append((core, repr)) }
    }

    /// Closes the generators dropped while suspended (GeneratorExit at their `yield`, so their `finally` blocks
    /// run). An error doing so is printed to stderr as CPython's `PyErr_WriteUnraisable` prints it, never raised.
    ///
    /// An async generator is closed by a new task instead, as asyncio's finalizer hook schedules `agen.aclose()`
    /// (`Lib/asyncio/base_events.py`, `_asyncgen_finalizer_hook`), so after `async for … break` its `finally`
    /// runs at the task's next suspension, not at once. When a run ends (`atEnd`), everything is closed here.
    nonisolated(nonsending) func closeAbandonedGenerators(_ context: TaskContext, atEnd: Bool = false) async {
        while let (core, repr) = abandonedGenerators.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
            core.finalized = true
            if core.kind == .asyncGenerator, !atEnd {
                // `call_soon_threadsafe(create_task, agen.aclose())`: the task is created one loop turn later.
                callSoon { i, _ in
                    _ = i.spawn(Coroutine(name: "aclose") { context in
                        try await core.close(context)
                        return .none
                    })
                }
                continue
            }
            do {
                try await core.close(context)
            } catch {
                let e = pythonError(from: error)
                host.writeError("Exception ignored in: \(repr)\n" + e.formatted())
            }
        }
    }

    /// Interpreter exit, as `python FILE` ends: generators still suspended (held by globals) are closed, so their
    /// `finally` blocks run and no Swift task stays parked at a `yield` (CPython finalizes them as it clears the
    /// module at shutdown); coroutines never awaited warn `sys:1: RuntimeWarning: …`. Hosts call it once, after
    /// the last run.
    nonisolated(nonsending) public func finalize() async {
        await scheduler.acquire()
        defer { scheduler.release() }
        let context = TaskContext(interpreter: self, task: nil)
        for entry in startedGenerators.values.sorted(by: { $0.serial < $1.serial }) {
            guard let core = entry.core, core.isSuspended, !core.finalized else { continue }
            let kind = core.kind == .generator ? "generator" : "async_generator"
            abandon(core, repr: "<\(kind) object \(core.name) at \(fakeAddress(core))>")
        }
        await closeAbandonedGenerators(context, atEnd: true)
        warnUnawaitedAtExit()
    }

    /// What `gen.throw(typ[, val])` raises at the `yield`: an exception instance, or a class instantiated (with
    /// `val` as its argument).
    nonisolated(nonsending) func exceptionToThrowIn(_ typ: Value, _ val: Value?, _ f: Frame) async throws -> PythonError {
        var value = typ
        if case .object(let cls as ClassObject) = typ, cls.exceptionClass != nil {
            value = try await instantiate(cls, Arguments(positional: val.map { [$0] } ?? []), f)
        } else if case .object(let cls as ExceptionClass) = typ {
            value = try cls.call(Arguments(positional: val.map { [$0] } ?? []))
        } else if userClass(of: typ) == nil, !(typ.object(as: ExceptionInstance.self) != nil) {
            throw PythonError.typeError("exceptions must be classes or instances deriving from BaseException, not \(typ.typeName)")
        }
        return try exceptionToRaise(value)
    }
}
