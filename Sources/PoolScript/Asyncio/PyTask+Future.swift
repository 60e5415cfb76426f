/// The `asyncio.Future` half of a task's API, as CPython 3.11 has it (`Lib/asyncio/futures.py`, `tasks.py`):
/// `exception()`, done-callbacks, `cancelling()` / `uncancel()`, `set_name`, `get_coro`.
extension PyTask {
    /// True when the task ended cancelled.
    var isCancelled: Bool {
        guard case .failure(let e) = result else { return false }
        return pythonError(from: e).type.isSubclass(of: .cancelledError)
    }

    /// The exception the task ended with, nil for a result; raises what `exception()` raises when there is none
    /// to give (not done: InvalidStateError; cancelled: CancelledError).
    func exceptionValue() throws -> Value {
        guard let result else { throw PythonError(.invalidStateError, "Exception is not set.") }
        switch result {
        case .success: return .none
        case .failure(let error):
            let e = freshError(error)
            if e.type.isSubclass(of: .cancelledError) { throw e }
            return .object(e.instance ?? ExceptionInstance(e))
        }
    }

    /// Adds a Python done-callback: `fn(task)` runs on the loop soon after the task finishes (at once if done).
    func addDoneCallback(_ fn: Value, _ interpreter: Interpreter) {
        if result != nil {
            interpreter.callSoon { i, f in _ = try await i.call(fn, Arguments(positional: [.object(self)]), f) }
            return
        }
        if pythonCallbacks.isEmpty {
            callbacks.append { [weak interpreter] in
                guard let interpreter else { return }
                let pending = self.pythonCallbacks
                self.pythonCallbacks = []
                for callback in pending {
                    interpreter.callSoon { i, f in
                        _ = try await i.call(callback, Arguments(positional: [.object(self)]), f)
                    }
                }
            }
        }
        pythonCallbacks.append(fn)
    }

    func futureAttribute(_ name: String) throws -> Value? {
        switch name {
        case "exception":
            return .object(NativeFunction(name: "exception") { a in
                _ = try a.bind("exception", [])
                return try self.exceptionValue()
            })
        case "add_done_callback":
            return .object(InterpBuiltin("add_done_callback") { i, a, _ in
                let b = try a.bind("add_done_callback", [Parameter("fn"), Parameter("context", kind: .keywordOnly, default: Value.none)])
                self.addDoneCallback(b["fn"], i)
                return .none
            })
        case "remove_done_callback":
            return .object(NativeFunction(name: "remove_done_callback") { a in
                let fn = try a.bind("remove_done_callback", [Parameter("fn")])["fn"]
                let before = self.pythonCallbacks.count
                self.pythonCallbacks.removeAll { $0 == fn }
                return .int(before - self.pythonCallbacks.count)
            })
        case "cancelling":
            return .object(NativeFunction(name: "cancelling") { _ in .int(self.cancelsRequested) })
        case "uncancel":
            return .object(NativeFunction(name: "uncancel") { _ in
                if self.cancelsRequested > 0 { self.cancelsRequested -= 1 }
                return .int(self.cancelsRequested)
            })
        case "set_name":
            return .object(NativeFunction(name: "set_name") { a in
                self.name = try a.bind("set_name", [Parameter("value")])["value"].str()
                return .none
            })
        case "get_coro": return .object(coroutine)
        default: return nil
        }
    }
}
