import PoolEngine
import PoolScript
import Synchronization

/// httpcore's request extension `{"trace": callback}` (`httpcore/_trace.py`): `callback(event_name, info)` at each
/// trace point of the request, in the requesting task. For an async client the callback is `async def` and awaited
/// there (`await self.trace(name, info)`); for a sync client it is called.
///
/// The request waits at each point (``RequestTrace``) until the callback has returned, so `asyncio.current_task()
/// .cancel()` inside it meets the request in the state CPython's does: the cancellation lands at the request's next
/// suspension (``PoolEngine/ConnectionPool`` applies where that is). A callback that raises (a `CancelledError` too,
/// when it awaited after cancelling) ends the request at the trace point itself, and its exception propagates.
/// Requests without a callback never pause.
struct TraceHook {
    let callback: Value
    let isAsync: Bool
    let stack: HTTPStack

    /// The hook of `extensions`, if it has a `"trace"` entry other than None.
    init?(extensions: Value, isAsync: Bool, stack: HTTPStack) throws {
        guard case .dict(let dict) = extensions else {
            if case .none = extensions { return nil }
            throw PythonError.typeError("'\(extensions.typeName)' object is not a mapping")
        }
        guard let callback = dict[.str("trace")] else { return nil }
        if case .none = callback { return nil }
        self.callback = callback
        self.isAsync = isAsync
        self.stack = stack
    }

    /// Waits for `pending` as `waiter` waits (``CallWaiting``), running the callback at every trace point on the way.
    nonisolated(nonsending) func wait(for pending: PendingRequest, _ trace: RequestTrace, waiter: some CallWaiting)
        async throws
    {
        if let direct = waiter as? Direct {
            try await wait(for: pending, trace, context: direct.context, blocks: !direct.context.isGreenThread)
        } else if let suspending = waiter as? Suspending {
            try await wait(for: pending, trace, context: suspending.context, blocks: false)
        } else {
            try await waiter.waitUntilFinished(pending)
        }
    }

    /// Waits for `pending` as `context`'s task does, running the callback at every trace point on the way.
    ///
    /// - Parameter blocks: a sync client outside a green thread: the whole loop waits, and the callback runs in it.
    nonisolated(nonsending) func wait(
        for pending: PendingRequest, _ trace: RequestTrace, context: TaskContext, blocks: Bool
    ) async throws {
        while true {
            if blocks {
                await Self.pausedOrFinished(pending, trace)
            } else {
                try await context.awaitHost(
                    { wake in
                        pending.whenFinished(wake)
                        trace.whenPaused(wake)
                    },
                    cancel: { if !trace.cancel() { pending.cancel() } })
            }
            guard let event = trace.pausedEvent else { return }
            let arguments = Arguments(positional: [.str(event.point.name), .dict(PyDict(event.info.map(pair)))])
            do {
                _ = try await context.callBack(callback, arguments, awaitResult: isAsync)
            } catch {
                trace.failed()
                try await settle(pending, context: context, blocks: blocks)
                throw error
            }
            if !blocks && context.isCancellationPending {
                // CancelledError is raised at the request's next suspension; the pool applies what that leaves
                // before the task sees it.
                trace.cancel()
                try await settle(pending, context: context, blocks: blocks)
                try context.raisePendingCancellation()
                throw stack.pythonError(for: .cancelled)  // delivered already (settle met it): raise it all the same
            }
            trace.resume()
        }
    }

    /// Waits until the pool has finished `pending`, whatever the task's cancellation says meanwhile.
    private nonisolated(nonsending) func settle(_ pending: PendingRequest, context: TaskContext, blocks: Bool)
        async throws
    {
        if blocks { return await Self.pausedOrFinished(pending, nil) }
        try await context.suspend { await Self.pausedOrFinished(pending, nil) }
    }

    /// Returns once the request is finished or (with a trace) paused at a trace point.
    private static func pausedOrFinished(_ pending: PendingRequest, _ trace: RequestTrace?) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = Mutex<CheckedContinuation<Void, Never>?>(continuation)
            let resume: @Sendable () -> Void = { once.withLock { $0.take() }?.resume() }
            pending.whenFinished(resume)
            trace?.whenPaused(resume)
        }
    }

    /// One `info` entry as Python values.
    private func pair(_ entry: (key: String, value: RequestTrace.Value)) -> (Value, Value) {
        (.str(entry.key), value(entry.value))
    }

    private func value(_ value: RequestTrace.Value) -> Value {
        switch value {
        case .none: .none
        case .string(let text): .str(text)
        case .int(let number): .int(number)
        case .double(let number): .float(number)
        case .request(let method): .object(TraceOpaqueObject(typeName: "Request", repr: "<Request [b'\(method)']>"))
        case .networkStream:
            .object(TraceOpaqueObject(typeName: "AnyIOStream", module: "\(stack.coreModule)._backends.anyio"))
        case .responseHead(let head):
            .tuple([
                .bytes(Array(head.httpVersion.utf8)), .int(head.status), .bytes(Array(head.reason.utf8)),
                .list(PyList(head.headers.map { .tuple([.bytes(Array($0.name.utf8)), .bytes(Array($0.value.utf8))]) })),
            ])
        }
    }
}

/// An httpcore object a trace callback receives but PoolPlay does not model (the `Request`, the network stream):
/// only its repr.
final class TraceOpaqueObject: PyObject {
    let typeName: String
    private let fixedRepr: String?
    private let module: String?

    init(typeName: String, repr: String? = nil, module: String? = nil) {
        self.typeName = typeName
        self.fixedRepr = repr
        self.module = module
    }

    var pyTypeName: String { typeName }
    func pyRepr() -> String {
        fixedRepr ?? "<\(module.map { $0 + "." } ?? "")\(typeName) object at \(fakeAddressOf(self))>"
    }
}

extension HTTPStack {
    /// The httpcore module under this stack: `httpcore` or `httpcore2`.
    var coreModule: String {
        switch algorithm {
        case .httpcore1: "httpcore"
        case .httpcore2: "httpcore2"
        }
    }
}
