import PoolCore
import PoolEngine
import PoolScript

/// `httpx.AsyncClient` / `httpx.Client` (and the httpx2 twins, and openai's subclasses of them).
///
/// The pool follows the client's class: `stack` decides which httpcore algorithm its pool runs.
package final class HTTPClientObject: PyObject {
    let stack: HTTPStack
    let isAsync: Bool
    /// The class name Python shows: `AsyncClient`, `Client`, `AsyncHttpxClientWrapper`, `_DefaultAsyncHttpxClient`, …
    let className: String
    /// The module of that class, for `type(x)`-style reprs.
    let classModule: String
    var timeout: TimeoutObject
    let baseURLText: String
    let baseURL: URLParts?
    var headers: [(name: String, value: String)]
    let followRedirects: Bool
    package let transport: TransportObject
    private(set) var isClosed = false
    /// The last URL text resolved against ``baseURL`` and its parts: client code sends to the same URL again and
    /// again, and parsing it was a twentieth of a request's time. Only the task holding the loop's turn touches it.
    private var lastResolved: (text: String, url: URLParts)?
    /// `event_hooks=` (``EventHooks``).
    var eventHooks = try! EventHooks(.none)

    init(
        stack: HTTPStack, isAsync: Bool, className: String, classModule: String, timeout: TimeoutObject,
        baseURLText: String, headers: [(name: String, value: String)], followRedirects: Bool, transport: TransportObject
    ) {
        self.stack = stack
        self.isAsync = isAsync
        self.className = className
        self.classModule = classModule
        self.timeout = timeout
        self.baseURLText = baseURLText
        var base = URLParts.parseAbsolute(baseURLText)
        if base != nil, !(base!.target.hasSuffix("/")) { base!.target += "/" }
        self.baseURL = base
        self.headers = headers
        self.followRedirects = followRedirects
        self.transport = transport
    }

    /// The parameters of `httpx.Client.__init__` / `AsyncClient.__init__` (0.28.1): all keyword-only.
    static func parameters(_ stack: HTTPStack, defaults: [String: Value] = [:]) -> [Parameter] {
        let base: [(String, Value)] = [
            ("auth", .none), ("params", .none), ("headers", .none), ("cookies", .none), ("verify", .bool(true)),
            ("cert", .none), ("http1", .bool(true)), ("http2", .bool(false)), ("proxy", .none), ("mounts", .none),
            ("timeout", .object(TimeoutObject.defaultTimeout(stack))), ("follow_redirects", .bool(false)),
            ("limits", .object(LimitsObject.defaultLimits(stack))), ("max_redirects", .int(20)),
            ("event_hooks", .none), ("base_url", .str("")), ("transport", .none), ("trust_env", .bool(true)),
            ("default_encoding", .str("utf-8")),
        ]
        return base.map { Parameter($0.0, kind: .keywordOnly, default: defaults[$0.0] ?? $0.1) }
    }

    /// Builds a client from constructor arguments. A given `transport=` makes `limits=` ignored, as in httpx
    /// (`_client.py:718-729`).
    static func make(
        _ stack: HTTPStack, isAsync: Bool, className: String, classModule: String, arguments: Arguments,
        defaults: [String: Value] = [:], context: PlaygroundContext
    ) throws -> HTTPClientObject {
        // openai's subclasses pass `**kwargs` on, so a bad keyword names httpx's `Client.__init__()`.
        let bound = try arguments.bind(
            "\(baseClassName(isAsync)).__init__", parameters(stack, defaults: defaults), selfCounted: true)
        let timeout = try copyTimeout(stack, bound["timeout"])
        var transport: TransportObject
        if case .object(let object) = bound["transport"], let given = object as? TransportObject {
            transport = given
        } else {
            guard case .object(let object) = bound["limits"], let limits = object as? LimitsObject else {
                throw PythonError.attributeError(
                    "'\(bound["limits"].typeName)' object has no attribute 'max_connections'")
            }
            let pool = try context.makePool(
                stack: stack, isAsync: isAsync, limits: limits, http1: bound["http1"], http2: bound["http2"],
                retries: .int(0))
            transport = TransportObject(stack: stack, isAsync: isAsync, pool: pool)
        }
        var baseURLText = ""
        switch bound["base_url"] {
        case .str(let s): baseURLText = s
        case .object(let o) where o is URLObject: baseURLText = (o as! URLObject).text
        default: break
        }
        if !baseURLText.isEmpty, URLParts.parseAbsolute(baseURLText) == nil {
            throw PythonError.unsupportedProtocol(stack, url: baseURLText)
        }
        var headers: [(name: String, value: String)] = [
            ("Accept", "*/*"), ("Accept-Encoding", "gzip, deflate"), ("Connection", "keep-alive"),
            ("User-Agent", stack.module == "httpx" ? "python-httpx/0.28.1" : "python-httpx2/2.16.2"),
        ]
        if case .dict(let dict) = bound["headers"] {
            for pair in dict.pairs {
                let name = pair.key.str()
                headers.removeAll { $0.name.lowercased() == name.lowercased() }
                headers.append((name, pair.value.str()))
            }
        }
        let follow = bound["follow_redirects"].isTruthy
        let hooks = try EventHooks(bound["event_hooks"])
        let client = HTTPClientObject(
            stack: stack, isAsync: isAsync, className: className, classModule: classModule, timeout: timeout,
            baseURLText: baseURLText, headers: headers, followRedirects: follow, transport: transport)
        client.eventHooks = hooks
        return client
    }

    /// `Client` or `AsyncClient`: the httpx class that defines the methods, which CPython's TypeErrors name even on
    /// openai's subclasses (`Client.get() missing 1 required positional argument: 'url'`).
    static func baseClassName(_ isAsync: Bool) -> String { isAsync ? "AsyncClient" : "Client" }

    /// `self._timeout = Timeout(timeout)` (`httpx/_client.py`, `BaseClient.__init__`): the client keeps a copy, so
    /// `httpx.Client(timeout=t).timeout is t` is False.
    static func copyTimeout(_ stack: HTTPStack, _ value: Value) throws -> TimeoutObject {
        guard case .object(let made) = try TimeoutObject.make(stack, Arguments(positional: [value])),
            let timeout = made as? TimeoutObject
        else { throw PythonError.typeError("invalid timeout") }
        return timeout
    }

    /// httpx accepts a `Timeout`, a number, None or a tuple wherever a timeout goes.
    static func coerceTimeout(_ stack: HTTPStack, _ value: Value) throws -> TimeoutObject {
        if case .object(let object) = value, let timeout = object as? TimeoutObject { return timeout }
        guard case .object(let made) = try TimeoutObject.make(stack, Arguments(positional: [value])),
            let timeout = made as? TimeoutObject
        else { throw PythonError.typeError("invalid timeout") }
        return timeout
    }

    package var pyTypeName: String { className }
    package func pyRepr() -> String { "<\(classModule).\(className) object at \(fakeAddressOf(self))>" }
    private var methodOwner: String { Self.baseClassName(isAsync) }

    /// `client.base_url` as httpx keeps it: the text given, with a trailing slash added to a non-empty path
    /// (`_enforce_trailing_slash`, `httpx/_client.py`); `http://127.0.0.1:8000` has path `/`, so it stays as typed.
    var baseURLShown: String {
        guard let schemeEnd = baseURLText.range(of: "://") else { return baseURLText }
        let afterAuthority = baseURLText[schemeEnd.upperBound...].drop { $0 != "/" }
        return afterAuthority.isEmpty || afterAuthority.hasSuffix("/") ? baseURLText : baseURLText + "/"
    }

    /// `type(client)`: httpx's class, openai's `_DefaultHttpxClient`, or the wrapper openai makes for itself.
    func pythonClass(context: PlaygroundContext) -> PythonClass {
        switch (classModule, className) {
        case ("openai", _): OpenAIModule.defaultClientClass(isAsync: isAsync, context: context)
        case ("openai._base_client", _): OpenAIModule.wrapperClass(isAsync: isAsync, context: context)
        default: HTTPXModule.clientClass(stack, isAsync: isAsync, context: context)
        }
    }

    package var attributeNames: [String] {
        [
            "get", "post", "request", "put", "patch", "delete", "head", "options", "timeout", "base_url", "headers",
            "is_closed", "follow_redirects", "_transport", "stream", isAsync ? "aclose" : "close",
        ]
    }

    package func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "_transport": return .object(transport)
        case "timeout": return .object(timeout)
        case "base_url": return .object(URLObject(baseURLShown, module: stack.module))
        case "headers": return .object(HeadersObject(headers, module: stack.module))
        case "is_closed": return .bool(isClosed)
        case "follow_redirects": return .bool(followRedirects)
        case "event_hooks": return eventHooks.value
        case "get", "head", "options", "delete":
            return requestMethod(name.uppercased(), name: name, hasBody: false)
        case "post", "put", "patch":
            return requestMethod(name.uppercased(), name: name, hasBody: true)
        case "request", "stream":
            return pyMethod(methodOwner, name, parameters: [Parameter("method")] + Self.requestParameters(hasBody: true)) {
                [self] arguments in
                let (verb, rest) = try Self.splitMethod(arguments, "\(methodOwner).\(name)")
                return try perform(verb, name: name, arguments: rest, hasBody: true, stream: name == "stream")
            }
        case "aclose" where isAsync:
            return pyMethod(methodOwner, "aclose") { [self] _ in
                .object(
                    Coroutine(name: "\(methodOwner).aclose") { [self] context in
                        try await closeNow(context: context)
                        return .none
                    })
            }
        case "close" where !isAsync:
            return pyMethod(methodOwner, "close") { [self] _ in
                _ = try exit(nil)
                return .none
            }
        default: return nil
        }
    }

    /// Closes the pool's connections (`aclose()` and leaving an `async with` block) as httpcore's `pool.aclose()`
    /// does: in-flight requests fail with ReadError, queued ones still run; this client refuses new sends.
    func closeNow(context: TaskContext) async throws {
        isClosed = true
        transport.pool.engine.acloseConnections()
    }

    /// `request(method, url, …)` / `stream(method, url, …)`: takes `method` (by position or by name, as httpx's own
    /// `httpx.request` passes it) off the arguments; `url` stays for the request's own binding.
    static func splitMethod(_ arguments: Arguments, _ function: String) throws -> (String, Arguments) {
        var rest = arguments
        let method: Value
        if let index = rest.keywords.firstIndex(where: { $0.name == "method" }), rest.positional.isEmpty {
            method = rest.keywords.remove(at: index).value
        } else if !rest.positional.isEmpty {
            method = rest.positional.removeFirst()
        } else {
            let missingURL = !rest.keywords.contains { $0.name == "url" }
            throw PythonError.typeError(
                missingURL
                    ? "\(function)() missing 2 required positional arguments: 'method' and 'url'"
                    : "\(function)() missing 1 required positional argument: 'method'")
        }
        return (method.str().uppercased(), rest)
    }

    /// `get(url, *, params=…, headers=…, …)`; methods with a body add `content`, `data`, `files` and `json`.
    static func requestParameters(hasBody: Bool) -> [Parameter] {
        var parameters = [Parameter("url")]
        if hasBody {
            parameters += ["content", "data", "files", "json"].map { Parameter($0, kind: .keywordOnly, default: Value.none) }
        }
        parameters += ["params", "headers", "cookies", "auth", "follow_redirects", "timeout", "extensions"].map {
            Parameter($0, kind: .keywordOnly, default: Value.none)
        }
        return parameters
    }

    private func requestMethod(_ verb: String, name: String, hasBody: Bool) -> Value {
        pyMethod(methodOwner, name, parameters: Self.requestParameters(hasBody: hasBody)) { [self] arguments in
            try perform(verb, name: name, arguments: arguments, hasBody: hasBody)
        }
    }

    /// Binds the arguments of `get`/`post`/…; returns a coroutine (async client) or the response (sync client).
    private func perform(
        _ verb: String, name: String, arguments: Arguments, hasBody: Bool, stream: Bool = false
    ) throws -> Value {
        let bound = try arguments.bind("\(methodOwner).\(name)", Self.requestParameters(hasBody: hasBody), selfCounted: true)
        var body: [UInt8] = []
        var extraHeaders: [(name: String, value: String)] = []
        if hasBody {
            if bound["json"] != .none {
                body = Array(try JSON.serialize(bound["json"]).utf8)
                extraHeaders.append(("Content-Type", "application/json"))
            } else if case .str(let s) = bound["content"] {
                body = Array(s.utf8)
            } else if case .bytes(let b) = bound["content"] {
                body = b
            }
        }
        if case .dict(let dict) = bound["headers"] {
            for pair in dict.pairs { extraHeaders.append((pair.key.str(), pair.value.str())) }
        }
        let timeout = bound.isGiven("timeout") ? try Self.coerceTimeout(stack, bound["timeout"]) : self.timeout
        let urlText: String
        switch bound["url"] {
        case .str(let s): urlText = s
        case .object(let o) where o is URLObject: urlText = (o as! URLObject).text
        default: throw PythonError.typeError("Invalid type for url.  Expected str or httpx.URL, got \(bound["url"].typeName): \(bound["url"].repr())")
        }
        let build = { [self] () throws -> (PoolRequest, URLParts) in
            try makeRequest(verb, urlText: urlText, headers: extraHeaders, body: body, timeout: timeout)
        }
        let hook = try TraceHook(extensions: bound["extensions"], isAsync: isAsync, stack: stack)
        if stream {
            return .object(StreamContextObject(client: self, build: build))
        }
        if isAsync {
            return .object(
                Coroutine(name: "\(methodOwner).\(name)") { [self] context in
                    let (request, url) = try build()
                    return .object(try await send(request, url: url, waiter: Suspending(context: context), hook: hook))
                })
        }
        return .object(
            BlockingCall { [self] context in
                let (request, url) = try build()
                return .object(try await send(request, url: url, waiter: Direct(context), hook: hook))
            })
    }

    /// Resolves the URL and builds what the pool sends. Errors match httpx's for missing or unsupported schemes.
    func makeRequest(
        _ verb: String, urlText: String, headers extra: [(name: String, value: String)], body: [UInt8],
        timeout: TimeoutObject
    ) throws -> (PoolRequest, URLParts) {
        let url: URLParts
        if let last = lastResolved, last.text == urlText {
            url = last.url
        } else {
            guard let resolved = URLParts.resolve(urlText, base: baseURL) else {
                throw PythonError.unsupportedProtocol(stack, url: urlText)
            }
            url = resolved
            lastResolved = (urlText, resolved)
        }
        guard url.scheme == "http" else {
            if url.scheme == "https" { throw PythonError.tlsUnsupported(url: url.description) }
            throw PythonError.unsupportedProtocol(stack, url: url.description)
        }
        var all = headers
        for header in extra {
            all.removeAll { $0.name.lowercased() == header.name.lowercased() }
            all.append(header)
        }
        let request = PoolRequest(
            method: verb, origin: url.origin, target: url.target, headers: all, body: body,
            timeouts: try timeout.requestTimeouts())
        return (request, url)
    }

    /// Sends through the pool; the Python task gives up its turn while waiting (async clients).
    func send(_ request: PoolRequest, url: URLParts, context: TaskContext) async throws -> ResponseObject {
        try await send(request, url: url, waiter: Suspending(context: context))
    }

    /// Sends through the pool and waits, as `waiter` waits, until the response is read.
    /// With a trace `hook`, the request pauses at each trace point while the hook runs (``TraceHook``).
    func send(_ request: PoolRequest, url: URLParts, waiter: some CallWaiting, hook: TraceHook? = nil) async throws
        -> ResponseObject
    {
        if !eventHooks.request.isEmpty {
            let shown = RequestObject(method: request.method, url: url, module: stack.module)
            try await runEventHooks(eventHooks.request, with: .object(shown), waiter.context)
        }
        let trace = hook.map { _ in RequestTrace() }
        // Under a later `asyncio.run`, the request may land on a connection of a closed loop: it is then sent as a
        // stream, so that the connection can be dropped at the head (``LoopBoundConnections``).
        let loop = (waiter as? Suspending)?.context.asyncioRunID
        let pending = try submit(request, stream: transport.pool.loopBindings.mayReuseClosedLoop(loop), trace: trace)
        do {
            if let hook, let trace {
                try await hook.wait(for: pending, trace, waiter: waiter)
            } else {
                try await waiter.waitUntilFinished(pending)
            }
            try await checkLoop(pending, waiter)
            let response = ResponseObject(
                stack: stack, response: try await pending.response(), method: request.method, url: url)
            try await runEventHooks(eventHooks.response, with: .object(response), waiter.context)
            return response
        } catch let error as PoolError {
            throw stack.pythonError(for: error)
        }
    }

    /// Sends with `stream=True`: returns at the response head; the request stays active until the body is closed.
    nonisolated(nonsending) func sendStreaming(_ request: PoolRequest, url: URLParts, context: TaskContext) async throws
        -> StreamedResponseObject
    {
        try await sendStreaming(request, url: url, waiter: Suspending(context: context))
    }

    /// Sends with `stream=True` and waits, as `waiter` waits, for the response head.
    nonisolated(nonsending) func sendStreaming(_ request: PoolRequest, url: URLParts, waiter: some CallWaiting)
        async throws -> StreamedResponseObject
    {
        if !eventHooks.request.isEmpty {
            let shown = RequestObject(method: request.method, url: url, module: stack.module)
            try await runEventHooks(eventHooks.request, with: .object(shown), waiter.context)
        }
        let pending = try submit(request, stream: true)
        do {
            try await waiter.waitUntilFinished(pending)
            try await checkLoop(pending, waiter)
            let streamed = StreamedResponseObject(
                stack: stack, streamed: try await pending.streamedResponse(), method: request.method, url: url,
                isAsync: isAsync)
            try await runEventHooks(eventHooks.response, with: .object(streamed), waiter.context)
            return streamed
        } catch let error as PoolError {
            throw stack.pythonError(for: error)
        }
    }

    /// An async request served on a connection from an `asyncio.run` that has returned fails (``LoopBoundConnections``).
    private nonisolated(nonsending) func checkLoop(_ pending: PendingRequest, _ waiter: some CallWaiting) async throws {
        let pool = transport.pool
        pool.loopBindings.record(request: pending.id, loop: (waiter as? Suspending)?.context.asyncioRunID)
        guard pool.loopBindings.reusedClosedLoop(request: pending.id, pool: pool.engine) else { return }
        // Closed before its body is read, the response takes its connection down with it.
        (try? await pending.streamedResponse())?.close()
        throw PythonError.eventLoopIsClosed
    }

    private func submit(_ request: PoolRequest, stream: Bool = false, trace: RequestTrace? = nil) throws
        -> PendingRequest
    {
        guard !isClosed, !transport.pool.engine.isClosed else {
            throw PythonError(.runtimeError, "Cannot send a request, as the client has been closed.")
        }
        return transport.pool.engine.submit(request, stream: stream, trace: trace)
    }
}

extension HTTPClientObject: PyContextManager, PyAsyncContextManager {
    package func enter() throws -> Value { .object(self) }

    package func exit(_ error: PythonError?) throws -> Bool {
        isClosed = true
        transport.pool.engine.acloseConnections()
        return false
    }

    package func asyncEnter() throws -> Value { .object(Coroutine(name: "\(methodOwner).__aenter__") { [self] _ in .object(self) }) }

    package func asyncExit(_ error: PythonError?) throws -> Value {
        .object(
            Coroutine(name: "\(methodOwner).__aexit__") { [self] context in
                try await closeNow(context: context)
                return .bool(false)
            })
    }
}

/// What `client.stream(method, url)` returns: a context manager whose `__aenter__` / `__enter__` sends the request
/// and yields the streamed response, and whose exit closes it (`httpx/_client.py`, `Client.stream`).
final class StreamContextObject: PyObject, PyContextManager, PyAsyncContextManager {
    let client: HTTPClientObject
    let build: () throws -> (PoolRequest, URLParts)
    private var response: StreamedResponseObject?

    init(client: HTTPClientObject, build: @escaping () throws -> (PoolRequest, URLParts)) {
        self.client = client
        self.build = build
    }

    var pyTypeName: String { client.isAsync ? "_AsyncGeneratorContextManager" : "_GeneratorContextManager" }
    func pyRepr() -> String { "<contextlib.\(pyTypeName) object at \(fakeAddressOf(self))>" }

    func enter() throws -> Value {
        guard !client.isAsync else { throw PythonError(.attributeError, "__enter__") }
        return .object(
            BlockingCall { [self] context in
                let (request, url) = try build()
                let response = try await client.sendStreaming(request, url: url, waiter: Direct(context))
                self.response = response
                return .object(response)
            })
    }

    func exit(_ error: PythonError?) throws -> Bool {
        response?.close()
        return false
    }

    func asyncEnter() throws -> Value {
        .object(
            Coroutine(name: "\(client.className).stream.__aenter__") { [self] context in
                let (request, url) = try build()
                let response = try await client.sendStreaming(request, url: url, context: context)
                self.response = response
                return .object(response)
            })
    }

    func asyncExit(_ error: PythonError?) throws -> Value {
        .object(
            Coroutine(name: "\(client.className).stream.__aexit__") { [self] _ in
                response?.close()
                return .bool(false)
            })
    }
}
