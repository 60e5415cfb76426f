import PoolScript

/// `client.responses.create(model=…, input=…, instructions=…)` (openai 3.57.0,
/// `openai/resources/responses/responses.py`); with `stream=True` a `Stream` / `AsyncStream` of typed events.
final class ResponsesResource: PyObject {
    let client: OpenAIClientObject
    init(client: OpenAIClientObject) { self.client = client }

    var pyTypeName: String { client.isAsync ? "AsyncResponses" : "Responses" }
    func pyRepr() -> String { "<openai.resources.responses.responses.\(pyTypeName) object>" }
    var attributeNames: [String] { ["create", "with_raw_response"] }

    /// The body parameters of `Responses.create`, in the SDK's signature order (all keyword-only, all optional).
    static let bodyParameters = [
        "access_programs", "background", "background_options", "context_management", "conversation", "image",
        "include", "input", "instructions", "max_output_tokens", "max_tool_calls", "metadata", "model", "moderation",
        "parallel_tool_calls", "previous_response_id", "prompt", "prompt_cache_key", "prompt_cache_options",
        "prompt_cache_retention", "reasoning", "safety_identifier", "service_tier", "store", "stream", "stream_options",
        "temperature", "text", "tool_choice", "tools", "top_logprobs", "top_p", "truncation", "user",
    ]

    static var parameters: [Parameter] {
        bodyParameters.map { Parameter($0, kind: .keywordOnly, default: Value.none) }
            + OpenAIResourceParameters.requestOptions
    }

    func getAttribute(_ name: String) throws -> Value? {
        if name == "with_raw_response" {
            return .object(
                RawResponseResource(
                    ResponsesResource(client: client.rawResponseView()), module: "openai.resources.responses.responses"))
        }
        guard name == "create" else { return nil }
        return pyMethod(pyTypeName, "create", parameters: Self.parameters) { [client, pyTypeName] arguments in
            let bound = try arguments.bind("\(pyTypeName).create", Self.parameters, selfCounted: true)
            var body: [(Value, Value)] = []
            for key in Self.bodyParameters where bound.isGiven(key) { body.append((.str(key), bound[key])) }
            let options = try OpenAIRequestOptions(bound, stack: client.httpClient.stack)
            if bound["stream"].isTruthy {
                return try client.stream(
                    path: "/responses", body: .dict(PyDict(body)), name: "\(pyTypeName).create", options: options,
                    kind: .responses)
            }
            return try client.call(
                "POST", path: "/responses", body: .dict(PyDict(body)), name: "\(pyTypeName).create", options: options
            ) {
                ResponseModelObject.make(from: $0)
            }
        }
    }
}

/// `openai.types.responses.Response`: the pydantic object plus the SDK's `output_text` convenience property
/// (`openai/types/responses/response.py`: the text of every `output_text` part of every `message` item, joined).
final class ResponseModelObject: PyObject {
    let model: OpenAIModelObject

    init(model: OpenAIModelObject) { self.model = model }

    var pyTypeName: String { model.typeName }
    func pyRepr() -> String { model.pyRepr() }
    var attributeNames: [String] { model.attributeNames + ["output_text"] }
    func pyEquals(_ other: Value) -> Bool {
        if case .object(let o) = other, let r = o as? ResponseModelObject { return model.pyEquals(.object(r.model)) }
        return false
    }

    func getAttribute(_ name: String) throws -> Value? {
        guard name == "output_text" else { return try model.getAttribute(name) }
        guard case .list(let output)? = try model.getAttribute("output") else {
            throw PythonError.typeError("'NoneType' object is not iterable")
        }
        var texts: [String] = []
        for item in output.items {
            guard case .object(let object) = item, let message = object as? OpenAIModelObject,
                try message.getAttribute("type") == .str("message"), case .list(let content)? = try message.getAttribute("content")
            else { continue }
            for part in content.items {
                guard case .object(let p) = part, let text = p as? OpenAIModelObject,
                    try text.getAttribute("type") == .str("output_text"), case .str(let s)? = try text.getAttribute("text")
                else { continue }
                texts.append(s)
            }
        }
        return .str(texts.joined())
    }

    /// The declared fields of `Response` and the types it nests, in pydantic's order (openai 3.57.0).
    static let schema: [String: [TypedModel.Field]] = [
        "Response": [
            .init("id"), .init("access_programs"), .init("created_at", float: true), .init("error"),
            .init("incomplete_details"), .init("instructions"), .init("metadata"), .init("model"), .init("object"),
            .init("output"), .init("parallel_tool_calls"), .init("temperature"),
            .init("tool_choice"), .init("tools"), .init("top_p"), .init("background"), .init("completed_at"),
            .init("conversation"), .init("image"), .init("input_transformations"), .init("max_output_tokens"),
            .init("max_tool_calls"), .init("moderation"), .init("previous_response_id"), .init("prompt"),
            .init("prompt_cache_diagnostics"), .init("prompt_cache_key"), .init("prompt_cache_options"),
            .init("prompt_cache_retention"), .init("reasoning"), .init("safety_identifier"), .init("service_tier"),
            .init("status"), .init("text"), .init("tool_usage"), .init("top_logprobs"), .init("truncation"),
            .init("usage", "ResponseUsage"), .init("user"),
        ],
        "ResponseOutputMessage": [
            .init("id"), .init("content", "ResponseOutputText"), .init("role"), .init("status"), .init("type"),
            .init("phase"),
        ],
        "ResponseOutputText": [.init("annotations"), .init("text"), .init("type"), .init("logprobs")],
        "ResponseUsage": [
            .init("input_tokens"), .init("input_tokens_details", "InputTokensDetails"), .init("output_tokens"),
            .init("output_tokens_details", "OutputTokensDetails"), .init("total_tokens"),
        ],
        "InputTokensDetails": [.init("cache_write_tokens"), .init("cached_tokens"), .init("cache_write_tokens_details")],
        "OutputTokensDetails": [.init("reasoning_tokens")],
    ]

    /// Builds the `Response`; output items that are not messages (tool calls, reasoning) stay plain dicts.
    static func make(from json: Value) -> Value {
        guard case .dict(let dict) = json else { return json }
        if case .list(let output)? = dict[.str("output")] {
            let items = output.items.map { item -> Value in
                guard case .dict(let d) = item, d[.str("type")] == .str("message") else { return item }
                return TypedModel.build("ResponseOutputMessage", from: item, schema: schema)
            }
            dict[.str("output")] = .list(PyList(items))
        }
        guard case .object(let object) = TypedModel.build("Response", from: json, schema: schema),
            let model = object as? OpenAIModelObject
        else { return json }
        return .object(ResponseModelObject(model: model))
    }
}
