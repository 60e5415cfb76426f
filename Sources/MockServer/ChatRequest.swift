import Foundation
import NIOCore

/// The parts of a `POST /v1/chat/completions` body the mock reads, and the completion it answers with.
///
/// The assistant's reply echoes the last user message, so a learner can see which request a response
/// belongs to; with no user message it is `"Hello"`, the default body of the SDK probes.
struct ChatRequest: Sendable {
    var model: String
    /// Text of every message, in order, with its role.
    var messages: [(role: String, text: String)]

    /// Validates a request body the way api.openai.com does for the fields the mock needs.
    ///
    /// - Returns: the request, or the 400 to send: invalid JSON (also for a non-object), a missing or
    ///   non-string `model`, a missing or non-array `messages`, or `stream: true` (not supported yet).
    static func parse(_ body: ByteBuffer) -> Result<ChatRequest, OpenAIError> {
        let bytes = Data(body.readableBytesView)
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: bytes), case .object = json else {
            return .failure(.invalidJSON)
        }
        guard let model = json["model"]?.stringValue else { return .failure(.missingParameter("model")) }
        guard let messages = json["messages"]?.arrayValue else { return .failure(.missingParameter("messages")) }
        if json["stream"]?.boolValue == true { return .failure(.unsupported("stream=true")) }
        return .success(ChatRequest(model: model, messages: messages.map(Self.message)))
    }

    /// A message's role and text; `content` may be a string or a list of `{"type":"text","text":…}` parts.
    private static func message(_ value: JSONValue) -> (role: String, text: String) {
        let role = value["role"]?.stringValue ?? ""
        switch value["content"] {
        case .string(let text):
            return (role, text)
        case .array(let parts):
            return (role, parts.compactMap { $0["text"]?.stringValue }.joined(separator: "\n"))
        case .none, .null, .bool, .int, .double, .object:
            return (role, "")
        }
    }

    /// The reply text: the last user message, or `"Hello"`.
    var reply: String {
        messages.last { $0.role == "user" }?.text ?? "Hello"
    }

    /// Rough token count, `ceil(characters / 4)` and at least 1, the estimate OpenAI's docs suggest.
    static func tokens(_ text: String) -> Int {
        max(1, (text.count + 3) / 4)
    }

    /// The strict-valid `chat.completion` object for this request.
    func completion(id: Int, created: Int) -> JSONValue {
        let promptTokens = Self.tokens(messages.map(\.text).joined())
        let completionTokens = Self.tokens(reply)
        return .object([
            ("id", .string("chatcmpl-\(id)")),
            ("object", .string("chat.completion")),
            ("created", .int(created)),
            ("model", .string(model)),
            (
                "choices",
                .array([
                    .object([
                        ("index", .int(0)),
                        (
                            "message",
                            .object([
                                ("role", .string("assistant")),
                                ("content", .string(reply)),
                                ("refusal", .null),
                            ])
                        ),
                        ("finish_reason", .string("stop")),
                        ("logprobs", .null),
                    ])
                ])
            ),
            (
                "usage",
                .object([
                    ("prompt_tokens", .int(promptTokens)),
                    ("completion_tokens", .int(completionTokens)),
                    ("total_tokens", .int(promptTokens + completionTokens)),
                ])
            ),
        ])
    }
}
