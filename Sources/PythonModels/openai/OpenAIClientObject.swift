import Foundation
import PoolCore
import PoolEngine
import PoolScript

/// `openai.OpenAI` / `openai.AsyncOpenAI` (openai 3.57.0): constructor rules, the `_client` it wraps, and the
/// SDK's retry loop.
package final class OpenAIClientObject: PyObject {
    package let isAsync: Bool
    let apiKey: String
    let baseURL: String
    let organization: Value
    let project: Value
    var timeout: TimeoutObject
    var maxRetries: Int
    let defaultHeaders: [(name: String, value: String)]
    package let httpClient: HTTPClientObject
    let exceptions: OpenAIExceptions
    let clock: any Clock<Duration>
    /// What `client.timeout` holds: the value the caller gave, as given (`OpenAI(timeout=3).timeout` is `3`,
    /// `OpenAI(timeout=t).timeout is t`, None stays None); nil: the Timeout object.
    var timeoutShown: Value?
    /// `webhook_secret` and `websocket_base_url` as given (None by default).
    var webhookSecret: Value = .none
    var websocketBaseURL: Value = .none
    /// A `with_raw_response` view: calls return a ``LegacyAPIResponseObject`` instead of the parsed object.
    var returnsRawResponse = false

    init(
        isAsync: Bool, apiKey: String, baseURL: String, organization: Value, project: Value, timeout: TimeoutObject,
        maxRetries: Int, defaultHeaders: [(name: String, value: String)], httpClient: HTTPClientObject,
        exceptions: OpenAIExceptions, clock: any Clock<Duration>
    ) {
        self.isAsync = isAsync
        self.apiKey = apiKey
        self.baseURL = baseURL
        self.organization = organization
        self.project = project
        self.timeout = timeout
        self.maxRetries = maxRetries
        self.defaultHeaders = defaultHeaders
        self.httpClient = httpClient
        self.exceptions = exceptions
        self.clock = clock
    }

    var className: String { isAsync ? "AsyncOpenAI" : "OpenAI" }
    package var pyTypeName: String { className }
    package func pyRepr() -> String { "<openai.\(className) object at \(fakeAddressOf(self))>" }

    package var attributeNames: [String] {
        [
            "models", "chat", "embeddings", "responses", "api_key", "base_url", "organization", "project",
            "webhook_secret", "websocket_base_url", "default_query", "timeout", "max_retries", "_client",
            "with_options", "copy", "close", "is_closed", "with_raw_response",
        ]
    }

    package func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "_client": return .object(httpClient)
        case "api_key": return .str(apiKey)
        case "base_url": return .object(URLObject(baseURL, module: "httpx2"))
        case "organization": return organization
        case "project": return project
        case "timeout": return timeoutShown ?? .object(timeout)
        case "webhook_secret": return webhookSecret
        case "websocket_base_url": return websocketBaseURL
        case "default_query": return .dict(PyDict())
        case "embeddings": return .object(EmbeddingsResource(client: self))
        case "responses": return .object(ResponsesResource(client: self))
        case "max_retries": return .int(maxRetries)
        case "models": return .object(ModelsResource(client: self))
        case "chat": return .object(ChatResource(client: self))
        case "is_closed": return pyMethod(className, "is_closed") { [self] _ in .bool(httpClient.isClosed) }
        case "with_raw_response": return .object(RawResponseResource(rawResponseView(), module: "openai._client"))
        case "close":
            guard let close = try httpClient.getAttribute(isAsync ? "aclose" : "close") else { return nil }
            return close
        case "with_options", "copy":
            // `with_options = copy` (`openai/_client.py`): errors name `OpenAI.copy()`.
            return pyMethod(className, "copy", parameters: Self.copyParameters) { [self] arguments in
                try copy(try arguments.bind("\(className).copy", Self.copyParameters, selfCounted: true))
            }
        default: return nil
        }
    }

    /// `OpenAI.copy`'s keyword-only signature (openai 3.57.0), in order.
    static var copyParameters: [Parameter] {
        [
            "api_key", "admin_api_key", "workload_identity", "provider", "organization", "project", "webhook_secret",
            "websocket_base_url", "base_url", "data_residency", "timeout", "http_client", "max_retries",
            "default_headers", "set_default_headers", "default_query", "set_default_query", "_enforce_credentials",
            "_extra_kwargs",
        ].map { Parameter($0, kind: .keywordOnly, default: Value.none) }
    }

    /// A new client sharing this one's `_client` unless `http_client=` replaces it; other options override.
    private func copy(_ bound: BoundArguments) throws -> Value {
        func given(_ name: String) -> Value? { bound.isGiven(name) && bound[name] != .none ? bound[name] : nil }
        var http = httpClient
        if let value = given("http_client") {
            guard case .object(let o) = value, let client = o as? HTTPClientObject, client.isAsync == isAsync else {
                let expected = isAsync ? "`httpx.AsyncClient` or `httpx2.AsyncClient`" : "`httpx.Client` or `httpx2.Client`"
                var given = value.typeName
                if case .object(let o) = value, let other = o as? HTTPClientObject { given = "\(other.classModule).\(other.className)" }
                throw PythonError.typeError(
                    "Invalid `http_client` argument; Expected an instance of \(expected) but got <class '\(given)'>")
            }
            http = client
        }
        var base = baseURL
        if let value = given("base_url") {
            base = value.str()
            if !base.hasSuffix("/") { base += "/" }
        }
        var headers = defaultHeaders
        if case .dict(let dict)? = given("set_default_headers") {
            headers = dict.pairs.map { ($0.key.str(), $0.value.str()) }
        } else if case .dict(let dict)? = given("default_headers") {
            let added = dict.pairs.map { (name: $0.key.str(), value: $0.value.str()) }
            headers = headers.filter { old in !added.contains { $0.name.lowercased() == old.name.lowercased() } } + added
        }
        // `timeout=self.timeout if isinstance(timeout, NotGiven) else timeout`: an explicit None is kept.
        let timeoutGiven = bound.isGiven("timeout") ? bound["timeout"] : nil
        let newTimeout = try timeoutGiven.map { try HTTPClientObject.coerceTimeout(.httpx2, $0) } ?? timeout
        let copy = OpenAIClientObject(
            isAsync: isAsync, apiKey: given("api_key")?.str() ?? apiKey, baseURL: base,
            organization: given("organization") ?? organization, project: given("project") ?? project,
            timeout: newTimeout,
            maxRetries: try given("max_retries").map { try intValue($0, "max_retries") } ?? maxRetries,
            defaultHeaders: headers, httpClient: http, exceptions: exceptions, clock: clock)
        copy.timeoutShown = timeoutGiven ?? timeoutShown
        copy.webhookSecret = given("webhook_secret") ?? webhookSecret
        copy.websocketBaseURL = given("websocket_base_url") ?? websocketBaseURL
        return .object(copy)
    }

    // MARK: - Requests

    /// This client as `with_raw_response` sees it: the same settings and `_client`, calls answering raw.
    func rawResponseView() -> OpenAIClientObject {
        let view = OpenAIClientObject(
            isAsync: isAsync, apiKey: apiKey, baseURL: baseURL, organization: organization, project: project,
            timeout: timeout, maxRetries: maxRetries, defaultHeaders: defaultHeaders, httpClient: httpClient,
            exceptions: exceptions, clock: clock)
        view.timeoutShown = timeoutShown
        view.webhookSecret = webhookSecret
        view.websocketBaseURL = websocketBaseURL
        view.returnsRawResponse = true
        return view
    }

    /// One API call: returns a coroutine (AsyncOpenAI) or the parsed result (OpenAI); on a ``rawResponseView()``,
    /// a `LegacyAPIResponse` whose `parse()` runs `parse`.
    func call(
        _ verb: String, path: String, body: Value?, name: String, options: OpenAIRequestOptions = .init(),
        parse: @escaping (Value) throws -> Value
    ) throws -> Value {
        let finish: (Answer) throws -> Value = { [returnsRawResponse] answer in
            guard returnsRawResponse else { return try parse(answer.json) }
            return .object(
                LegacyAPIResponseObject(response: answer.response, retriesTaken: answer.retriesTaken) {
                    try parse(answer.json)
                })
        }
        if isAsync {
            return .object(
                Coroutine(name: name) { [self] context in
                    let waiter = Suspending(context: context)
                    return try finish(try await perform(verb, path: path, body: body, options: options, waiter: waiter))
                })
        }
        return .object(
            BlockingCall { [self] context in
                try finish(try await perform(verb, path: path, body: body, options: options, waiter: Direct(context)))
            })
    }

    /// A 2xx answer: its JSON, the response it came in, and the retries it took.
    struct Answer {
        var json: Value
        var response: ResponseObject
        var retriesTaken: Int
    }

    /// The request of attempt `retriesTaken` (its `x-stainless-retry-count` header differs per attempt).
    func attempt(
        _ verb: String, path: String, body: Value?, options: OpenAIRequestOptions, retriesTaken: Int
    ) throws -> (PoolRequest, URLParts) {
        var relative = Substring(path)
        while relative.hasPrefix("/") { relative = relative.dropFirst() }
        let urlText = options.apply(toURL: (baseURL.hasSuffix("/") ? baseURL : baseURL + "/") + relative)
        let body = options.apply(toBody: body)
        let timeout = options.timeout ?? self.timeout
        let bodyBytes = try body.map { Array(try JSON.serialize($0).utf8) } ?? []
        var headers: [(name: String, value: String)] = [
            ("Accept", "application/json"), ("User-Agent", "\(className)/Python 3.57.0"),
            ("X-Stainless-Lang", "python"), ("X-Stainless-Package-Version", "3.57.0"),
            ("x-stainless-retry-count", String(retriesTaken)),
            ("Authorization", "Bearer \(apiKey)"),
        ]
        if let read = timeout.read.asSeconds { headers.append(("x-stainless-read-timeout", Value.float(read).str())) }
        if body != nil { headers.append(("Content-Type", "application/json")) }
        headers = options.apply(to: headers + defaultHeaders)
        return try httpClient.makeRequest(verb, urlText: urlText, headers: headers, body: bodyBytes, timeout: timeout)
    }

    /// A plain call through the retry loop: a 2xx answer, or the SDK's error.
    private func perform(
        _ verb: String, path: String, body: Value?, options: OpenAIRequestOptions, waiter: some CallWaiting
    ) async throws -> Answer {
        var answered: (response: ResponseObject, retriesTaken: Int)?
        let json = try await retrying(waiter) { retriesTaken in
            let (request, url) = try attempt(verb, path: path, body: body, options: options, retriesTaken: retriesTaken)
            let response = try await httpClient.send(request, url: url, waiter: waiter)
            if response.response.status >= 400 { return .errorResponse(response) }
            answered = (response, retriesTaken)
            do {
                return .done(try JSON.parse(response.text))
            } catch {
                throw PythonError(
                    exceptions.apiResponseValidationError, "Data returned by API invalid for expected schema.")
            }
        }
        guard let answered else { preconditionFailure("the retry loop returned without a 2xx answer") }
        return Answer(json: json, response: answered.response, retriesTaken: answered.retriesTaken)
    }

    /// `APIStatusError` subclasses with the SDK's message: `Error code: 404 - {'error': {...}}`.
    private func statusError(_ response: ResponseObject) -> PythonError {
        exceptions.statusError(response)
    }
}

extension Value {
    /// A timeout value in seconds, when it is a number.
    var asSeconds: Double? {
        switch self {
        case .int(let i): Double(i)
        case .float(let d): d
        default: nil
        }
    }
}

func intValue(_ value: Value, _ name: String) throws -> Int {
    switch value {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    default: throw PythonError.typeError("'\(value.typeName)' object cannot be interpreted as an integer")
    }
}

extension OpenAIClientObject: PyContextManager, PyAsyncContextManager {
    package func enter() throws -> Value { .object(self) }
    package func exit(_ error: PythonError?) throws -> Bool { try httpClient.exit(error) }
    package func asyncEnter() throws -> Value { .object(Coroutine(name: "\(className).__aenter__") { [self] _ in .object(self) }) }
    package func asyncExit(_ error: PythonError?) throws -> Value { try httpClient.asyncExit(error) }
}
