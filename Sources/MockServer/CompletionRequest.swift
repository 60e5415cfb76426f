import NIOCore

/// A legacy `POST /v1/completions` request (non-stream) and its strict-valid `text_completion`.
///
/// The text echoes the prompt, as chat echoes the last user message.
struct CompletionRequest: Sendable {
    var model: String
    var prompt: String

    static func parse(_ body: ByteBuffer) -> Result<CompletionRequest, OpenAIError> {
        guard let json = JSONValue.requestObject(body) else { return .failure(.invalidJSON) }
        guard let model = json["model"]?.stringValue else { return .failure(.missingParameter("model")) }
        let prompt: String
        switch json["prompt"] {
        case .string(let text): prompt = text
        case .array(let items): prompt = items.compactMap(\.stringValue).joined(separator: "\n")
        case .none, .null, .bool, .int, .double, .object: return .failure(.missingParameter("prompt"))
        }
        if json["stream"]?.boolValue == true { return .failure(.unsupported("stream=true on /v1/completions")) }
        return .success(CompletionRequest(model: model, prompt: prompt))
    }

    /// The reply text: the prompt, or `"Hello"` when it is empty.
    var reply: String { prompt.isEmpty ? "Hello" : prompt }

    func completion(id: Int, created: Int) -> JSONValue {
        let promptTokens = ChatRequest.tokens(prompt)
        let completionTokens = ChatRequest.tokens(reply)
        return .object([
            ("id", .string("cmpl-\(id)")),
            ("object", .string("text_completion")),
            ("created", .int(created)),
            ("model", .string(model)),
            (
                "choices",
                .array([
                    .object([
                        ("text", .string(reply)), ("index", .int(0)), ("logprobs", .null),
                        ("finish_reason", .string("stop")),
                    ])
                ])
            ),
            (
                "usage",
                .object([
                    ("prompt_tokens", .int(promptTokens)), ("completion_tokens", .int(completionTokens)),
                    ("total_tokens", .int(promptTokens + completionTokens)),
                ])
            ),
        ])
    }
}
