import PoolScript

/// The events of `client.responses.create(stream=True)` (openai 3.57.0, `openai/types/responses/`): each
/// server-sent `data:` object becomes the pydantic event class its `type` names, fields in the SDK's order.
enum ResponseEvents {
    /// `type` → (class name, declared fields in pydantic's order).
    static let classes: [String: (name: String, fields: [String])] = [
        "response.created": ("ResponseCreatedEvent", ["response", "sequence_number", "type"]),
        "response.in_progress": ("ResponseInProgressEvent", ["response", "sequence_number", "type"]),
        "response.completed": ("ResponseCompletedEvent", ["response", "sequence_number", "type"]),
        "response.failed": ("ResponseFailedEvent", ["response", "sequence_number", "type"]),
        "response.output_item.added": ("ResponseOutputItemAddedEvent", ["item", "output_index", "sequence_number", "type"]),
        "response.output_item.done": ("ResponseOutputItemDoneEvent", ["item", "output_index", "sequence_number", "type"]),
        "response.content_part.added": (
            "ResponseContentPartAddedEvent",
            ["content_index", "item_id", "output_index", "part", "sequence_number", "type"]
        ),
        "response.content_part.done": (
            "ResponseContentPartDoneEvent",
            ["content_index", "item_id", "output_index", "part", "sequence_number", "type"]
        ),
        "response.output_text.delta": (
            "ResponseTextDeltaEvent",
            ["content_index", "delta", "item_id", "logprobs", "output_index", "sequence_number", "type"]
        ),
        "response.output_text.done": (
            "ResponseTextDoneEvent",
            ["content_index", "item_id", "logprobs", "output_index", "sequence_number", "text", "type"]
        ),
        "error": ("ResponseErrorEvent", ["code", "message", "param", "sequence_number", "type"]),
    ]

    /// One event object; an unknown `type` stays a plain dict, as the SDK's union falls back to.
    static func make(_ json: Value) -> Value {
        guard case .dict(let dict) = json, case .str(let type)? = dict[.str("type")], let known = classes[type] else {
            return json
        }
        var fields: [(name: String, value: Value)] = known.fields.map { name in
            let raw = dict[.str(name)] ?? .none
            switch name {
            case "response": return (name, ResponseModelObject.make(from: raw))
            case "item": return (name, message(raw))
            case "part": return (name, TypedModel.build("ResponseOutputText", from: raw, schema: ResponseModelObject.schema))
            default: return (name, raw)
            }
        }
        for pair in dict.pairs {
            if case .str(let key) = pair.key, !known.fields.contains(key) { fields.append((key, pair.value)) }
        }
        return .object(OpenAIModelObject(typeName: known.name, fields: fields))
    }

    private static func message(_ raw: Value) -> Value {
        guard case .dict(let d) = raw, d[.str("type")] == .str("message") else { return raw }
        return TypedModel.build("ResponseOutputMessage", from: raw, schema: ResponseModelObject.schema)
    }
}
