import Foundation
import NIOCore
import NIOHTTP1

/// Turns a complete request into a response: routing, authentication, validation and the bodies.
///
/// Pure apart from the admin routes, which read or reset the ledger in ``MockServerState``. Bodies
/// are the strict-valid ones from the SDK probes (they pass `_strict_response_validation=True`):
/// every field the SDK's strict mode requires is present, with explicit `null`s where optional.
struct OpenAIResponder: Sendable {
    /// The `created` timestamp of every object, fixed so that bodies are reproducible.
    static let created = 1_700_000_000
    /// The headers of a JSON answer, made once.
    static let jsonHeaders: HTTPHeaders = ["content-type": "application/json"]

    var configuration: MockServerConfiguration
    var state: MockServerState

    /// Answers `request`, which `match` routed; `requestID` is the ledger id (0 for admin routes).
    func respond(to request: MockRequest, match: Route.Match, requestID: Int) -> MockResponse {
        let method = request.head.method.rawValue
        switch match {
        case .notFound:
            return .error(.invalidURL(method: method, path: request.path))
        case .methodNotAllowed(let allowed):
            var response = MockResponse.error(.methodNotAllowed(method: method, path: request.path))
            response.headers.add(name: "allow", value: allowed.map(\.rawValue).joined(separator: ", "))
            return response
        case .route(let route):
            if !route.isAdmin, let failure = authenticate(request.head.headers) {
                return .error(failure)
            }
            return respond(to: request, route: route, requestID: requestID)
        }
    }

    private func respond(to request: MockRequest, route: Route, requestID: Int) -> MockResponse {
        switch route {
        case .listModels:
            let cached = state.modelsBody(configuration.models) { models in
                JSONValue.object([("object", .string("list")), ("data", .array(models.map(model)))]).serialized()
            }
            return MockResponse(
                status: .ok, headers: Self.jsonHeaders, body: cached.body, bodyBytes: cached.bytes)
        case .retrieveModel(let id):
            guard configuration.models.contains(id) else { return .error(.modelNotFound(id)) }
            return .json(model(id))
        case .chatCompletions:
            switch ChatRequest.parse(request.body) {
            case .failure(let error):
                return .error(error)
            case .success(let chat):
                if let failure = checkModel(chat.model) { return .error(failure) }
                var response: MockResponse = chat.stream
                    ? .eventStream(chat.streamFrames(id: requestID, created: Self.created))
                    : .json(chat.completion(id: requestID, created: Self.created))
                response.usageTokens = chat.usage.prompt + chat.usage.completion
                return response
            }
        case .embeddings:
            switch EmbeddingsRequest.parse(request.body) {
            case .failure(let error): return .error(error)
            case .success(let embeddings):
                if let failure = checkModel(embeddings.model) { return .error(failure) }
                var response = MockResponse.json(embeddings.response())
                response.usageTokens = embeddings.inputs.map(ChatRequest.tokens).reduce(0, +)
                return response
            }
        case .responses:
            switch ResponsesRequest.parse(request.body) {
            case .failure(let error): return .error(error)
            case .success(let responses):
                if let failure = checkModel(responses.model) { return .error(failure) }
                var response: MockResponse = responses.stream
                    ? .eventStream(responses.streamFrames(id: requestID, created: Self.created))
                    : .json(responses.response(id: requestID, created: Self.created))
                response.usageTokens = ChatRequest.tokens(responses.inputText) + ChatRequest.tokens(responses.reply)
                return response
            }
        case .completions:
            switch CompletionRequest.parse(request.body) {
            case .failure(let error): return .error(error)
            case .success(let completion):
                if let failure = checkModel(completion.model) { return .error(failure) }
                var response = MockResponse.json(completion.completion(id: requestID, created: Self.created))
                response.usageTokens = ChatRequest.tokens(completion.prompt) + ChatRequest.tokens(completion.reply)
                return response
            }
        case .ledger:
            return Self.ledgerResponse(state.ledger)
        case .resetLedger:
            state.record { $0.reset() }
            return .json(.object([("reset", .bool(true))]))
        case .knobs:
            return knobs(request)
        }
    }

    /// `GET /_poolplay/knobs` shows the knobs; `POST` applies a body such as `rps=2 max_concurrent=none`
    /// (all or nothing: a bad knob is a 400 and changes nothing).
    private func knobs(_ request: MockRequest) -> MockResponse {
        if request.head.method == .POST {
            var changed = configuration
            let text = String(buffer: request.body)
            for item in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "&" }) {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                do {
                    guard parts.count == 2 else { throw MockServerConfiguration.KnobError("expected KNOB=VALUE, got '\(item)'") }
                    try changed.apply(parts[0], parts[1].removingPercentEncoding ?? parts[1])
                } catch {
                    return .error(OpenAIError(status: .badRequest, message: "\(error)", type: "invalid_request_error"))
                }
            }
            let final = changed
            state.updateConfiguration { $0 = final }
        }
        return .json(.object([("knobs", .string(state.configuration.describe()))]))
    }

    /// The 404 for a model not in the list when ``MockServerConfiguration/rejectUnknownModels`` is on.
    private func checkModel(_ model: String) -> OpenAIError? {
        configuration.rejectUnknownModels && !configuration.models.contains(model) ? .modelNotFound(model) : nil
    }

    /// Checks `Authorization: Bearer <key>` when an API key is configured.
    ///
    /// - Returns: the 401 to send, or `nil` when the request may proceed.
    func authenticate(_ headers: HTTPHeaders) -> OpenAIError? {
        guard let expected = configuration.apiKey else { return nil }
        guard let value = headers.first(name: "authorization") else { return .missingAPIKey }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return .missingAPIKey }
        let token = String(parts[1].drop(while: \.isWhitespace))
        return token == expected ? nil : .invalidAPIKey(token)
    }

    /// A model object with every field strict validation requires.
    private func model(_ id: String) -> JSONValue {
        .object([
            ("id", .string(id)),
            ("object", .string("model")),
            ("created", .int(Self.created)),
            ("owned_by", .string("mock")),
        ])
    }

    /// The ledger as JSON (`JSONEncoder`, keys sorted for stable output).
    private static func ledgerResponse(_ ledger: Ledger) -> MockResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(ledger)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return MockResponse(status: .ok, headers: ["content-type": "application/json"], body: body)
    }
}
