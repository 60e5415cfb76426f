import NIOHTTP1

/// The endpoints the mock server knows.
///
/// To add an endpoint: add a case, a line in ``Route/match(method:path:)`` and a branch in
/// ``OpenAIResponder`` (or ``MockHTTPHandler`` for admin routes). The switches are exhaustive, so the
/// compiler lists every place to update.
enum Route: Sendable, Hashable {
    /// `GET /v1/models`
    case listModels
    /// `GET /v1/models/{id}`
    case retrieveModel(id: String)
    /// `POST /v1/chat/completions`
    case chatCompletions
    /// `POST /v1/embeddings`
    case embeddings
    /// `POST /v1/responses`
    case responses
    /// `POST /v1/completions` (legacy)
    case completions
    /// `GET /_poolplay/ledger`: the ledger as JSON. Not delayed, not recorded.
    case ledger
    /// `POST /_poolplay/reset`: resets the ledger. Not delayed, not recorded.
    case resetLedger
    /// `GET /_poolplay/knobs`: the knobs; `POST` with a body `KNOB=VALUE …` changes them live (as
    /// `%server KNOB=VALUE` does). Not delayed, not recorded.
    case knobs

    /// Admin routes skip latency, authentication and the request ledger.
    var isAdmin: Bool {
        switch self {
        case .listModels, .retrieveModel, .chatCompletions, .embeddings, .responses, .completions: false
        case .ledger, .resetLedger, .knobs: true
        }
    }

    /// The result of matching a request line against the routes.
    enum Match: Sendable, Equatable {
        case route(Route)
        /// The path is known, the method is not (405).
        case methodNotAllowed(allowed: [HTTPMethod])
        /// Nothing at this path (404).
        case notFound

        /// Whether the request is recorded in the ledger and delayed by the latency.
        var isAdmin: Bool {
            switch self {
            case .route(let route): route.isAdmin
            case .methodNotAllowed, .notFound: false
            }
        }
    }

    /// Finds the route for a method and a path (query string already removed).
    ///
    /// A trailing slash is ignored, as api.openai.com does.
    static func match(method: HTTPMethod, path: String) -> Match {
        func only(_ allowed: HTTPMethod, _ route: Route) -> Match {
            method == allowed ? .route(route) : .methodNotAllowed(allowed: [allowed])
        }
        // The exact paths first: one string comparison instead of splitting (the benchmark's hot path).
        switch path {
        case "/v1/models": return only(.GET, .listModels)
        case "/v1/chat/completions": return only(.POST, .chatCompletions)
        case "/v1/embeddings": return only(.POST, .embeddings)
        case "/v1/responses": return only(.POST, .responses)
        default: break
        }
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: false).dropFirst()

        switch Array(segments) {
        case ["v1", "models"]: return only(.GET, .listModels)
        case let parts where parts.count == 3 && parts[0] == "v1" && parts[1] == "models" && !parts[2].isEmpty:
            return only(.GET, .retrieveModel(id: String(parts[2]).removingPercentEscapes))
        case ["v1", "chat", "completions"]: return only(.POST, .chatCompletions)
        case ["v1", "embeddings"]: return only(.POST, .embeddings)
        case ["v1", "responses"]: return only(.POST, .responses)
        case ["v1", "completions"]: return only(.POST, .completions)
        case ["_poolplay", "ledger"]: return only(.GET, .ledger)
        case ["_poolplay", "reset"]: return only(.POST, .resetLedger)
        case ["_poolplay", "knobs"]:
            return method == .GET || method == .POST ? .route(.knobs) : .methodNotAllowed(allowed: [.GET, .POST])
        default: return .notFound
        }
    }

    /// Splits a request URI into its path, dropping the query string and fragment.
    static func path(ofURI uri: String) -> String {
        // Scans bytes, not Characters: `?` and `#` are ASCII, so a byte index is a character boundary.
        guard let end = uri.utf8.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) else {
            return uri.isEmpty ? "/" : uri
        }
        let path = String(uri[..<end])
        return path.isEmpty ? "/" : path
    }
}

extension String {
    /// Decodes `%XX` escapes (model ids such as `ft:gpt-4o:org%3Aname`); leaves malformed escapes as they are.
    fileprivate var removingPercentEscapes: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
