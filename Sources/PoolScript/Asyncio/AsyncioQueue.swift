/// `asyncio.Queue`, `LifoQueue` and `PriorityQueue`, as CPython 3.11's `Lib/asyncio/queues.py`: `put` waits
/// while the queue is full (`maxsize > 0`), `get` while it is empty, each in FIFO order; `join` waits until
/// `task_done` has been called once per item put.
final class AsyncioQueue: PyObject {
    enum Kind: String { case fifo = "Queue", lifo = "LifoQueue", priority = "PriorityQueue" }
    let kind: Kind
    let maxsize: Int
    private(set) var items: [Value] = []
    private let getters = WaiterQueue()
    private let putters = WaiterQueue()
    private let finished = AsyncioEvent()
    private var unfinished = 0
    /// Orders a priority queue's items with its `<`, which calls a user class's `__lt__` (CPython's `heappush`).
    private weak var interpreter: Interpreter?

    init(kind: Kind, maxsize: Int, interpreter: Interpreter) {
        self.kind = kind
        self.maxsize = maxsize
        self.interpreter = interpreter
        finished.set()
    }

    var pyTypeName: String { kind.rawValue }
    private var format: String {
        var result = "maxsize=\(maxsize)"
        if !items.isEmpty { result += " _queue=\(Value.list(PyList(items)).repr())" }
        if getters.count > 0 { result += " _getters[\(getters.count)]" }
        if putters.count > 0 { result += " _putters[\(putters.count)]" }
        if unfinished > 0 { result += " tasks=\(unfinished)" }
        return result
    }
    func pyRepr() -> String { "<\(kind.rawValue) at \(fakeAddress(self)) \(format)>" }
    func pyStr() -> String { "<\(kind.rawValue) \(format)>" }

    var isFull: Bool { maxsize > 0 && items.count >= maxsize }

    var attributeNames: [String] {
        ["empty", "full", "get", "get_nowait", "join", "maxsize", "put", "put_nowait", "qsize", "task_done"]
    }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "maxsize": return .int(maxsize)
        case "qsize": return .object(NativeFunction(name: "qsize") { _ in .int(self.items.count) })
        case "empty": return .object(NativeFunction(name: "empty") { _ in .bool(self.items.isEmpty) })
        case "full": return .object(NativeFunction(name: "full") { _ in .bool(self.isFull) })
        case "put_nowait":
            return builtin("put_nowait") { _, a, f in
                try await self.putNowait(try a.bind("put_nowait", [Parameter("item")])["item"], f)
                return .none
            }
        case "get_nowait":
            return .object(NativeFunction(name: "get_nowait") { a in
                _ = try a.bind("get_nowait", [])
                return try self.getNowait()
            })
        case "put":
            return builtin("put") { _, a, f in
                let item = try a.bind("put", [Parameter("item")])["item"]
                return .object(Coroutine(name: "\(self.kind.rawValue).put") { context in
                    while self.isFull {
                        try await self.putters.wait(context, passOnIf: { !self.isFull })
                    }
                    try await self.putNowait(item, f)
                    return .none
                })
            }
        case "get":
            return .object(NativeFunction(name: "get") { a in
                _ = try a.bind("get", [])
                return .object(Coroutine(name: "\(self.kind.rawValue).get") { context in
                    while self.items.isEmpty {
                        try await self.getters.wait(context, passOnIf: { !self.items.isEmpty })
                    }
                    return try self.getNowait()
                })
            })
        case "task_done":
            return .object(NativeFunction(name: "task_done") { a in
                _ = try a.bind("task_done", [])
                guard self.unfinished > 0 else { throw PythonError.valueError("task_done() called too many times") }
                self.unfinished -= 1
                if self.unfinished == 0 { self.finished.set() }
                return .none
            })
        case "join":
            return .object(NativeFunction(name: "join") { a in
                _ = try a.bind("join", [])
                return .object(Coroutine(name: "\(self.kind.rawValue).join") { context in
                    if self.unfinished > 0 { try await self.finished.wait(context) }
                    return .none
                })
            })
        default: return nil
        }
    }

    private nonisolated(nonsending) func putNowait(_ item: Value, _ f: Frame) async throws {
        if isFull { throw PythonError(.queueFull, "") }
        switch kind {
        case .fifo, .lifo: items.append(item)
        case .priority:
            // heapq.heappush keeps the smallest first; an ordered insert pops in the same order.
            var index = items.count
            while index > 0, try await less(item, items[index - 1], f) { index -= 1 }
            items.insert(item, at: index)
        }
        unfinished += 1
        finished.clear()
        getters.wakeFirstPending()
    }

    private nonisolated(nonsending) func less(_ a: Value, _ b: Value, _ f: Frame) async throws -> Bool {
        guard let interpreter else { return false }
        return try await interpreter.compareAsync(.lt, a, b, f)
    }

    private func getNowait() throws -> Value {
        if items.isEmpty { throw PythonError(.queueEmpty, "") }
        let item = kind == .lifo ? items.removeLast() : items.removeFirst()
        putters.wakeFirstPending()
        return item
    }
}

extension ExceptionClass {
    static let queueEmpty = ExceptionClass(name: "QueueEmpty", module: "asyncio.queues", base: .exception)
    static let queueFull = ExceptionClass(name: "QueueFull", module: "asyncio.queues", base: .exception)
}

extension ModuleObject {
    func addAsyncioQueues() {
        for kind in [AsyncioQueue.Kind.fifo, .lifo, .priority] {
            let name = kind.rawValue
            attributes[name] = .object(
                TypeObject("asyncio.queues.\(name)", shortName: name) { i, a, _ in
                    let b = try a.bind("\(name).__init__", [Parameter("maxsize", default: .int(0))], selfCounted: true)
                    guard case .int(let maxsize) = b["maxsize"] else {
                        throw PythonError.typeError("'<=' not supported between instances of '\(b["maxsize"].typeName)' and 'int'")
                    }
                    return .object(AsyncioQueue(kind: kind, maxsize: maxsize, interpreter: i))
                })
        }
        attributes["QueueEmpty"] = .object(ExceptionClass.queueEmpty)
        attributes["QueueFull"] = .object(ExceptionClass.queueFull)
    }
}
