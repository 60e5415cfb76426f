extension TaskContext {
    /// Calls a Python callable handed to a host (httpx's `extensions={"trace": callback}`) in this task, holding the
    /// turn, and awaits the coroutine it returns when `awaitResult` is set, as `await callback(...)` would. Raises
    /// what the callable raises; a returned value that cannot be awaited raises CPython's `TypeError`.
    nonisolated(nonsending) public func callBack(_ callee: Value, _ arguments: Arguments, awaitResult: Bool)
        async throws -> Value
    {
        guard case .object(let object) = callee else {
            throw PythonError.typeError("'\(callee.typeName)' object is not callable")
        }
        var function = object as? FunctionObject
        if let method = object as? BoundMethod, case .object(let inner as FunctionObject) = method.function {
            function = inner
        }
        let result =
            if let function {
                try await interpreter.call(callee, arguments, hostFrame(function))
            } else {
                try await BlockingCall.resolve(try object.call(arguments), self)
            }
        guard awaitResult else { return result }
        guard case .object(let awaitable as PyAwaitable) = result else {
            throw PythonError.typeError("object \(result.typeName) can't be used in 'await' expression")
        }
        return try await awaitable.awaitValue(self)
    }

    /// Whether `task.cancel()` was called on this task (or the top level's stand-in) and its `CancelledError` has
    /// not been raised yet: it will be at the task's next suspension.
    public var isCancellationPending: Bool { blockedTask?.cancelRequested == true }

    /// Raises the pending cancellation now, as the task's next suspension would, and clears it (asyncio's
    /// `_must_cancel`): a host that meets the cancellation at its own suspension point raises it once.
    public func raisePendingCancellation() throws {
        try deliverPendingCancellation()
    }

    /// A frame for calling `function` from host code: the function's own module scope and file.
    private func hostFrame(_ function: FunctionObject) -> Frame {
        Frame(scope: function.closure, context: self, file: function.file, function: function.decl.name)
    }
}
