import PoolScript

/// Builds the `openai` module (openai 3.57.0).
package enum OpenAIModule {
    package static func make(context: PlaygroundContext) -> ModuleObject {
        let exceptions = context.classes.openAIExceptions
        let openAI = Value.object(clientClass(isAsync: false, context: context))
        let asyncOpenAI = Value.object(clientClass(isAsync: true, context: context))
        var attributes: [String: Value] = [
            "OpenAI": openAI, "Client": openAI,
            "AsyncOpenAI": asyncOpenAI, "AsyncClient": asyncOpenAI,
            "DefaultHttpxClient": .object(defaultClientClass(isAsync: false, context: context)),
            "DefaultAsyncHttpxClient": .object(defaultClientClass(isAsync: true, context: context)),
            "DefaultHttpx2Client": defaultHttpx2Function("DefaultHttpx2Client", isAsync: false, context: context),
            "DefaultAsyncHttpx2Client": defaultHttpx2Function("DefaultAsyncHttpx2Client", isAsync: true, context: context),
            "Timeout": .object(TimeoutObject.pythonClass(.httpx2, context: context)),
            "DEFAULT_MAX_RETRIES": .int(2),
            "DEFAULT_TIMEOUT": .object(context.classes.openAIDefaultTimeout),
            "DEFAULT_CONNECTION_LIMITS": .object(openAILimits),
            "__version__": .str("3.57.0"),
        ]
        for exception in exceptions.all { attributes[exception.name] = .object(exception) }
        return ModuleObject(name: "openai", attributes: attributes)
    }

    /// What running `import openai` does to other modules: its `__init__.py` sets `__module__ = "openai"` on the
    /// names in its `__all__`, which include httpx2's `Timeout` (see ``ClassRegistry``).
    package static func didImport(context: PlaygroundContext) {
        context.classes.rewriteModulesForOpenAI(context: context)
    }

    /// `DEFAULT_CONNECTION_LIMITS = Limits(max_connections=1000, max_keepalive_connections=100)`.
    static var openAILimits: LimitsObject {
        LimitsObject(stack: .httpx2, maxConnections: .int(1000), maxKeepaliveConnections: .int(100), keepaliveExpiry: .float(5))
    }

    /// openai's defaults for its own client classes (`_DefaultHttpxClient.__init__`, `_base_client.py:970-987`).
    static var defaultClientDefaults: [String: Value] {
        [
            "timeout": .object(TimeoutObject.openAIDefault(.httpx2)), "limits": .object(openAILimits),
            "follow_redirects": .bool(true),
        ]
    }

    /// `DefaultHttpxClient` / `DefaultAsyncHttpxClient`: in openai 3.57 the classes `_DefaultHttpxClient` /
    /// `_DefaultAsyncHttpxClient`, subclasses of `httpx2.Client` / `httpx2.AsyncClient` (so their pool is httpcore2's)
    /// whose `__init__(self, **kwargs)` fills in openai's defaults and calls httpx2's: a positional argument names
    /// the subclass, a bad keyword names `Client.__init__()`.
    static func defaultClientClass(isAsync: Bool, context: PlaygroundContext) -> PythonClass {
        clientSubclass(
            isAsync ? "_DefaultAsyncHttpxClient" : "_DefaultHttpxClient", module: "openai", isAsync: isAsync,
            context: context
        ) { $0.classModule.hasPrefix("openai") }
        .derived(from: HTTPXModule.clientClass(.httpx2, isAsync: isAsync, context: context))
    }

    /// `SyncHttpxClientWrapper` / `AsyncHttpxClientWrapper` (`openai/_base_client.py`): what `OpenAI()` makes for
    /// itself when no `http_client=` is given, a subclass of `_DefaultHttpxClient` that closes itself on `__del__`.
    static func wrapperClass(isAsync: Bool, context: PlaygroundContext) -> PythonClass {
        let name = isAsync ? "AsyncHttpxClientWrapper" : "SyncHttpxClientWrapper"
        return clientSubclass(name, module: "openai._base_client", isAsync: isAsync, context: context) {
            $0.className == name
        }
        .derived(from: defaultClientClass(isAsync: isAsync, context: context))
    }

    /// One of openai's subclasses of httpx2's clients, made once per session; `isMember` tells its instances.
    private static func clientSubclass(
        _ name: String, module: String, isAsync: Bool, context: PlaygroundContext,
        isMember: @escaping (HTTPClientObject) -> Bool
    ) -> PythonClass {
        context.classes.named("\(module).\(name)") {
            let initOwner = isAsync ? "_DefaultAsyncHttpxClient" : "_DefaultHttpxClient"
            let cls = PythonClass(
                name: name, module: module, parameters: HTTPClientObject.parameters(.httpx2, defaults: defaultClientDefaults)
            ) { arguments in
                if !arguments.positional.isEmpty {
                    throw PythonError.typeError(
                        "\(initOwner).__init__() takes 1 positional argument but \(arguments.positional.count + 1) were given")
                }
                return .object(
                    try HTTPClientObject.make(
                        .httpx2, isAsync: isAsync, className: name, classModule: module, arguments: arguments,
                        defaults: defaultClientDefaults, context: context))
            }
            cls.instanceCheck = { value in
                guard case .object(let object) = value, let client = object as? HTTPClientObject else { return false }
                return client.isAsync == isAsync && isMember(client)
            }
            return cls
        }
    }

    /// `DefaultHttpx2Client(**kwargs)`: in openai 3.57 a function that returns a plain `httpx2.Client` with openai's
    /// defaults (`_set_httpx2_defaults`).
    static func defaultHttpx2Function(_ name: String, isAsync: Bool, context: PlaygroundContext) -> Value {
        let parameters = HTTPClientObject.parameters(.httpx2, defaults: defaultClientDefaults)
        return .object(
            PythonFunction(name: name, module: "openai", parameters: parameters) { arguments in
                if !arguments.positional.isEmpty {
                    let count = arguments.positional.count
                    throw PythonError.typeError(
                        "\(name)() takes 0 positional arguments but \(count) \(count == 1 ? "was" : "were") given")
                }
                let baseName = HTTPClientObject.baseClassName(isAsync)
                return .object(
                    try HTTPClientObject.make(
                        .httpx2, isAsync: isAsync, className: baseName, classModule: "httpx2", arguments: arguments,
                        defaults: defaultClientDefaults, context: context))
            })
    }

    static var constructorParameters: [Parameter] {
        [
        // `OpenAI.__init__` in openai 3.57.0, in order.
        ("api_key", Value.none), ("admin_api_key", .none), ("workload_identity", .none), ("organization", .none),
        ("project", .none), ("webhook_secret", .none), ("provider", .none), ("base_url", .none),
        ("data_residency", .none), ("websocket_base_url", .none), ("timeout", .none), ("max_retries", .int(2)),
        ("default_headers", .none), ("default_query", .none), ("http_client", .none),
        ("_strict_response_validation", .bool(false)), ("_enforce_credentials", .bool(true)),
        ].map { Parameter($0.0, kind: .keywordOnly, default: $0.1) }
    }

    /// Keyword arguments learners try on the OpenAI constructor that belong to the HTTP client.
    static let httpClientKeywords: Set<String> = [
        "limits", "max_connections", "max_keepalive_connections", "keepalive_expiry", "http2", "http1", "transport",
        "proxy", "proxies", "verify",
    ]

    static func clientClass(isAsync: Bool, context: PlaygroundContext) -> PythonClass {
        let name = isAsync ? "AsyncOpenAI" : "OpenAI"
        let httpClass = isAsync ? "httpx.AsyncClient" : "httpx.Client"
        return context.classes.named("openai.\(name)") {
            PythonClass(name: name, module: "openai", parameters: constructorParameters) { arguments in
                let bound: BoundArguments
                do {
                    bound = try arguments.bind("\(name).__init__", constructorParameters, selfCounted: true)
                } catch var error as PythonError {
                    if let keyword = arguments.keywords.first(where: { httpClientKeywords.contains($0.name) }),
                        error.message.contains("'\(keyword.name)'")
                    {
                        error.hint =
                            "\(keyword.name) belongs to the HTTP client: "
                            + "\(name)(http_client=\(httpClass)(\(keyword.name == "limits" ? "limits=httpx.Limits(...)" : "\(keyword.name)=...")))"
                    }
                    throw error
                }
                return .object(try makeClient(isAsync: isAsync, bound: bound, context: context))
            }
        }
    }

    private static func makeClient(
        isAsync: Bool, bound: BoundArguments, context: PlaygroundContext
    ) throws -> OpenAIClientObject {
        let exceptions = context.classes.openAIExceptions
        var apiKey = bound["api_key"]
        if apiKey == .none, let key = context.environment["OPENAI_API_KEY"] { apiKey = .str(key) }
        guard case .str(let key) = apiKey else {
            throw PythonError(
                exceptions.openAIError,
                "Missing credentials. Please pass an `api_key`, `workload_identity`, `admin_api_key`, or set the "
                    + "`OPENAI_API_KEY` or `OPENAI_ADMIN_KEY` environment variable.")
        }
        var baseURL = bound["base_url"].isTruthy ? bound["base_url"] : .none
        if baseURL == .none, let fromEnv = context.environment["OPENAI_BASE_URL"], !fromEnv.isEmpty { baseURL = .str(fromEnv) }
        var base: String
        switch baseURL {
        case .none: base = "https://api.openai.com/v1"
        case .object(let o) where o is URLObject: base = (o as! URLObject).text
        default: base = baseURL.str()
        }
        if !base.hasSuffix("/") { base += "/" }
        let maxRetries = try validatedMaxRetries(bound["max_retries"])
        var headers: [(name: String, value: String)] = []
        if case .dict(let dict) = bound["default_headers"] {
            headers = dict.pairs.map { ($0.key.str(), $0.value.str()) }
        }
        if case .str(let org) = bound["organization"] { headers.append(("OpenAI-Organization", org)) }
        if case .str(let project) = bound["project"] { headers.append(("OpenAI-Project", project)) }

        let httpClient: HTTPClientObject
        // What `client.timeout` holds: the value given, as given (`OpenAI(timeout=t).timeout is t`, and None stays
        // None); else the http_client's timeout unless it is httpx2's default `Timeout(5.0)`; else DEFAULT_TIMEOUT
        // (`_base_client.py:1017-1030`, 3.57).
        var timeoutValue: Value = .object(context.classes.openAIDefaultTimeout)
        if bound.isGiven("timeout") { timeoutValue = bound["timeout"] }
        if case .object(let object) = bound["http_client"] {
            guard let given = object as? HTTPClientObject, given.isAsync == isAsync else {
                let expected = isAsync ? "`httpx.AsyncClient` or `httpx2.AsyncClient`" : "`httpx.Client` or `httpx2.Client`"
                throw PythonError.typeError(
                    "Invalid `http_client` argument; Expected an instance of \(expected) but got "
                        + "<class '\((object as? HTTPClientObject).map { "\($0.classModule).\($0.className)" } ?? object.pyTypeName)'>")
            }
            httpClient = given
            if !bound.isGiven("timeout") {
                // `normalize_httpx_timeout`: an httpx (legacy) Timeout becomes an httpx2 one with the same values.
                let clientTimeout =
                    given.stack === HTTPStack.httpx2
                    ? given.timeout
                    : TimeoutObject(
                        stack: .httpx2, connect: given.timeout.connect, read: given.timeout.read,
                        write: given.timeout.write, pool: given.timeout.pool)
                if !clientTimeout.pyEquals(.object(TimeoutObject.defaultTimeout(.httpx2))) {
                    timeoutValue = .object(clientTimeout)
                }
            }
        } else if bound["http_client"] != .none {
            throw PythonError.attributeError("'\(bound["http_client"].typeName)' object has no attribute 'timeout'")
        } else {
            let wrapper = isAsync ? "AsyncHttpxClientWrapper" : "SyncHttpxClientWrapper"
            var defaults = defaultClientDefaults
            defaults["timeout"] = timeoutValue
            defaults["base_url"] = .str(base)
            httpClient = try HTTPClientObject.make(
                .httpx2, isAsync: isAsync, className: wrapper, classModule: "openai._base_client", arguments: Arguments(),
                defaults: defaults, context: context)
        }
        let client = OpenAIClientObject(
            isAsync: isAsync, apiKey: key, baseURL: base, organization: bound["organization"], project: bound["project"],
            timeout: try HTTPClientObject.coerceTimeout(.httpx2, timeoutValue), maxRetries: maxRetries,
            defaultHeaders: headers, httpClient: httpClient, exceptions: exceptions, clock: context.clock)
        client.timeoutShown = timeoutValue
        client.webhookSecret = bound["webhook_secret"]
        client.websocketBaseURL = bound["websocket_base_url"]
        return client
    }
}

extension OpenAIModule {
    /// `_validate_max_retries` (`openai/_base_client.py:887-897`, 3.57.0), with its messages.
    static func validatedMaxRetries(_ value: Value) throws -> Int {
        switch value {
        case .none:
            throw PythonError.typeError(
                "max_retries cannot be None. Use 0 to disable retries or a large integer for a larger retry budget.")
        case .int(let n) where n < 0:
            throw PythonError.valueError("max_retries must be a non-negative integer")
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        default: throw PythonError.typeError("max_retries must be a non-negative integer")
        }
    }
}
