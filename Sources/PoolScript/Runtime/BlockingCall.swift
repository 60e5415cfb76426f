/// What a sync host call returns when it must wait for I/O (a sync `httpx.Client` or `OpenAI` request): the
/// interpreter runs it at once, at the call site, holding the turn. No other task runs until it returns — a sync
/// call made from async code blocks the whole event loop, as in CPython — and no thread is parked: the wait is an
/// ordinary Swift `await`.
///
/// Hosts return it from `call`, from `PyContextManager.enter`, or from a method; the learner never sees one.
public final class BlockingCall: PyObject {
    let body: nonisolated(nonsending) (TaskContext) async throws -> Value

    /// - Parameter body: the call's work; it may await I/O directly (it holds the turn throughout).
    public init(_ body: nonisolated(nonsending) @escaping (TaskContext) async throws -> Value) {
        self.body = body
    }

    public var pyTypeName: String { "builtin_function_or_method" }

    /// For hosts composing sync calls: runs `value` if it is a ``BlockingCall`` (holding the turn, as the
    /// interpreter would), or returns it as it is.
    nonisolated(nonsending) public static func resolve(_ value: Value, _ context: TaskContext) async throws -> Value {
        guard case .object(let call as BlockingCall) = value else { return value }
        return try await call.body(context)
    }
}

/// Optional protocol: sync iteration that reads lazily and may wait for I/O between items (`for chunk in stream`
/// over a sync `openai.Stream`). The loop body runs between reads, as with a Python generator; each read holds the
/// turn, as a sync read does.
public protocol PyBlockingIterable: PyObject {
    func makeBlockingIterator() throws -> any PyBlockingIterator
}

/// The iterator of a ``PyBlockingIterable``: nil when exhausted (`StopIteration`).
public protocol PyBlockingIterator: AnyObject {
    nonisolated(nonsending) func next(_ context: TaskContext) async throws -> Value?
}

extension Interpreter {
    /// Runs a ``BlockingCall`` a host returned; any other value passes through. Ctrl-C during the call raises
    /// `KeyboardInterrupt` when it returns (the call's I/O was cancelled with the task).
    nonisolated(nonsending) func completeBlocking(_ value: Value, _ f: Frame) async throws -> Value {
        guard case .object(let call as BlockingCall) = value else { return value }
        do {
            let result = try await call.body(f.context)
            if interruptHandle.isInterrupted { throw PythonError(.keyboardInterrupt, "") }
            return result
        } catch where interruptHandle.isInterrupted {
            throw PythonError(.keyboardInterrupt, "")
        }
    }
}
