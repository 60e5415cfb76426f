import PoolScript

/// A parsed API object with pydantic's repr (`Model(id='mock-gpt', created=1700000000, object='model', …)`) and
/// attribute access (`r.choices[0].message.content`).
final class OpenAIModelObject: PyObject {
    let typeName: String
    let fields: [(name: String, value: Value)]
    /// The fields the API actually sent (the rest are None by default); `to_dict()` keeps only these.
    let setFields: Set<String>

    init(typeName: String, fields: [(name: String, value: Value)], setFields: Set<String>? = nil) {
        self.typeName = typeName
        self.fields = fields
        self.setFields = setFields ?? Set(fields.map(\.name))
    }

    var pyTypeName: String { typeName }

    func pyRepr() -> String {
        "\(typeName)(" + fields.map { "\($0.name)=\($0.value.repr())" }.joined(separator: ", ") + ")"
    }

    var attributeNames: [String] { fields.map(\.name) + Self.dumpMethods }

    func getAttribute(_ name: String) throws -> Value? {
        if let field = fields.first(where: { $0.name == name }) { return field.value }
        return dumpMethod(name)
    }

    func pyEquals(_ other: Value) -> Bool {
        guard case .object(let o) = other, let m = o as? OpenAIModelObject else { return false }
        return m.typeName == typeName && m.fields.count == fields.count
            && zip(m.fields, fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// `model_dump()`: every field, nested objects as dicts.
    func toDict() -> Value { dump(excludeUnset: false, excludeNone: false) }
}

/// The declared field order of the openai types PoolPlay builds, so reprs list fields as pydantic does.
enum OpenAISchema {
    /// field name → nested type (for objects and lists of objects).
    struct Field {
        var name: String
        var nested: String?
    }

    static let types: [String: [Field]] = [
        "Model": [f("id"), f("created"), f("object"), f("owned_by"), f("shutdown_date")],
        "ChatCompletion": [
            f("id"), f("choices", "Choice"), f("created"), f("model"), f("object"), f("metadata"),
            f("moderation"), f("service_tier"),
            f("system_fingerprint"), f("usage", "CompletionUsage"),
        ],
        "Choice": [f("finish_reason"), f("index"), f("logprobs"), f("message", "ChatCompletionMessage")],
        "ChatCompletionMessage": [
            f("content"), f("refusal"), f("role"), f("annotations"), f("audio"), f("function_call"), f("tool_calls"),
        ],
        "CompletionUsage": [
            f("completion_tokens"), f("prompt_tokens"), f("total_tokens"), f("completion_tokens_details"),
            f("prompt_tokens_details"),
        ],
    ]

    private static func f(_ name: String, _ nested: String? = nil) -> Field { Field(name: name, nested: nested) }

    /// Builds a typed object from a JSON dict: declared fields first (missing ones are None), then extras.
    static func build(_ typeName: String, from value: Value) -> Value {
        guard case .dict(let dict) = value, let schema = types[typeName] else { return value }
        var fields: [(name: String, value: Value)] = []
        for field in schema {
            var v = dict[.str(field.name)] ?? .none
            if let nested = field.nested {
                if case .list(let list) = v {
                    v = .list(PyList(list.items.map { build(nested, from: $0) }))
                } else if case .dict = v {
                    v = build(nested, from: v)
                }
            }
            fields.append((field.name, v))
        }
        for pair in dict.pairs {
            if case .str(let key) = pair.key, !schema.contains(where: { $0.name == key }) { fields.append((key, pair.value)) }
        }
        let sent = Set(dict.pairs.compactMap { pair -> String? in
            if case .str(let key) = pair.key { return key } else { return nil }
        })
        return .object(OpenAIModelObject(typeName: typeName, fields: fields, setFields: sent))
    }
}

/// `SyncPage[Model]` / `AsyncPage[Model]`: iterable over `data`.
final class PageObject: PyObject {
    let typeName: String
    let data: [Value]
    let object: Value

    init(typeName: String, data: [Value], object: Value) {
        self.typeName = typeName
        self.data = data
        self.object = object
    }

    var pyTypeName: String { typeName }
    func pyRepr() -> String { "\(typeName)(data=\(Value.list(PyList(data)).repr()), object=\(object.repr()))" }
    var attributeNames: [String] { ["data", "object"] }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "data": .list(PyList(data))
        case "object": object
        default: nil
        }
    }

    func iterate() throws -> [Value] { data }
}
