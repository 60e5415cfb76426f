/// `asyncio.Semaphore(n)` and `asyncio.Lock()`: `async with sem:` waits in FIFO order for a free slot.
///
/// Waiters are woken through the scheduler's ready queue, so which coroutine gets the next slot is
/// deterministic, as in asyncio.
final class AsyncioSemaphore: PyAsyncContextManager {
    private(set) var value: Int
    private let isLock: Bool
    private var waiters: [() -> Void] = []

    init(value: Int, isLock: Bool) {
        self.value = value
        self.isLock = isLock
    }

    var pyTypeName: String { isLock ? "Lock" : "Semaphore" }
    func pyRepr() -> String {
        let state = value == 0 ? "locked" : "unlocked"
        if isLock { return "<asyncio.locks.Lock object at \(fakeAddress(self)) [\(state)]>" }
        return "<asyncio.locks.Semaphore object at \(fakeAddress(self)) [\(state), value:\(value)]>"
    }

    var attributeNames: [String] { ["acquire", "release", "locked"] }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "acquire": return .object(NativeFunction(name: "acquire") { _ in self.acquireCoroutine() })
        case "release":
            return .object(
                NativeFunction(name: "release") { _ in
                    try self.release()
                    return .none
                }
            )
        case "locked": return .object(NativeFunction(name: "locked") { _ in .bool(self.value == 0) })
        default: return nil
        }
    }

    private func acquireCoroutine() -> Value {
        .object(
            Coroutine(name: "\(pyTypeName).acquire") { context in
                while self.value == 0 {
                    try await context.block { wake in self.waiters.append(wake) }
                }
                self.value -= 1
                return .bool(true)
            }
        )
    }

    func release() throws {
        if isLock && value > 0 { throw PythonError.runtimeError("Lock is not acquired.") }
        value += 1
        if !waiters.isEmpty { waiters.removeFirst()() }
    }

    func asyncEnter() throws -> Value { acquireCoroutine() }
    func asyncExit(_ error: PythonError?) throws -> Value {
        try release()
        return .object(Coroutine(name: "\(pyTypeName).__aexit__") { _ in .none })
    }
}

extension ModuleObject {
    /// Adds `Semaphore` and `Lock` to an asyncio module.
    func addAsyncioLocks() {
        attributes["Semaphore"] = .object(
            NativeFunction(name: "Semaphore") { a in
                let b = try a.bind("Semaphore.__init__", [Parameter("value", default: .int(1))], selfCounted: true)
                guard case .int(let n) = b["value"], n >= 0 else {
                    throw PythonError.valueError("Semaphore initial value must be >= 0")
                }
                return .object(AsyncioSemaphore(value: n, isLock: false))
            }
        )
        attributes["Lock"] = .object(
            NativeFunction(name: "Lock") { a in
                _ = try a.bind("Lock.__init__", [], selfCounted: true)
                return .object(AsyncioSemaphore(value: 1, isLock: true))
            }
        )
    }
}
