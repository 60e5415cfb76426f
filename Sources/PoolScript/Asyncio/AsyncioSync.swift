/// `asyncio.Event` and `asyncio.Condition`, as CPython 3.11's `Lib/asyncio/locks.py`.
final class AsyncioEvent: PyObject {
    private(set) var isSet = false
    private let waiters = WaiterQueue()

    var pyTypeName: String { "Event" }
    func pyRepr() -> String {
        var extra = isSet ? "set" : "unset"
        if waiters.count > 0 { extra += ", waiters:\(waiters.count)" }
        return "<asyncio.locks.Event object at \(fakeAddress(self)) [\(extra)]>"
    }

    func set() {
        guard !isSet else { return }
        isSet = true
        waiters.wake(upTo: Int.max)
    }

    func clear() { isSet = false }

    nonisolated(nonsending) func wait(_ context: TaskContext) async throws {
        if isSet { return }
        try await waiters.wait(context, passOnIf: { false })
    }

    var attributeNames: [String] { ["clear", "is_set", "set", "wait"] }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "is_set": return .object(NativeFunction(name: "is_set") { _ in .bool(self.isSet) })
        case "set":
            return .object(NativeFunction(name: "set") { _ in
                self.set()
                return .none
            })
        case "clear":
            return .object(NativeFunction(name: "clear") { _ in
                self.clear()
                return .none
            })
        case "wait":
            return .object(NativeFunction(name: "wait") { _ in
                .object(Coroutine(name: "Event.wait") { context in
                    try await self.wait(context)
                    return .bool(true)
                })
            })
        default: return nil
        }
    }
}

/// `asyncio.Condition(lock=None)`: `wait()` releases the lock, waits for `notify`, and re-acquires the lock
/// (even when cancelled, re-raising the cancellation after).
final class AsyncioCondition: PyAsyncContextManager {
    let lock: AsyncioSemaphore
    private let waiters = WaiterQueue()

    init(lock: AsyncioSemaphore) { self.lock = lock }

    var pyTypeName: String { "Condition" }
    func pyRepr() -> String {
        var extra = lock.isLocked ? "locked" : "unlocked"
        if waiters.count > 0 { extra += ", waiters:\(waiters.count)" }
        return "<asyncio.locks.Condition object at \(fakeAddress(self)) [\(extra)]>"
    }

    var attributeNames: [String] { ["acquire", "locked", "notify", "notify_all", "release", "wait", "wait_for"] }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "acquire", "release", "locked": return try lock.getAttribute(name)
        case "notify":
            return .object(NativeFunction(name: "notify") { a in
                let n = try a.bind("notify", [Parameter("n", default: .int(1))])["n"]
                guard case .int(let count) = n else { throw PythonError.typeError("'<' not supported between instances of 'int' and '\(n.typeName)'") }
                try self.notify(count)
                return .none
            })
        case "notify_all":
            return .object(NativeFunction(name: "notify_all") { _ in
                try self.notify(Int.max)
                return .none
            })
        case "wait":
            return .object(NativeFunction(name: "wait") { _ in
                .object(Coroutine(name: "Condition.wait") { try await self.wait($0) })
            })
        case "wait_for":
            return .object(InterpBuiltin("wait_for") { i, a, _ in
                let predicate = try a.bind("wait_for", [Parameter("predicate")])["predicate"]
                return .object(Coroutine(name: "Condition.wait_for") { context in
                    let frame = Frame(
                        scope: i.moduleScope, context: context, file: SourceFile(name: "<condition>", source: ""),
                        function: "wait_for")
                    var result = try await i.call(predicate, Arguments(), frame)
                    while !result.isTruthy {
                        _ = try await self.wait(context)
                        result = try await i.call(predicate, Arguments(), frame)
                    }
                    return result
                })
            })
        default: return nil
        }
    }

    private func notify(_ n: Int) throws {
        guard lock.isLocked else { throw PythonError.runtimeError("cannot notify on un-acquired lock") }
        waiters.wake(upTo: n)
    }

    nonisolated(nonsending) func wait(_ context: TaskContext) async throws -> Value {
        guard lock.isLocked else { throw PythonError.runtimeError("cannot wait on un-acquired lock") }
        try lock.release()
        var failure: Error?
        do {
            try await waiters.wait(context, passOnIf: { false })
        } catch {
            failure = error
        }
        // Re-acquire whatever happened; a cancellation during it is raised after (locks.py, Condition.wait).
        var cancelled = false
        while true {
            do {
                _ = try await lock.acquire(context)
                break
            } catch let e as PythonError where e.type.isSubclass(of: .cancelledError) {
                cancelled = true
            }
        }
        if let failure { throw failure }
        if cancelled { throw PythonError(.cancelledError, "") }
        return .bool(true)
    }

    func asyncEnter() throws -> Value { try lock.asyncEnter() }
    func asyncExit(_ error: PythonError?) throws -> Value { try lock.asyncExit(error) }
}

extension ModuleObject {
    func addAsyncioEvents() {
        attributes["Event"] = .object(
            TypeObject("asyncio.Event", shortName: "Event") { _, a, _ in
                _ = try a.bind("Event.__init__", [], selfCounted: true)
                return .object(AsyncioEvent())
            })
        attributes["Condition"] = .object(
            TypeObject("asyncio.Condition", shortName: "Condition") { _, a, _ in
                let lock = try a.bind("Condition.__init__", [Parameter("lock", default: Value.none)], selfCounted: true)["lock"]
                switch lock {
                case .none: return .object(AsyncioCondition(lock: AsyncioSemaphore(value: 1, kind: .lock)))
                case .object(let l as AsyncioSemaphore): return .object(AsyncioCondition(lock: l))
                default: throw PythonError.typeError("'\(lock.typeName)' object is not a lock")
                }
            })
    }
}
