import PoolScript

/// `client.chat.completions.stream(...)` (openai 3.57.0, `openai/lib/streaming/chat/_completions.py`): a manager
/// whose `with` / `async with` sends the request with `stream=True` and yields a `ChatCompletionStream`.
///
/// Iterating the stream yields the SDK's events, built from each `ChatCompletionChunk` as `_build_events` does:
/// `ChunkEvent` for every chunk, then per choice `ContentDeltaEvent` (when the delta has content), `RefusalDeltaEvent`,
/// and `ContentDoneEvent` / `RefusalDoneEvent` when the choice gets its `finish_reason`. `text_stream` yields the
/// content deltas, `until_done()` reads to the end, and `get_final_completion()` returns the accumulated
/// `ParsedChatCompletion`. Tool-call and logprobs events are not modelled.
final class ChatCompletionStreamManager: PyObject, PyAsyncContextManager, PyContextManager {
    let client: OpenAIClientObject
    let body: Value
    let options: OpenAIRequestOptions
    private var stream: ChatCompletionStreamObject?

    init(client: OpenAIClientObject, body: Value, options: OpenAIRequestOptions) {
        self.client = client
        self.body = body
        self.options = options
    }

    var pyTypeName: String { client.isAsync ? "AsyncChatCompletionStreamManager" : "ChatCompletionStreamManager" }
    func pyRepr() -> String {
        "<openai.lib.streaming.chat._completions.\(pyTypeName) object at \(fakeAddressOf(self))>"
    }

    private func open(_ waiter: some CallWaiting) async throws -> Value {
        let raw = try await client.performStream(
            path: "/chat/completions", body: body, options: options, kind: .chatCompletions, waiter: waiter)
        guard case .object(let inner as OpenAIStreamObject) = raw else { return raw }
        let stream = ChatCompletionStreamObject(inner: inner)
        self.stream = stream
        return .object(stream)
    }

    func asyncEnter() throws -> Value {
        guard client.isAsync else {
            throw PythonError.typeError(
                "'ChatCompletionStreamManager' object does not support the asynchronous context manager protocol")
        }
        return .object(Coroutine(name: "AsyncChatCompletionStreamManager.__aenter__") { [self] context in
            try await open(Suspending(context: context))
        })
    }

    func asyncExit(_ error: PythonError?) throws -> Value {
        .object(Coroutine(name: "AsyncChatCompletionStreamManager.__aexit__") { [self] _ in
            stream?.inner.response.close()
            return .bool(false)
        })
    }

    func enter() throws -> Value {
        guard !client.isAsync else {
            throw PythonError.typeError(
                "'AsyncChatCompletionStreamManager' object does not support the context manager protocol")
        }
        return .object(BlockingCall { [self] context in try await open(Direct(context)) })
    }

    func exit(_ error: PythonError?) throws -> Bool {
        stream?.inner.response.close()
        return false
    }
}

/// `ChatCompletionStream` / `AsyncChatCompletionStream`: the events of one streamed completion, and its snapshot.
final class ChatCompletionStreamObject: PyObject, PyAsyncIterable, PyAsyncIterator, PyBlockingIterable,
    PyBlockingIterator
{
    let inner: OpenAIStreamObject
    private var pending: [Value] = []
    private var finished = false
    private let snapshot = CompletionSnapshot()

    init(inner: OpenAIStreamObject) { self.inner = inner }

    var isAsync: Bool { inner.isAsync }
    var pyTypeName: String { isAsync ? "AsyncChatCompletionStream" : "ChatCompletionStream" }
    func pyRepr() -> String { "<openai.lib.streaming.chat._completions.\(pyTypeName) object at \(fakeAddressOf(self))>" }
    var attributeNames: [String] {
        ["close", "current_completion_snapshot", "get_final_completion", "response", "until_done"]
    }

    /// The next event; nil at the end of the stream.
    nonisolated(nonsending) func nextEvent(_ context: TaskContext) async throws -> Value? {
        while pending.isEmpty {
            if finished { return nil }
            let chunk = isAsync ? try await inner.next(context) : try await inner.nextBlocking(context)
            guard let chunk else {
                finished = true
                return nil
            }
            pending = snapshot.events(for: chunk)
        }
        return pending.removeFirst()
    }

    func makeAsyncIterator() throws -> any PyAsyncIterator {
        guard isAsync else { throw PythonError.typeError("'ChatCompletionStream' object is not an async iterable") }
        return self
    }
    func makeBlockingIterator() throws -> any PyBlockingIterator {
        guard !isAsync else { throw PythonError.typeError("'AsyncChatCompletionStream' object is not iterable") }
        return self
    }
    nonisolated(nonsending) func next(_ context: TaskContext) async throws -> Value? { try await nextEvent(context) }

    /// Reads to the end of the stream.
    nonisolated(nonsending) func untilDone(_ context: TaskContext) async throws {
        while try await nextEvent(context) != nil {}
    }

    /// A method that is a coroutine on the async stream and a blocking call on the sync one.
    private func method(_ name: String, _ body: nonisolated(nonsending) @escaping (TaskContext) async throws -> Value)
        -> Value
    {
        pyMethod(pyTypeName, name) { [self] _ in
            isAsync ? .object(Coroutine(name: "\(pyTypeName).\(name)", body: body)) : .object(BlockingCall(body))
        }
    }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "response": return .object(inner.response)
        case "current_completion_snapshot": return snapshot.completion(final: false)
        case "close": return method("close") { [self] _ in
                inner.response.close()
                return .none
            }
        case "until_done": return method("until_done") { [self] context in
                try await untilDone(context)
                return .object(self)
            }
        case "get_final_completion": return method("get_final_completion") { [self] context in
                try await untilDone(context)
                return snapshot.completion(final: true)
            }
        default: return nil
        }
    }
}

/// The accumulated completion (`ChatCompletionStreamState`), and the events each chunk adds.
final class CompletionSnapshot {
    private var head: [String: Value] = [:]
    private struct ChoiceState {
        var content: Value = .none
        var refusal: Value = .none
        var role: Value = .none
        var finishReason: Value = .none
        var logprobs: Value = .none
    }
    private var choices: [Int: ChoiceState] = [:]

    private static func field(_ object: Value, _ name: String) -> Value {
        guard case .object(let o as OpenAIModelObject) = object else { return .none }
        return (try? o.getAttribute(name)) ?? .none
    }

    private static func event(_ type: String, _ fields: [(String, Value)]) -> Value {
        .object(OpenAIModelObject(typeName: type, fields: fields.map { (name: $0.0, value: $0.1) }))
    }

    func events(for chunk: Value) -> [Value] {
        for name in ["id", "created", "model", "service_tier", "system_fingerprint", "usage"] {
            let value = Self.field(chunk, name)
            if value != .none || head[name] == nil { head[name] = value }
        }
        var events: [Value] = []
        var perChoice: [Value] = []
        let list: [Value]
        if case .list(let l) = Self.field(chunk, "choices") { list = l.items } else { list = [] }
        for choice in list {
            var index = 0
            if case .int(let n) = Self.field(choice, "index") { index = n }
            let delta = Self.field(choice, "delta")
            var state = choices[index] ?? ChoiceState()
            if case .str(let role) = Self.field(delta, "role") { state.role = Value.str(role) }
            if case .str(let text) = Self.field(delta, "content") {
                state.content = Value.str((state.content.stringValue ?? "") + text)
                perChoice.append(
                    Self.event(
                        "ContentDeltaEvent",
                        [("type", .str("content.delta")), ("delta", .str(text)), ("snapshot", state.content),
                         ("parsed", .none)]))
            }
            if case .str(let text) = Self.field(delta, "refusal") {
                state.refusal = Value.str((state.refusal.stringValue ?? "") + text)
                perChoice.append(
                    Self.event(
                        "RefusalDeltaEvent",
                        [("type", .str("refusal.delta")), ("delta", .str(text)), ("snapshot", state.refusal)]))
            }
            let finish = Self.field(choice, "finish_reason")
            if finish != .none {
                state.finishReason = finish
                if state.content != .none {
                    perChoice.append(
                        Self.event(
                            "ContentDoneEvent",
                            [("type", .str("content.done")), ("content", state.content), ("parsed", .none)]))
                }
                if state.refusal != .none {
                    perChoice.append(
                        Self.event("RefusalDoneEvent", [("type", .str("refusal.done")), ("refusal", state.refusal)]))
                }
            }
            choices[index] = state
        }
        events.append(
            Self.event(
                "ChunkEvent",
                [("type", .str("chunk")), ("chunk", Self.reordered(chunk)), ("snapshot", completion(final: false))]))
        return events + perChoice
    }

    /// The chunk as the helper re-validates it (`construct_type` over the full model): every declared field, in
    /// this order, as CPython prints a `ChunkEvent`'s chunk.
    static func reordered(_ chunk: Value) -> Value {
        func rebuild(_ value: Value, _ type: String, _ names: [String], nested: [String: (Value) -> Value] = [:]) -> Value {
            guard case .object(let o as OpenAIModelObject) = value else { return value }
            var fields = names.map { name in
                let raw = o.fields.first { $0.name == name }?.value ?? .none
                return (name: name, value: nested[name].map { $0(raw) } ?? raw)
            }
            fields += o.fields.filter { !names.contains($0.name) }
            return .object(OpenAIModelObject(typeName: type, fields: fields))
        }
        let delta: (Value) -> Value = {
            rebuild($0, "ChoiceDelta", ["audio", "content", "function_call", "refusal", "role", "tool_calls"])
        }
        let choices: (Value) -> Value = { raw in
            guard case .list(let list) = raw else { return raw }
            return .list(PyList(list.items.map {
                rebuild($0, "Choice", ["delta", "index", "finish_reason", "logprobs"], nested: ["delta": delta])
            }))
        }
        return rebuild(
            chunk, "ChatCompletionChunk",
            ["id", "choices", "created", "model", "object", "moderation", "obfuscation", "service_tier",
             "system_fingerprint", "usage"],
            nested: ["choices": choices])
    }

    /// `ParsedChatCompletion[~ResponseFormatT]` (`get_final_completion()`), or the snapshot every `ChunkEvent` carries,
    /// typed `ParsedChatCompletion[object]` in CPython; fields in the SDK's order.
    func completion(final: Bool) -> Value {
        let generic = final ? "[~ResponseFormatT]" : "[object]"
        let choiceList: [Value] = choices.keys.sorted().map { index in
            let state = choices[index]!
            let message = Self.event(
                "ParsedChatCompletionMessage" + generic,
                [("content", state.content), ("refusal", state.refusal), ("role", state.role), ("annotations", .none),
                 ("audio", .none), ("function_call", .none), ("tool_calls", .none), ("parsed", .none)])
            return Self.event(
                "ParsedChoice" + generic,
                [("finish_reason", state.finishReason), ("index", .int(index)), ("logprobs", state.logprobs),
                 ("message", message)])
        }
        return Self.event(
            "ParsedChatCompletion" + generic,
            [("id", head["id"] ?? .none), ("choices", .list(PyList(choiceList))), ("created", head["created"] ?? .none),
             ("model", head["model"] ?? .none), ("object", .str("chat.completion")), ("metadata", .none),
             ("moderation", .none), ("service_tier", head["service_tier"] ?? .none),
             ("system_fingerprint", head["system_fingerprint"] ?? .none), ("usage", head["usage"] ?? .none)])
    }
}

extension Value {
    fileprivate var stringValue: String? {
        if case .str(let s) = self { return s }
        return nil
    }
}
