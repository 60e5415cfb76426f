import PoolScript

/// Builds the `openai` module (openai 3.57.0).
package enum OpenAIModule {
    package static func make(context: PlaygroundContext) -> ModuleObject {
        let exceptions = OpenAIExceptions()
        var attributes: [String: Value] = [
            "OpenAI": clientClass(isAsync: false, context: context, exceptions: exceptions),
            "AsyncOpenAI": clientClass(isAsync: true, context: context, exceptions: exceptions),
            "DefaultHttpxClient": defaultHTTPClient("DefaultHttpxClient", isAsync: false, context: context),
            "DefaultAsyncHttpxClient": defaultHTTPClient("DefaultAsyncHttpxClient", isAsync: true, context: context),
            "DefaultHttpx2Client": defaultHTTPClient("DefaultHttpx2Client", isAsync: false, context: context),
            "DefaultAsyncHttpx2Client": defaultHTTPClient("DefaultAsyncHttpx2Client", isAsync: true, context: context),
            "DEFAULT_MAX_RETRIES": .int(2),
            "DEFAULT_TIMEOUT": .object(TimeoutObject.openAIDefault(.httpx2)),
            "DEFAULT_CONNECTION_LIMITS": .object(openAILimits),
            "__version__": .str("3.57.0"),
        ]
        for exception in exceptions.all { attributes[exception.name] = .object(exception) }
        return ModuleObject(name: "openai", attributes: attributes)
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

    /// `DefaultHttpxClient` and friends: in openai 3.57 they subclass `httpx2.Client` / `httpx2.AsyncClient`, so their
    /// pool is httpcore2's.
    static func defaultHTTPClient(_ name: String, isAsync: Bool, context: PlaygroundContext) -> Value {
        .object(
            PythonClass(
                name: name, module: "openai", parameters: HTTPClientObject.parameters(.httpx2, defaults: defaultClientDefaults)
            ) { arguments in
                .object(
                    try HTTPClientObject.make(
                        .httpx2, isAsync: isAsync, className: name, classModule: "openai", arguments: arguments,
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

    static func clientClass(isAsync: Bool, context: PlaygroundContext, exceptions: OpenAIExceptions) -> Value {
        let name = isAsync ? "AsyncOpenAI" : "OpenAI"
        let httpClass = isAsync ? "httpx.AsyncClient" : "httpx.Client"
        return .object(
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
                return .object(try makeClient(isAsync: isAsync, bound: bound, context: context, exceptions: exceptions))
            })
    }

    private static func makeClient(
        isAsync: Bool, bound: BoundArguments, context: PlaygroundContext, exceptions: OpenAIExceptions
    ) throws -> OpenAIClientObject {
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
        var timeout: TimeoutObject
        if case .object(let object) = bound["http_client"] {
            guard let given = object as? HTTPClientObject, given.isAsync == isAsync else {
                let expected = isAsync ? "`httpx.AsyncClient` or `httpx2.AsyncClient`" : "`httpx.Client` or `httpx2.Client`"
                throw PythonError.typeError(
                    "Invalid `http_client` argument; Expected an instance of \(expected) but got "
                        + "<class '\((object as? HTTPClientObject).map { "\($0.classModule).\($0.className)" } ?? object.pyTypeName)'>")
            }
            httpClient = given
            // `_base_client.py:1017-1029`: keep the client's timeout unless it equals httpx's default Timeout(5.0).
            // `is_given(timeout)`: an explicit None (no timeout at all) counts as given.
            if bound.isGiven("timeout") {
                timeout = try HTTPClientObject.coerceTimeout(given.stack, bound["timeout"])
            } else if given.timeout.pyEquals(.object(TimeoutObject.defaultTimeout(given.stack))) {
                timeout = TimeoutObject.openAIDefault(given.stack)
            } else {
                timeout = given.timeout
            }
        } else if bound["http_client"] != .none {
            throw PythonError.attributeError("'\(bound["http_client"].typeName)' object has no attribute 'timeout'")
        } else {
            timeout =
                bound.isGiven("timeout")
                ? try HTTPClientObject.coerceTimeout(.httpx2, bound["timeout"]) : TimeoutObject.openAIDefault(.httpx2)
            let wrapper = isAsync ? "AsyncHttpxClientWrapper" : "SyncHttpxClientWrapper"
            var defaults = defaultClientDefaults
            defaults["timeout"] = .object(timeout)
            defaults["base_url"] = .str(base)
            httpClient = try HTTPClientObject.make(
                .httpx2, isAsync: isAsync, className: wrapper, classModule: "openai._base_client", arguments: Arguments(),
                defaults: defaults, context: context)
        }
        let client = OpenAIClientObject(
            isAsync: isAsync, apiKey: key, baseURL: base, organization: bound["organization"], project: bound["project"],
            timeout: timeout, maxRetries: maxRetries, defaultHeaders: headers, httpClient: httpClient,
            exceptions: exceptions, clock: context.clock)
        if bound["timeout"].asSeconds != nil { client.timeoutShown = bound["timeout"] }  // `OpenAI(timeout=3).timeout` is 3
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
