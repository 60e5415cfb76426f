/// An async generator object: what calling an `async def` with `yield` returns.
/// repr: `<async_generator object f at 0x…>`.
///
/// `async for` and `__anext__()` resume it one item at a time (``GeneratorCore``); its body's `await`s suspend the
/// task iterating it. `asend`, `athrow` and `aclose` return awaitables, as in CPython (`Objects/genobject.c`,
/// `async_gen_asend`, `async_gen_athrow`). Dropped while suspended, it is closed at the interpreter's next statement.
final class AsyncGeneratorObject: PyObject, PyAsyncIterable, PyAsyncIterator {
    let core: GeneratorCore
    weak var interpreter: Interpreter?

    init(_ core: GeneratorCore, _ interpreter: Interpreter) {
        self.core = core
        self.interpreter = interpreter
    }

    deinit {
        if core.isSuspended {
            interpreter?.abandon(core, repr: "<async_generator object \(core.name) at \(fakeAddress(self))>")
        }
    }

    var pyTypeName: String { "async_generator" }
    func pyRepr() -> String { "<async_generator object \(core.name) at \(fakeAddress(self))>" }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "__name__": return .str(String(core.name.split(separator: ".").last ?? Substring(core.name)))
        case "__qualname__": return .str(core.name)
        case "ag_running": return .bool(core.isRunning)
        case "__aiter__": return method(name) { _, _, _ in .object(self) }
        case "__anext__": return method(name) { _, _, _ in self.awaitable("asend", .send(.none)) }
        case "asend":
            return method(name) { _, a, _ in
                self.awaitable("asend", .send(try a.bind("asend", [Parameter("value")])["value"]))
            }
        case "athrow":
            return method(name) { i, a, f in
                let b = try a.bind("athrow", [Parameter("typ"), Parameter("val", optional: true), Parameter("tb", optional: true)])
                return self.awaitable("athrow", .raise(try await i.exceptionToThrowIn(b["typ"], b.isGiven("val") ? b["val"] : nil, f)))
            }
        case "aclose":
            return method(name) { _, a, _ in
                _ = try a.bind("aclose", [])
                return .object(AsyncGeneratorStep(kind: "athrow") { context in
                    try await self.core.close(context)
                    return .none
                })
            }
        default: return nil
        }
    }
    var attributeNames: [String] { ["aclose", "ag_running", "asend", "athrow"] }

    private func method(_ name: String, _ body: nonisolated(nonsending) @escaping (Interpreter, Arguments, Frame) async throws -> Value) -> Value {
        .object(InterpBuiltin(name, receiver: "async_generator object", body))
    }

    /// `__anext__()` / `asend(v)` / `athrow(e)`: an awaitable giving the next yielded value, or raising
    /// StopAsyncIteration once the body has returned.
    func awaitable(_ kind: String, _ input: GeneratorCore.Input) -> Value {
        .object(AsyncGeneratorStep(kind: kind) { context in
            switch try await self.core.resume(input, context) {
            case .yielded(let v): return v
            case .returned: throw PythonError(.stopAsyncIteration, "")
            }
        })
    }

    func makeAsyncIterator() throws -> any PyAsyncIterator { self }

    nonisolated(nonsending) func next(_ context: TaskContext) async throws -> Value? {
        switch try await core.resume(.send(.none), context) {
        case .yielded(let v): return v
        case .returned: return nil
        }
    }
}

/// The awaitable `__anext__()`, `asend()`, `athrow()` and `aclose()` return (`<async_generator_asend object at
/// 0x…>`); awaiting it resumes the generator once. Unlike a coroutine, dropping it unawaited does not warn.
final class AsyncGeneratorStep: PyAwaitable {
    let kind: String
    private let body: nonisolated(nonsending) (TaskContext) async throws -> Value
    private var used = false

    init(kind: String, _ body: nonisolated(nonsending) @escaping (TaskContext) async throws -> Value) {
        self.kind = kind
        self.body = body
    }

    var pyTypeName: String { "async_generator_\(kind)" }
    func pyRepr() -> String { "<async_generator_\(kind) object at \(fakeAddress(self))>" }

    nonisolated(nonsending) func awaitValue(_ context: TaskContext) async throws -> Value {
        guard !used else { throw PythonError.runtimeError("cannot reuse already awaited \(pyTypeName)") }
        used = true
        return try await body(context)
    }
}
