import NIOCore

/// What an OpenAI request reserves against the `tpm` limit when its body arrives, estimated as
/// api.openai.com does: prompt tokens, `ceil(characters / 4)` over the message contents (the prompt,
/// the embeddings or responses input), plus `max_completion_tokens`, or `max_tokens` (`max_output_tokens`
/// for responses), or ``defaultCompletionTokens``. Embeddings reserve no completion.
enum TokenReservation {
    /// The completion length reserved when a request names none (the legacy completions default).
    static let defaultCompletionTokens = 16

    /// Whether `route` counts tokens; `/v1/models` counts only against requests.
    static func countsTokens(_ route: Route.Match) -> Bool {
        guard case .route(let route) = route else { return false }
        switch route {
        case .chatCompletions, .completions, .responses, .embeddings: return true
        case .listModels, .retrieveModel, .ledger, .resetLedger, .knobs: return false
        }
    }

    /// The tokens `body` reserves on `route` (0 for a route that does not count tokens). A body that
    /// does not parse reserves only the default completion (its 400 comes later, from the route).
    static func estimate(_ match: Route.Match, body: ByteBuffer) -> Int {
        guard countsTokens(match), case .route(let route) = match else { return 0 }
        guard let json = JSONValue.requestObject(body) else { return defaultCompletionTokens }
        let prompt: String
        switch route {
        case .chatCompletions: prompt = (json["messages"]?.arrayValue ?? []).map { text($0["content"]) }.joined()
        case .completions: prompt = text(json["prompt"])
        case .embeddings: return ChatRequest.tokens(text(json["input"]))
        case .responses:
            switch json["input"] {
            case .array(let items): prompt = items.map { text($0["content"]) }.joined()
            case let other: prompt = text(other)
            }
        case .listModels, .retrieveModel, .ledger, .resetLedger, .knobs: return 0
        }
        let completion = [json["max_completion_tokens"], json["max_tokens"], json["max_output_tokens"]]
            .lazy.compactMap { value -> Int? in if case .int(let n)? = value, n >= 0 { n } else { nil } }.first
        return ChatRequest.tokens(prompt) + (completion ?? defaultCompletionTokens)
    }

    /// The text of a content value: a string, text parts (`{"text": …}`), or strings in a list.
    private static func text(_ value: JSONValue?) -> String {
        switch value {
        case .string(let text): text
        case .array(let items): items.map { item in item.stringValue ?? item["text"]?.stringValue ?? "" }.joined()
        case .none, .null, .bool, .int, .double, .object: ""
        }
    }
}
