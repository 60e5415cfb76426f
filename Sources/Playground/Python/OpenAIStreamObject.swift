import PoolCore
import PoolEngine
import PoolScript

/// `openai.AsyncStream` / `openai.Stream` from `chat.completions.create(..., stream=True)` (`openai/_streaming.py`).
///
/// Iterating parses the server-sent events into `ChatCompletionChunk` objects. The response holds its connection
/// (ACTIVE in the pool) until `data: [DONE]`, where the SDK drains the body and closes the response, or until
/// `close()` / the end of an `async with` block.
final class OpenAIStreamObject: PyAsyncIterable, PyAsyncIterator, PyAsyncContextManager, PyContextManager {
    let response: StreamedResponseObject
    let isAsync: Bool
    private lazy var lines = BodyIterator(response: response, mode: .lines)
    private var done = false

    init(response: StreamedResponseObject, isAsync: Bool) {
        self.response = response
        self.isAsync = isAsync
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

    /// `for chunk in stream` (sync `Stream`): reads up to `data: [DONE]`, closes, then yields the chunks.
    ///
    /// Like openai 3.57's sync `Stream.__stream__`, it closes the response at `[DONE]` without reading the
    /// chunked terminator, so httpcore closes the connection instead of pooling it (openai-python#3440).
    func iterate() throws -> [Value] {
        guard !isAsync else { throw PythonError.typeError("'AsyncStream' object is not iterable") }
        let streamed = response.streamed
        var body: [UInt8] = []
        do {
            while !String(decoding: body, as: UTF8.self).contains("data: [DONE]") {
                guard let chunk = try blockingWait({ try await streamed.read() }) else { break }
                body += chunk
            }
        } catch let error as PoolError {
            response.close()
            throw response.stack.pythonError(for: error)
        }
        response.close()
        var chunks: [Value] = []
        for case .str(let text) in BodyIterator.split([body], mode: .lines, final: true) where text.hasPrefix("data:") {
            var data = Substring(text.dropFirst(5))
            if data.hasPrefix(" ") { data = data.dropFirst() }
            if data.hasPrefix("[DONE]") { break }
            chunks.append(Self.chunk(try JSON.parse(String(data))))
        }
        return chunks
    }

    /// The next chunk; at `[DONE]` the rest of the body is drained and the response closed (`__stream__`).
    nonisolated(nonsending) func next(_ context: TaskContext) async throws -> Value? {
        while !done {
            guard let line = try await lines.next(context) else {
                done = true
                break
            }
            guard case .str(let text) = line, text.hasPrefix("data:") else { continue }
            var data = Substring(text.dropFirst(5))
            if data.hasPrefix(" ") { data = data.dropFirst() }
            if data.hasPrefix("[DONE]") {
                while try await lines.next(context) != nil {}
                done = true
                break
            }
            return Self.chunk(try JSON.parse(String(data)))
        }
        response.close()
        return nil
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
    /// `stream=True`: one attempt (no retry loop yet), returning the stream at the response head. A status ≥ 400
    /// reads the body and raises the SDK's status error.
    func stream(path: String, body: Value, name: String) throws -> Value {
        var relative = Substring(path)
        while relative.hasPrefix("/") { relative = relative.dropFirst() }
        let urlText = (baseURL.hasSuffix("/") ? baseURL : baseURL + "/") + relative
        var headers: [(name: String, value: String)] = [
            ("Accept", "application/json"), ("User-Agent", "\(className)/Python 3.57.0"),
            ("X-Stainless-Lang", "python"), ("X-Stainless-Package-Version", "3.57.0"),
            ("x-stainless-retry-count", "0"), ("Authorization", "Bearer \(apiKey)"),
            ("Content-Type", "application/json"),
        ]
        headers += defaultHeaders
        let bytes = Array(try JSON.serialize(body).utf8)
        let (request, url) = try httpClient.makeRequest(
            "POST", urlText: urlText, headers: headers, body: bytes, timeout: timeout)
        let transportError = httpClient.stack.exceptions.transportError
        let timeoutError = httpClient.stack.exceptions.timeoutException
        let exceptions = self.exceptions
        let wrap: (PythonError) -> PythonError = { error in
            guard error.type.isSubclass(of: transportError) else { return error }
            if error.type.isSubclass(of: timeoutError) { return PythonError(exceptions.apiTimeoutError, "Request timed out.") }
            return PythonError(exceptions.apiConnectionError, "Connection error.")
        }
        let statusError: (StreamedResponseObject, [UInt8]) -> PythonError = { response, bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let message = (try? JSON.parse(text)).map { "Error code: \(response.status) - \($0.repr())" }
                ?? "Error code: \(response.status)"
            return PythonError(exceptions.statusError(response.status), message)
        }
        guard isAsync else {
            let pending = try httpClient.submitForStream(request)
            let streamed: PoolStreamedResponse
            do {
                streamed = try blockingWait { try await pending.streamedResponse() }
            } catch let error as PoolError {
                throw wrap(httpClient.stack.pythonError(for: error))
            }
            let response = StreamedResponseObject(
                stack: httpClient.stack, streamed: streamed, method: "POST", url: url, isAsync: false)
            if response.status >= 400 { throw statusError(response, try response.readAllBlocking()) }
            return .object(OpenAIStreamObject(response: response, isAsync: false))
        }
        return .object(
            Coroutine(name: name) { [self] context in
                let response: StreamedResponseObject
                do {
                    response = try await httpClient.sendStreaming(request, url: url, context: context)
                } catch let error as PythonError {
                    throw wrap(error)
                }
                if response.status >= 400 { throw statusError(response, try await response.readAll(context)) }
                return .object(OpenAIStreamObject(response: response, isAsync: true))
            })
    }
}
