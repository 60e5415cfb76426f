import PoolScript

/// `httpx.get`, `httpx.post`, …, `httpx.request` and `httpx.stream` (and httpx2's), as `httpx/_api.py` (0.28.1)
/// writes them: each call opens `with Client(cookies=…, proxy=…, verify=…, timeout=…, trust_env=…) as client:`,
/// sends through it and closes it. So every call builds a pool of its own with the default limits, opens a
/// connection, and closes it on the way out: the pool panel and the ledger see one fresh pool per call, as the
/// real library would make.
enum HTTPXModuleFunctions {
    /// The functions, by name, for the module's attributes.
    static func all(_ stack: HTTPStack, context: PlaygroundContext) -> [String: Value] {
        var functions: [String: Value] = [:]
        for verb in ["get", "options", "head", "delete"] {
            functions[verb] = verbFunction(stack, verb, hasBody: false, context: context)
        }
        for verb in ["post", "put", "patch"] {
            functions[verb] = verbFunction(stack, verb, hasBody: true, context: context)
        }
        let requestParameters = [Parameter("method")] + parameters(stack, hasBody: true)
        functions["request"] = .object(
            PythonFunction(name: "request", module: stack.module, parameters: requestParameters) { arguments in
                let bound = try arguments.bind("request", requestParameters)
                return try withTemporaryClient(stack, bound, context: context) { client in
                    try send(client, method: bound["method"], bound)
                }
            })
        functions["stream"] = .object(
            PythonFunction(name: "stream", module: stack.module, parameters: requestParameters) { arguments in
                let bound = try arguments.bind("stream", requestParameters)
                return .object(ModuleStreamContext(stack: stack, bound: bound, context: context))
            })
        return functions
    }

    /// `get(url, *, params=None, headers=None, cookies=None, auth=None, proxy=None, follow_redirects=False,
    /// verify=True, timeout=DEFAULT_TIMEOUT_CONFIG, trust_env=True)`; `post`/`put`/`patch` add the body arguments.
    static func parameters(_ stack: HTTPStack, hasBody: Bool) -> [Parameter] {
        var names: [(String, Value)] = []
        if hasBody { names += [("content", .none), ("data", .none), ("files", .none), ("json", .none)] }
        names += [
            ("params", .none), ("headers", .none), ("cookies", .none), ("auth", .none), ("proxy", .none),
            ("follow_redirects", .bool(false)), ("verify", .bool(true)),
            ("timeout", .object(TimeoutObject.defaultTimeout(stack))), ("trust_env", .bool(true)),
        ]
        return [Parameter("url")] + names.map { Parameter($0.0, kind: .keywordOnly, default: $0.1) }
    }

    private static func verbFunction(_ stack: HTTPStack, _ verb: String, hasBody: Bool, context: PlaygroundContext)
        -> Value
    {
        let signature = parameters(stack, hasBody: hasBody)
        return .object(
            PythonFunction(name: verb, module: stack.module, parameters: signature) { arguments in
                let bound = try arguments.bind(verb, signature)
                return try withTemporaryClient(stack, bound, context: context) { client in
                    try send(client, method: .str(verb.uppercased()), bound)
                }
            })
    }

    /// `Client(cookies=cookies, proxy=proxy, verify=verify, timeout=timeout, trust_env=trust_env)`.
    static func temporaryClient(_ stack: HTTPStack, _ bound: BoundArguments, context: PlaygroundContext) throws
        -> HTTPClientObject
    {
        let keywords = ["cookies", "proxy", "verify", "timeout", "trust_env"].map { (name: $0, value: bound[$0]) }
        return try HTTPClientObject.make(
            stack, isAsync: false, className: "Client", classModule: stack.module,
            arguments: Arguments(keywords: keywords), context: context)
    }

    /// Runs `body` inside `with Client(...) as client:`: the client is closed however the body ends. The call blocks
    /// as the client's own sync call does (a `BlockingCall` the interpreter runs at the call site).
    private static func withTemporaryClient(
        _ stack: HTTPStack, _ bound: BoundArguments, context: PlaygroundContext,
        _ body: @escaping (HTTPClientObject) throws -> Value
    ) throws -> Value {
        let client = try temporaryClient(stack, bound, context: context)
        return .object(
            BlockingCall { taskContext in
                let result: Value
                do {
                    result = try await BlockingCall.resolve(try body(client), taskContext)
                } catch let error as PythonError {
                    _ = try client.exit(error)
                    throw error
                }
                _ = try client.exit(nil)
                return result
            })
    }

    /// The keywords `httpx.request` passes on to `client.request` / `client.stream`, skipping those left at None.
    static func forwardedKeywords(_ bound: BoundArguments) -> [(name: String, value: Value)] {
        ["content", "data", "files", "json", "params", "headers", "auth", "follow_redirects"].compactMap { name in
            bound.isGiven(name) ? (name: name, value: bound[name]) : nil
        }
    }

    /// `client.request(method, url, …)` through the client's own (sync) send path.
    private static func send(_ client: HTTPClientObject, method: Value, _ bound: BoundArguments) throws -> Value {
        guard let request = try client.getAttribute("request") else { return .none }
        return try request.callAsObject(
            Arguments(positional: [method, bound["url"]], keywords: forwardedKeywords(bound)))
    }
}

extension Value {
    /// Calls a callable host object (a bound method from `getAttribute`).
    fileprivate func callAsObject(_ arguments: Arguments) throws -> Value {
        guard case .object(let callable) = self else { throw PythonError.typeError("'\(typeName)' object is not callable") }
        return try callable.call(arguments)
    }
}

/// What `httpx.stream(method, url)` returns: `contextlib.contextmanager` around `with Client(...) as client:
/// with client.stream(...) as response: yield response`. Entering sends the request on a fresh client; leaving
/// closes the response, then the client.
final class ModuleStreamContext: PyObject, PyContextManager {
    let stack: HTTPStack
    let bound: BoundArguments
    let context: PlaygroundContext
    private var client: HTTPClientObject?
    private var inner: StreamContextObject?

    init(stack: HTTPStack, bound: BoundArguments, context: PlaygroundContext) {
        self.stack = stack
        self.bound = bound
        self.context = context
    }

    var pyTypeName: String { "_GeneratorContextManager" }
    func pyRepr() -> String { "<contextlib._GeneratorContextManager object at \(fakeAddressOf(self))>" }

    func enter() throws -> Value {
        let client = try HTTPXModuleFunctions.temporaryClient(stack, bound, context: context)
        self.client = client
        return .object(
            BlockingCall { [self] taskContext in
                do {
                    guard case .object(let object)? = try client.getAttribute("stream"),
                        case .object(let made) = try object.call(
                            Arguments(
                                positional: [bound["method"], bound["url"]],
                                keywords: HTTPXModuleFunctions.forwardedKeywords(bound))),
                        let inner = made as? StreamContextObject
                    else { throw PythonError(.runtimeError, "generator didn't yield") }
                    self.inner = inner
                    return try await BlockingCall.resolve(try inner.enter(), taskContext)
                } catch let error as PythonError {
                    _ = try client.exit(error)
                    throw error
                }
            })
    }

    func exit(_ error: PythonError?) throws -> Bool {
        defer { _ = try? client?.exit(error) }
        _ = try inner?.exit(error)
        return false
    }
}
