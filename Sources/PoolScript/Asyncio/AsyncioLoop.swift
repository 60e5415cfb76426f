/// What `asyncio.get_running_loop()` returns: the interpreter's one loop, with the methods client code calls
/// on it — `time()`, `create_task`, `run_in_executor(None, fn, *args)` (a green thread, see
/// `concurrent.futures`) and `call_soon(fn, *args)`. repr as CPython's on Linux.
final class AsyncioLoop: PyObject {
    private let loopTime: () -> Double
    private let createTask: Value

    init(loopTime: @escaping () -> Double, createTask: Value) {
        self.loopTime = loopTime
        self.createTask = createTask
    }

    var pyTypeName: String { "_UnixSelectorEventLoop" }
    func pyRepr() -> String { "<_UnixSelectorEventLoop running=True closed=False debug=False>" }

    var attributeNames: [String] {
        ["call_soon", "close", "create_task", "is_closed", "is_running", "run_in_executor", "run_until_complete", "time"]
    }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "time": return .object(NativeFunction(name: "time") { _ in .float(self.loopTime()) })
        case "create_task": return createTask
        case "close": return .object(NativeFunction(name: "close") { _ in .none })
        case "is_closed": return .object(NativeFunction(name: "is_closed") { _ in .bool(false) })
        case "is_running": return .object(NativeFunction(name: "is_running") { _ in .bool(true) })
        case "run_until_complete":
            // Older scripts' `loop.run_until_complete(main())`: the awaitable runs as a task and is awaited.
            return .object(
                InterpBuiltin("run_until_complete") { i, a, f in
                    let future = try a.bind("run_until_complete", [Parameter("future")])["future"]
                    return try await i.awaitValue(.object(try i.ensureTask(future)), f)
                })
        case "run_in_executor":
            return .object(
                InterpBuiltin("run_in_executor") { i, a, _ in
                    guard a.positional.count >= 2 else {
                        throw PythonError.typeError(
                            "BaseEventLoop.run_in_executor() missing 1 required positional argument: 'func'")
                    }
                    if !a.keywords.isEmpty {
                        throw PythonError.typeError(
                            "BaseEventLoop.run_in_executor() got an unexpected keyword argument '\(a.keywords[0].name)'")
                    }
                    let function = a.positional[1]
                    let arguments = Arguments(positional: Array(a.positional.dropFirst(2)))
                    // Runs now, as a thread would start now; awaiting the future waits for it.
                    let thread = i.spawnGreenThread("run_in_executor") { context in
                        let frame = Frame(
                            scope: i.moduleScope, context: context, file: SourceFile(name: "<thread>", source: ""),
                            function: "run")
                        return try await i.call(function, arguments, frame)
                    }
                    return .object(ShieldFuture(thread))
                })
        case "call_soon":
            return .object(
                InterpBuiltin("call_soon") { i, a, _ in
                    guard let function = a.positional.first else {
                        throw PythonError.typeError(
                            "BaseEventLoop.call_soon() missing 1 required positional argument: 'callback'")
                    }
                    let arguments = Arguments(positional: Array(a.positional.dropFirst()))
                    i.callSoon { i, f in _ = try await i.call(function, arguments, f) }
                    return .none
                })
        default: return nil
        }
    }
}
