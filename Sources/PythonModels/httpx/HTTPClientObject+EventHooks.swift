import PoolScript

/// httpx's `event_hooks={"request": [...], "response": [...]}` (`httpx/_client.py`, `_send_handling_redirects`):
/// every request hook is called with the request just before it is sent, every response hook with the response
/// once its head is in, before the body is read (a hook may `raise_for_status()`). An `AsyncClient` awaits each
/// hook, so a plain function there fails as in httpx (`object NoneType can't be used in 'await' expression`). An
/// exception from a hook propagates to the caller.
struct EventHooks {
    var request: [Value] = []
    var response: [Value] = []

    /// `BaseClient.__init__`: `None` is no hooks; a dict's "request" and "response" lists are copied.
    init(_ value: Value) throws {
        guard case .dict(let dict) = value else {
            if case .none = value { return }
            throw PythonError.attributeError("'\(value.typeName)' object has no attribute 'get'")
        }
        for pair in dict.pairs {
            guard case .str(let key) = pair.key, key == "request" || key == "response" else { continue }
            guard case .list(let list) = pair.value else {
                throw PythonError.typeError("'\(pair.value.typeName)' object is not iterable")
            }
            if key == "request" { request = list.items } else { response = list.items }
        }
    }

    /// `client.event_hooks`: `{'request': [...], 'response': [...]}`.
    var value: Value {
        .dict(PyDict([(.str("request"), .list(PyList(request))), (.str("response"), .list(PyList(response)))]))
    }
}

extension HTTPClientObject {
    /// Calls the `kind` hooks ("request" or "response") with `argument`, in order, in the calling task.
    nonisolated(nonsending) func runEventHooks(_ hooks: [Value], with argument: Value, _ context: TaskContext)
        async throws
    {
        for hook in hooks {
            _ = try await context.callBack(hook, Arguments(positional: [argument]), awaitResult: isAsync)
        }
    }
}
