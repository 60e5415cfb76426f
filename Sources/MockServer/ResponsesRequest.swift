import NIOCore

/// A `POST /v1/responses` request and its answers: the strict-valid `response` object (openai-wire §1)
/// and, for `stream: true`, the full event lifecycle of §2.2 that `client.responses.stream()` needs.
///
/// The output text echoes the last user input (a plain string `input`, or the last `user` message).
struct ResponsesRequest: Sendable {
    var model: String
    var inputText: String
    var stream: Bool

    static func parse(_ body: ByteBuffer) -> Result<ResponsesRequest, OpenAIError> {
        guard let json = JSONValue.requestObject(body) else { return .failure(.invalidJSON) }
        guard let model = json["model"]?.stringValue else { return .failure(.missingParameter("model")) }
        let text: String
        switch json["input"] {
        case .string(let input): text = input
        case .array(let items): text = items.last { $0["role"]?.stringValue == "user" }.map(Self.text) ?? ""
        case .none, .null, .bool, .int, .double, .object: return .failure(.missingParameter("input"))
        }
        return .success(ResponsesRequest(model: model, inputText: text, stream: json["stream"]?.boolValue == true))
    }

    /// The text of a message: `content` as a string or as `input_text` parts.
    private static func text(_ message: JSONValue) -> String {
        switch message["content"] {
        case .string(let text): text
        case .array(let parts): parts.compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
        case .none, .null, .bool, .int, .double, .object: ""
        }
    }

    var reply: String { inputText.isEmpty ? "Hello" : inputText }

    private func ids(_ id: Int) -> (response: String, message: String) { ("resp_\(id)", "msg_\(id)") }

    private func part(_ text: String) -> JSONValue {
        .object([("type", .string("output_text")), ("text", .string(text)), ("annotations", .array([]))])
    }

    private func item(_ id: Int, status: String, content: [JSONValue]) -> JSONValue {
        .object([
            ("type", .string("message")), ("id", .string(ids(id).message)), ("status", .string(status)),
            ("role", .string("assistant")), ("content", .array(content)),
        ])
    }

    /// The `response` object; `completed: false` gives the `in_progress` one with no output or usage.
    func response(id: Int, created: Int, completed: Bool = true) -> JSONValue {
        let inputTokens = ChatRequest.tokens(inputText)
        let outputTokens = ChatRequest.tokens(reply)
        let usage: JSONValue = .object([
            ("input_tokens", .int(inputTokens)),
            ("input_tokens_details", .object([("cached_tokens", .int(0)), ("cache_write_tokens", .int(0))])),
            ("output_tokens", .int(outputTokens)),
            ("output_tokens_details", .object([("reasoning_tokens", .int(0))])),
            ("total_tokens", .int(inputTokens + outputTokens)),
        ])
        return .object([
            ("id", .string(ids(id).response)),
            ("object", .string("response")),
            ("created_at", .int(created)),
            ("status", .string(completed ? "completed" : "in_progress")),
            ("model", .string(model)),
            ("output", .array(completed ? [item(id, status: "completed", content: [part(reply)])] : [])),
            ("parallel_tool_calls", .bool(true)),
            ("tool_choice", .string("auto")),
            ("tools", .array([])),
            ("error", .null),
            ("incomplete_details", .null),
            ("instructions", .null),
            ("metadata", .object([])),
            ("temperature", .null),
            ("top_p", .null),
            ("usage", completed ? usage : .null),
        ])
    }

    /// The SSE frames (`event: <type>\ndata: {...}\n\n`, no `[DONE]`): created, in_progress,
    /// output_item.added, content_part.added, one delta per reply piece, output_text.done,
    /// content_part.done, output_item.done, completed. `sequence_number` counts from 0.
    func streamFrames(id: Int, created: Int) -> [String] {
        var frames: [String] = []
        func event(_ type: String, _ members: [(key: String, value: JSONValue)]) {
            let all: [(key: String, value: JSONValue)] =
                [("type", .string(type)), ("sequence_number", .int(frames.count))] + members
            frames.append("event: \(type)\ndata: \(JSONValue.object(all).serialized())\n\n")
        }
        let place: [(key: String, value: JSONValue)] = [("item_id", .string(ids(id).message)), ("output_index", .int(0))]
        let text = place + [("content_index", .int(0))]
        event("response.created", [("response", response(id: id, created: created, completed: false))])
        event("response.in_progress", [("response", response(id: id, created: created, completed: false))])
        event("response.output_item.added", [("output_index", .int(0)), ("item", item(id, status: "in_progress", content: []))])
        event("response.content_part.added", text + [("part", part(""))])
        for piece in ChatRequest.pieces(reply) {
            event("response.output_text.delta", text + [("delta", .string(piece)), ("logprobs", .array([]))])
        }
        event("response.output_text.done", text + [("text", .string(reply)), ("logprobs", .array([]))])
        event("response.content_part.done", text + [("part", part(reply))])
        event("response.output_item.done", [("output_index", .int(0)), ("item", item(id, status: "completed", content: [part(reply)]))])
        event("response.completed", [("response", response(id: id, created: created))])
        return frames
    }
}
