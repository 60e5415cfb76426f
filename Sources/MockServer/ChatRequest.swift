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
    /// `stream: true`: answer with server-sent events (``streamFrames(id:created:)``).
    var stream = false
    /// `stream_options.include_usage: true`: add the usage chunk before `[DONE]`.
    var includeUsage = false

    /// Validates a request body the way api.openai.com does for the fields the mock needs.
    ///
    /// - Returns: the request, or the 400 to send: invalid JSON (also for a non-object), a missing or
    ///   non-string `model`, or a missing or non-array `messages`.
    static func parse(_ body: ByteBuffer) -> Result<ChatRequest, OpenAIError> {
        guard let json = JSONValue.requestObject(body) else { return .failure(.invalidJSON) }
        guard let model = json["model"]?.stringValue else { return .failure(.missingParameter("model")) }
        guard let messages = json["messages"]?.arrayValue else { return .failure(.missingParameter("messages")) }
        var request = ChatRequest(model: model, messages: messages.map(Self.message))
        request.stream = json["stream"]?.boolValue == true
        request.includeUsage = json["stream_options"]?["include_usage"]?.boolValue == true
        return .success(request)
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

    /// Prompt and completion token counts.
    var usage: (prompt: Int, completion: Int) {
        (Self.tokens(messages.map(\.text).joined()), Self.tokens(reply))
    }

    /// Splits a reply into stream pieces at word boundaries (each word keeps its leading space), at
    /// most eight pieces; joined, they give back `text` exactly.
    static func pieces(_ text: String) -> [String] {
        var words: [String] = []
        for character in text {
            if character == " " || words.isEmpty { words.append("") }
            words[words.count - 1].append(character)
        }
        guard !words.isEmpty else { return [""] }
        let size = (words.count + 7) / 8
        return stride(from: 0, to: words.count, by: size).map { words[$0..<min($0 + size, words.count)].joined() }
    }

    /// The SSE frames of `stream: true`, exactly as openai-wire §2.1: a role chunk, one chunk per
    /// reply piece, the finish chunk, the usage chunk (only with `include_usage`), then `[DONE]`.
    func streamFrames(id: Int, created: Int) -> [String] {
        func chunk(_ choices: [JSONValue], usage: JSONValue? = nil) -> String {
            var members: [(key: String, value: JSONValue)] = [
                ("id", .string("chatcmpl-\(id)")),
                ("object", .string("chat.completion.chunk")),
                ("created", .int(created)),
                ("model", .string(model)),
                ("choices", .array(choices)),
            ]
            if let usage { members.append(("usage", usage)) }
            return "data: \(JSONValue.object(members).serialized())\n\n"
        }
        func choice(_ delta: [(key: String, value: JSONValue)], finish: String?) -> JSONValue {
            .object([
                ("index", .int(0)), ("delta", .object(delta)),
                ("finish_reason", finish.map(JSONValue.string) ?? .null),
            ])
        }
        var frames = [chunk([choice([("role", .string("assistant")), ("content", .string(""))], finish: nil)])]
        frames += Self.pieces(reply).map { chunk([choice([("content", .string($0))], finish: nil)]) }
        frames.append(chunk([choice([], finish: "stop")]))
        if includeUsage {
            let (prompt, completion) = usage
            frames.append(chunk([], usage: .object([
                ("prompt_tokens", .int(prompt)), ("completion_tokens", .int(completion)),
                ("total_tokens", .int(prompt + completion)),
            ])))
        }
        frames.append("data: [DONE]\n\n")
        return frames
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
