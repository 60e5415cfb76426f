import PoolCore
import PoolEngine
import PoolScript

/// `openai.AsyncStream` / `openai.Stream` from `chat.completions.create(..., stream=True)` (`openai/_streaming.py`).
///
/// Iterating parses the server-sent events into `ChatCompletionChunk` objects. The response holds its connection
/// (ACTIVE in the pool) until `data: [DONE]`, where the SDK drains the body and closes the response, or until
/// `close()` / the end of an `async with` block.
final class OpenAIStreamObject: PyAsyncIterable, PyAsyncIterator, PyBlockingIterable, PyAsyncContextManager,
    PyContextManager
{
    let response: StreamedResponseObject
    let isAsync: Bool
    /// Which API's events the stream carries.
    let kind: Kind
    private lazy var lines = BodyIterator(response: response, mode: .lines)
    private lazy var syncLines = BodyIterator(response: response, mode: .lines, blocking: true)
    private var done = false

    /// What the stream's `data:` objects are.
    enum Kind {
        /// `chat.completions.create(stream=True)`: `ChatCompletionChunk`s, ended by `data: [DONE]`.
        case chatCompletions
        /// `responses.create(stream=True)`: typed `Response…Event`s, ended by the end of the body.
        case responses

        func item(_ json: Value) -> Value {
            switch self {
            case .chatCompletions: OpenAIStreamObject.chunk(json)
            case .responses: ResponseEvents.make(json)
            }
        }
    }

    init(response: StreamedResponseObject, isAsync: Bool, kind: Kind = .chatCompletions) {
        self.response = response
        self.isAsync = isAsync
        self.kind = kind
    }

    var pyTypeName: String { isAsync ? "AsyncStream" : "Stream" }
    func pyRepr() -> String { "<openai.\(pyTypeName) object at \(fakeAddressOf(self))>" }
    var attributeNames: [String] { ["response", "close"] }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "response": return .object(response)
        case "close":
            return pyMethod(pyTypeName, "close") { [self] _ in
                guard isAsync else {
                    response.close()
                    return .none
                }
                return .object(Coroutine(name: "\(pyTypeName).close") { [self] _ in
                    response.close()
                    return .none
                })
            }
        default: return nil
        }
    }

    func makeAsyncIterator() throws -> any PyAsyncIterator { self }

    /// `for chunk in stream` (sync `Stream`): lazily, one chunk per read, the loop body running in between.
    func makeBlockingIterator() throws -> any PyBlockingIterator {
        guard !isAsync else { throw PythonError.typeError("'AsyncStream' object is not iterable") }
        return SyncStreamIterator(stream: self)
    }

    /// The next chunk of a sync `Stream`, each read holding the turn.
    ///
    /// Like openai 3.57's sync `Stream.__stream__`, it closes the response at `[DONE]` without reading the
    /// chunked terminator, so httpcore closes the connection instead of pooling it (openai-python#3440).
    nonisolated(nonsending) func nextBlocking(_ context: TaskContext) async throws -> Value? {
        while !done {
            guard let line = try await syncLines.next(context) else {
                done = true
                break
            }
            guard let data = Self.data(of: line) else { continue }
            if data.hasPrefix("[DONE]") {
                done = true
                break
            }
            return kind.item(try JSON.parse(String(data)))
        }
        response.close()
        return nil
    }

    /// The payload of a server-sent `data:` line; nil for any other line.
    static func data(of line: Value) -> Substring? {
        guard case .str(let text) = line, text.hasPrefix("data:") else { return nil }
        let data = Substring(text.dropFirst(5))
        return data.hasPrefix(" ") ? data.dropFirst() : data
    }

    /// The next chunk; at `[DONE]` the rest of the body is drained and the response closed (`__stream__`).
    nonisolated(nonsending) func next(_ context: TaskContext) async throws -> Value? {
        while !done {
            guard let line = try await lines.next(context) else {
                done = true
                break
            }
            guard let data = Self.data(of: line) else { continue }
            if data.hasPrefix("[DONE]") {
                try await Self.drain(response.streamed, context: context)
                done = true
                break
            }
            return kind.item(try JSON.parse(String(data)))
        }
        response.close()
        return nil
    }

    /// How long openai 3.57 keeps reading after `[DONE]` (`_streaming_cleanup.py`, `_DRAIN_TIMEOUT`).
    static let drainTimeout: Duration = .milliseconds(100)

    /// `drain_response_async`: reads what is left of the body for at most ``drainTimeout``, so an HTTP/1.1
    /// connection can go back to the pool. A tail that takes longer (a server that holds the body open after
    /// `[DONE]`) is cut off: the unread body closes the connection instead.
    nonisolated(nonsending) static func drain(_ streamed: PoolStreamedResponse, context: TaskContext) async throws {
        try await context.suspend {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { while (try? await streamed.read()) != nil {} }
                group.addTask { try? await Task.sleep(for: drainTimeout) }
                await group.next()
                group.cancelAll()
            }
        }
    }

    /// A `ChatCompletionChunk` with pydantic's field order.
    static func chunk(_ value: Value) -> Value {
        guard case .dict(let dict) = value else { return value }
        func object(_ type: String, _ names: [String], _ from: PyDict, nested: [String: (Value) -> Value] = [:]) -> Value {
            var fields: [(name: String, value: Value)] = names.map { name in
                let raw = from[.str(name)] ?? .none
                return (name, nested[name].map { $0(raw) } ?? raw)
            }
            for pair in from.pairs {
                if case .str(let key) = pair.key, !names.contains(key) { fields.append((key, pair.value)) }
            }
            return .object(OpenAIModelObject(typeName: type, fields: fields))
        }
        let delta: (Value) -> Value = { raw in
            guard case .dict(let d) = raw else { return raw }
            return object("ChoiceDelta", ["content", "function_call", "refusal", "role", "tool_calls"], d)
        }
        let choices: (Value) -> Value = { raw in
            guard case .list(let list) = raw else { return raw }
            return .list(PyList(list.items.map { item in
                guard case .dict(let c) = item else { return item }
                return object("Choice", ["delta", "finish_reason", "index", "logprobs"], c, nested: ["delta": delta])
            }))
        }
        let usage: (Value) -> Value = { raw in
            if case .none = raw { return raw }
            return OpenAISchema.build("CompletionUsage", from: raw)
        }
        return object(
            "ChatCompletionChunk",
            ["id", "choices", "created", "model", "object", "service_tier", "system_fingerprint", "usage"], dict,
            nested: ["choices": choices, "usage": usage])
    }

    func asyncEnter() throws -> Value {
        .object(Coroutine(name: "AsyncStream.__aenter__") { [self] _ in .object(self) })
    }

    func asyncExit(_ error: PythonError?) throws -> Value {
        .object(Coroutine(name: "AsyncStream.__aexit__") { [self] _ in
            response.close()
            return .bool(false)
        })
    }

    func enter() throws -> Value { .object(self) }

    func exit(_ error: PythonError?) throws -> Bool {
        response.close()
        return false
    }
}

extension OpenAIClientObject {
    /// `stream=True`: the SDK's retry loop up to the response head, then the stream. Transport errors and retryable
    /// statuses (read in full) are retried exactly as for a plain call (``decide(_:retriesTaken:)``); once a 2xx head
    /// arrives the stream is handed over and nothing more is retried, as in `_base_client.py`.
    func stream(
        path: String, body: Value, name: String, options: OpenAIRequestOptions = .init(),
        kind: OpenAIStreamObject.Kind = .chatCompletions
    ) throws -> Value {
        guard isAsync else {
            return .object(
                BlockingCall { [self] context in
                    try await performStream(path: path, body: body, options: options, kind: kind, waiter: Direct(context))
                })
        }
        return .object(
            Coroutine(name: name) { [self] context in
                try await performStream(
                    path: path, body: body, options: options, kind: kind, waiter: Suspending(context: context))
            })
    }

    func performStream(
        path: String, body: Value, options: OpenAIRequestOptions, kind: OpenAIStreamObject.Kind,
        waiter: some CallWaiting
    ) async throws -> Value {
        try await retrying(waiter) { retriesTaken in
            let (request, url) = try attempt(
                "POST", path: path, body: body, options: options, retriesTaken: retriesTaken)
            let response = try await httpClient.sendStreaming(request, url: url, waiter: waiter)
            if response.status < 400 {
                return .done(.object(OpenAIStreamObject(response: response, isAsync: isAsync, kind: kind)))
            }
            return .errorResponse(errorResponse(response, body: try await response.readAll(waiter), url: url))
        }
    }

    /// An error answer read to its end, as the plain-call path sees it, so retries and error texts are shared.
    private func errorResponse(_ response: StreamedResponseObject, body: [UInt8], url: URLParts) -> ResponseObject {
        let head = response.streamed.head
        return ResponseObject(
            stack: httpClient.stack,
            response: PoolResponse(
                status: head.status, reason: head.reason, httpVersion: head.httpVersion, headers: head.headers,
                body: body, keepAlive: false),
            method: "POST", url: url)
    }
}

/// The iterator of `for chunk in stream` over a sync `Stream`.
final class SyncStreamIterator: PyBlockingIterator {
    let stream: OpenAIStreamObject

    init(stream: OpenAIStreamObject) {
        self.stream = stream
    }

    nonisolated(nonsending) func next(_ context: TaskContext) async throws -> Value? {
        try await stream.nextBlocking(context)
    }
}
