/// `asyncio.Semaphore(n)`, `asyncio.BoundedSemaphore(n)` and `asyncio.Lock()`, as CPython 3.11.7's
/// `Lib/asyncio/locks.py`: `async with sem:` waits in FIFO order for a free slot.
///
/// A released slot is handed to the first waiter (the semaphore counts it taken at once), so a newcomer never
/// overtakes a woken waiter; a waiter cancelled after being woken passes its slot on. Waiters are woken through
/// the scheduler's ready queue, so which coroutine gets the next slot is deterministic, as in asyncio.
final class AsyncioSemaphore: PyAsyncContextManager {
    enum Kind { case lock, semaphore, bounded }
    private(set) var value: Int
    private let initial: Int
    private let kind: Kind
    private var lockHeld = false
    let waiters = WaiterQueue()

    init(value: Int, kind: Kind) {
        self.value = value
        self.initial = value
        self.kind = kind
    }

    convenience init(value: Int, isLock: Bool) { self.init(value: value, kind: isLock ? .lock : .semaphore) }

    var pyTypeName: String {
        switch kind {
        case .lock: "Lock"
        case .semaphore: "Semaphore"
        case .bounded: "BoundedSemaphore"
        }
    }

    /// `locked()`.
    var isLocked: Bool { kind == .lock ? lockHeld : (value == 0 || waiters.hasPending) }

    func pyRepr() -> String {
        var extra = isLocked ? "locked" : "unlocked"
        if kind != .lock && !isLocked { extra += ", value:\(value)" }
        if waiters.count > 0 { extra += ", waiters:\(waiters.count)" }
        return "<asyncio.locks.\(pyTypeName) object at \(fakeAddress(self)) [\(extra)]>"
    }

    var attributeNames: [String] { ["acquire", "locked", "release"] }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "acquire":
            return .object(NativeFunction(name: "acquire") { _ in
                .object(Coroutine(name: "\(self.pyTypeName).acquire") { try await self.acquire($0) })
            })
        case "release":
            return .object(NativeFunction(name: "release") { _ in
                try self.release()
                return .none
            })
        case "locked": return .object(NativeFunction(name: "locked") { _ in .bool(self.isLocked) })
        default: return nil
        }
    }

    nonisolated(nonsending) func acquire(_ context: TaskContext) async throws -> Value {
        if kind == .lock {
            if !lockHeld && !waiters.hasPending {
                lockHeld = true
                return .bool(true)
            }
            try await waiters.wait(context, passOnIf: { !self.lockHeld })
            lockHeld = true
            return .bool(true)
        }
        if !isLocked {
            value -= 1
            return .bool(true)
        }
        do {
            try await waiters.wait(context, passOnIf: { false })
        } catch let error as PythonError where error.type.isSubclass(of: .cancelledError) {
            // Woken (a slot was counted for this waiter) and then cancelled: give the slot back and pass it on.
            if waiters.lastCancelledWasWoken {
                value += 1
                wakeUpNext()
            }
            throw error
        }
        if value > 0 { wakeUpNext() }
        return .bool(true)
    }

    private func wakeUpNext() {
        if waiters.wakeFirstPending() { value -= 1 }
    }

    func release() throws {
        switch kind {
        case .lock:
            guard lockHeld else { throw PythonError.runtimeError("Lock is not acquired.") }
            lockHeld = false
            _ = waiters.wakeFirstPending()
        case .bounded:
            if value >= initial { throw PythonError.valueError("BoundedSemaphore released too many times") }
            fallthrough
        case .semaphore:
            value += 1
            wakeUpNext()
        }
    }

    func asyncEnter() throws -> Value {
        .object(Coroutine(name: "\(pyTypeName).__aenter__") { context in
            _ = try await self.acquire(context)
            return .none
        })
    }
    func asyncExit(_ error: PythonError?) throws -> Value {
        try release()
        return .object(Coroutine(name: "\(pyTypeName).__aexit__") { _ in .none })
    }
}

/// The futures a lock, semaphore, condition or queue keeps for its waiters, in arrival order.
final class WaiterQueue {
    final class Waiter {
        /// Set when woken (asyncio's `fut.set_result`), before the waiter runs again.
        var woken = false
        var wake: (() -> Void)?
    }
    private var items: [Waiter] = []
    /// Whether the last waiter that left by cancellation had already been woken.
    private(set) var lastCancelledWasWoken = false

    var count: Int { items.count }
    /// True when some waiter is still to be woken, or woken and not yet run (not cancelled, in asyncio's words).
    var hasPending: Bool { !items.isEmpty }

    /// Wakes the first waiter not yet woken; false when there is none.
    @discardableResult func wakeFirstPending() -> Bool {
        for waiter in items where !waiter.woken {
            waiter.woken = true
            waiter.wake?()
            return true
        }
        return false
    }

    /// Wakes up to `n` waiters not yet woken; returns how many.
    @discardableResult func wake(upTo n: Int) -> Int {
        var woken = 0
        for waiter in items where !waiter.woken && woken < n {
            waiter.woken = true
            waiter.wake?()
            woken += 1
        }
        return woken
    }

    /// Waits until woken. On cancellation the waiter leaves the queue, and if it had been woken and `passOnIf()`
    /// holds, the next waiter is woken in its place.
    nonisolated(nonsending) func wait(_ context: TaskContext, passOnIf: () -> Bool) async throws {
        let waiter = Waiter()
        items.append(waiter)
        do {
            try await context.blockCancellable { wake in waiter.wake = wake }
        } catch {
            items.removeAll { $0 === waiter }
            lastCancelledWasWoken = waiter.woken
            if waiter.woken && passOnIf() { wakeFirstPending() }
            throw error
        }
        items.removeAll { $0 === waiter }
    }
}

extension ModuleObject {
    /// Adds `Semaphore`, `BoundedSemaphore` and `Lock` to an asyncio module.
    func addAsyncioLocks() {
        for (name, kind) in [("Semaphore", AsyncioSemaphore.Kind.semaphore), ("BoundedSemaphore", .bounded)] {
            attributes[name] = .object(
                TypeObject("asyncio.\(name)", shortName: name) { _, a, _ in
                    let b = try a.bind("\(name).__init__", [Parameter("value", default: .int(1))], selfCounted: true)
                    guard case .int(let n) = b["value"], n >= 0 else {
                        throw PythonError.valueError("Semaphore initial value must be >= 0")
                    }
                    return .object(AsyncioSemaphore(value: n, kind: kind))
                })
        }
        attributes["Lock"] = .object(
            TypeObject("asyncio.Lock", shortName: "Lock") { _, a, _ in
                _ = try a.bind("Lock.__init__", [], selfCounted: true)
                return .object(AsyncioSemaphore(value: 1, kind: .lock))
            })
    }
}
