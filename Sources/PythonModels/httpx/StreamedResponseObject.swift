import PoolCore
import PoolEngine
import PoolScript

/// `httpx.Response` from `client.stream(...)`: the body stays on the connection, which stays ACTIVE in the pool,
/// until the body is read to its end or the response is closed (`httpx/_models.py`, `aiter_raw` closes at the end).
final class StreamedResponseObject: PyObject {
    let stack: HTTPStack
    let streamed: PoolStreamedResponse
    let method: String
    let url: URLParts
    let isAsync: Bool
    /// The body once `read()` / `aread()` ran.
    private(set) var content: [UInt8]?
    private(set) var isClosed = false
    private(set) var isStreamConsumed = false

    init(stack: HTTPStack, streamed: PoolStreamedResponse, method: String, url: URLParts, isAsync: Bool) {
        self.stack = stack
        self.streamed = streamed
        self.method = method
        self.url = url
        self.isAsync = isAsync
    }

    var status: Int { streamed.head.status }
    var reasonPhrase: String { HTTPStatusPhrase.phrase(status) ?? streamed.head.reason }
    var pyTypeName: String { "Response" }
    func pyRepr() -> String { "<Response [\(status) \(reasonPhrase)]>" }

    var attributeNames: [String] {
        [
            "status_code", "headers", "json", "text", "content", "http_version", "reason_phrase", "url", "is_closed",
            "is_stream_consumed", "is_success", "is_error",
        ]
            + (isAsync
                ? ["aread", "aiter_bytes", "aiter_text", "aiter_lines", "aclose"]
                : ["read", "iter_bytes", "iter_text", "iter_lines", "close"])
    }

    /// httpx's `ResponseNotRead`, `StreamClosed` and `StreamConsumed` (`httpx/_exceptions.py`).
    private func streamError(_ name: String, _ message: String) -> PythonError {
        PythonError(stack.exceptions.byName[name] ?? stack.exceptions.streamError, message)
    }

    private func requireContent() throws -> [UInt8] {
        guard let content else {
            throw streamError(
                "ResponseNotRead", "Attempted to access streaming response content, without having called `read()`.")
        }
        return content
    }

    /// Checks that the body may still be streamed, and marks it consumed.
    private func startStreaming() throws {
        if isStreamConsumed, content == nil {
            throw streamError(
                "StreamConsumed",
                "Attempted to read or stream some content, but the content has already been streamed. For requests, "
                    + "this could be due to passing a generator as request content, and then receiving a redirect "
                    + "response or a secondary request as part of an authentication flow.For responses, this could "
                    + "be due to attempting to stream the response content more than once.")
        }
        if isClosed, content == nil {
            throw streamError("StreamClosed", "Attempted to read or stream content, but the stream has been closed.")
        }
        isStreamConsumed = true
    }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "status_code": return .int(status)
        case "headers": return .object(HeadersObject(streamed.head.headers))
        case "http_version": return .str(streamed.head.httpVersion)
        case "reason_phrase": return .str(reasonPhrase)
        case "url": return .object(URLObject(url.description))
        case "is_success": return .bool((200..<300).contains(status))
        case "is_error": return .bool(status >= 400)
        case "is_closed": return .bool(isClosed)
        case "is_stream_consumed": return .bool(isStreamConsumed)
        case "content": return .bytes(try requireContent())
        case "text": return .str(String(decoding: try requireContent(), as: UTF8.self))
        case "json":
            return pyMethod("Response", "json") { [self] _ in
                let text = String(decoding: try requireContent(), as: UTF8.self)
                do {
                    return try JSON.parse(text)
                } catch let error as JSON.ParseError {
                    throw PythonError(
                        ExceptionClass(name: "JSONDecodeError", module: "json", base: .valueError), error.description)
                }
            }
        case "aread" where isAsync:
            return pyMethod("Response", "aread") { [self] _ in
                .object(Coroutine(name: "Response.aread") { [self] context in
                    .bytes(try await readAll(context))
                })
            }
        case "read" where !isAsync:
            return pyMethod("Response", "read") { [self] _ in
                .object(BlockingCall { [self] context in .bytes(try await readAll(Direct(context))) })
            }
        case "aclose" where isAsync:
            return pyMethod("Response", "aclose") { [self] _ in
                .object(Coroutine(name: "Response.aclose") { [self] _ in
                    close()
                    return .none
                })
            }
        case "close" where !isAsync:
            return pyMethod("Response", "close") { [self] _ in
                close()
                return .none
            }
        case "aiter_bytes", "aiter_text", "aiter_lines":
            guard isAsync else { return nil }
            let mode = BodyIterator.Mode(rawValue: String(name.dropFirst("aiter_".count)))!
            return pyMethod("Response", name) { [self] _ in
                try startStreaming()
                return .object(BodyIterator(response: self, mode: mode))
            }
        case "iter_bytes", "iter_text", "iter_lines":
            guard !isAsync else { return nil }
            let mode = BodyIterator.Mode(rawValue: String(name.dropFirst("iter_".count)))!
            return pyMethod("Response", name) { [self] _ in
                .object(
                    BlockingCall { [self] context in
                        let body = try await readAll(Direct(context))
                        return .list(PyList(BodyIterator.split([body], mode: mode, final: true)))
                    })
            }
        default: return nil
        }
    }

    /// Reads the rest of the body (cached), then closes: httpx's `aread()`.
    nonisolated(nonsending) func readAll(_ context: TaskContext) async throws -> [UInt8] {
        try await readAll(Suspending(context: context))
    }

    /// The whole body, waiting as `waiter` waits.
    nonisolated(nonsending) func readAll(_ waiter: some CallWaiting) async throws -> [UInt8] {
        if let content { return content }
        try startStreaming()
        let streamed = self.streamed
        do {
            return finishRead(try await waiter.wait { try await streamed.readAll() })
        } catch let error as PoolError {
            close()
            throw stack.pythonError(for: error)
        }
    }

    private func finishRead(_ body: [UInt8]) -> [UInt8] {
        content = body
        close()
        return body
    }

    /// One read for an iterator, waiting as `waiter` waits; closes the response at the end, as `aiter_raw` does.
    nonisolated(nonsending) func nextChunk(_ waiter: some CallWaiting) async throws -> [UInt8]? {
        guard !isClosed else {
            throw streamError("StreamClosed", "Attempted to read or stream content, but the stream has been closed.")
        }
        let streamed = self.streamed
        do {
            let chunk = try await waiter.wait { try await streamed.read() }
            if chunk == nil { close() }
            return chunk
        } catch let error as PoolError {
            close()
            throw stack.pythonError(for: error)
        }
    }

    /// Releases the connection (IDLE after a complete body, closed otherwise).
    func close() {
        isClosed = true
        streamed.close()
    }
}

/// The iterator `aiter_bytes()` / `aiter_text()` / `aiter_lines()` return.
final class BodyIterator: PyAsyncIterable, PyAsyncIterator {
    enum Mode: String { case bytes, text, lines }

    let response: StreamedResponseObject
    let mode: Mode
    /// True for a sync client's stream: each read holds the turn (``Direct``) instead of suspending the task.
    let blocking: Bool
    private var pending: [Value] = []
    private var text = IncrementalUTF8Decoder()
    private var lines = LineDecoder()
    private var finished = false

    init(response: StreamedResponseObject, mode: Mode, blocking: Bool = false) {
        self.response = response
        self.mode = mode
        self.blocking = blocking
    }

    var pyTypeName: String { "async_generator" }
    func pyRepr() -> String { "<async_generator object Response.aiter_\(mode.rawValue) at \(fakeAddressOf(self))>" }
    func makeAsyncIterator() throws -> any PyAsyncIterator { self }

    nonisolated(nonsending) func next(_ context: TaskContext) async throws -> Value? {
        while pending.isEmpty {
            if finished { return nil }
            let chunk = blocking
                ? try await response.nextChunk(Direct(context)) : try await response.nextChunk(Suspending(context: context))
            if let chunk {
                pending = decode(chunk)
            } else {
                finished = true
                pending = flush()
            }
        }
        return pending.removeFirst()
    }

    /// One chunk's items: as is (bytes), or decoded incrementally (text), or split into lines across chunks.
    private func decode(_ chunk: [UInt8]) -> [Value] {
        switch mode {
        case .bytes: return chunk.isEmpty ? [] : [.bytes(chunk)]
        case .text:
            let text = text.decode(chunk)
            return text.isEmpty ? [] : [.str(text)]
        case .lines: return lines.decode(text.decode(chunk)).map(Value.str)
        }
    }

    /// What the decoders still hold at the end of the body.
    private func flush() -> [Value] {
        switch mode {
        case .bytes: return []
        case .text:
            let rest = text.flush()
            return rest.isEmpty ? [] : [.str(rest)]
        case .lines: return (lines.decode(text.flush()) + lines.flush()).map(Value.str)
        }
    }

    /// Whole-body splitting for the sync `iter_*` methods and the byte/text modes.
    static func split(_ chunks: [[UInt8]], mode: Mode, final: Bool) -> [Value] {
        switch mode {
        case .bytes: return chunks.filter { !$0.isEmpty }.map { .bytes($0) }
        case .text: return chunks.filter { !$0.isEmpty }.map { .str(String(decoding: $0, as: UTF8.self)) }
        case .lines:
            var decoder = LineDecoder()
            let lines = chunks.flatMap { decoder.decode(String(decoding: $0, as: UTF8.self)) }
            return (lines + (final ? decoder.flush() : [])).map(Value.str)
        }
    }
}

/// `0x7f…` for reprs of objects in this module.
func fakeAddressOf(_ object: AnyObject) -> String {
    "0x" + String(UInt(bitPattern: ObjectIdentifier(object).hashValue), radix: 16)
}
