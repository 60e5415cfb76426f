import Foundation
import PoolScript

/// `client.embeddings.create(model=…, input=…)` (openai 3.57.0, `openai/resources/embeddings.py`).
///
/// As the SDK does (`openai/lib/_parsing/_embeddings.py`): when the caller gives no `encoding_format`, the request
/// asks for `"base64"` and each vector is decoded from little-endian float32 (`array.array("f", …).tolist()`), so
/// `r.data[0].embedding` is a list of floats either way. An explicit `encoding_format` is sent and nothing is decoded.
final class EmbeddingsResource: PyObject {
    let client: OpenAIClientObject
    init(client: OpenAIClientObject) { self.client = client }

    var pyTypeName: String { client.isAsync ? "AsyncEmbeddings" : "Embeddings" }
    func pyRepr() -> String { "<openai.resources.embeddings.\(pyTypeName) object>" }
    var attributeNames: [String] { ["create", "with_raw_response"] }

    /// `create`'s keyword-only signature, in the SDK's order.
    static var parameters: [Parameter] {
        [Parameter("input", kind: .keywordOnly), Parameter("model", kind: .keywordOnly)]
            + ["dimensions", "encoding_format", "user"].map { Parameter($0, kind: .keywordOnly, default: Value.none) }
            + OpenAIResourceParameters.requestOptions
    }

    func getAttribute(_ name: String) throws -> Value? {
        if name == "with_raw_response" {
            return .object(
                RawResponseResource(EmbeddingsResource(client: client.rawResponseView()), module: "openai.resources.embeddings"))
        }
        guard name == "create" else { return nil }
        return pyMethod(pyTypeName, "create", parameters: Self.parameters) { [client, pyTypeName] arguments in
            let bound = try arguments.bind("\(pyTypeName).create", Self.parameters, selfCounted: true)
            // `prepare_embedding_request`: model, input, user, dimensions, encoding_format, in that order.
            var body: [(Value, Value)] = [(.str("model"), bound["model"]), (.str("input"), bound["input"])]
            for key in ["user", "dimensions"] where bound.isGiven(key) { body.append((.str(key), bound[key])) }
            let decode = !bound.isGiven("encoding_format")
            body.append((.str("encoding_format"), decode ? .str("base64") : bound["encoding_format"]))
            let exceptions = client.exceptions
            let options = try OpenAIRequestOptions(bound, stack: client.httpClient.stack)
            return try client.call(
                "POST", path: "/embeddings", body: .dict(PyDict(body)), name: "\(pyTypeName).create", options: options
            ) {
                json in
                try Self.parse(json, decode: decode, exceptions: exceptions)
            }
        }
    }

    static let schema: [String: [TypedModel.Field]] = [
        "CreateEmbeddingResponse": [.init("data", "Embedding"), .init("model"), .init("object"), .init("usage", "Usage")],
        "Embedding": [.init("embedding"), .init("index"), .init("object")],
        "Usage": [.init("prompt_tokens"), .init("total_tokens")],
    ]

    /// The typed response; base64 vectors decoded when the caller gave no `encoding_format`.
    static func parse(_ json: Value, decode: Bool, exceptions: OpenAIExceptions) throws -> Value {
        guard decode else { return TypedModel.build("CreateEmbeddingResponse", from: json, schema: schema) }
        // `parse_embedding_response`: with no data at all there is nothing to decode.
        guard case .dict(let dict) = json, case .list(let data)? = dict[.str("data")], !data.items.isEmpty else {
            throw PythonError.valueError("No embedding data received")
        }
        for item in data.items {
            guard case .dict(let embedding) = item, case .str(let text)? = embedding[.str("embedding")] else { continue }
            embedding[.str("embedding")] = .list(PyList(decodeFloat32(text).map { .float(Double($0)) }))
        }
        return TypedModel.build("CreateEmbeddingResponse", from: json, schema: schema)
    }

    /// Base64 of little-endian float32 values → the floats (trailing bytes that make no whole float are dropped,
    /// where `array.array("f", …)` would raise).
    static func decodeFloat32(_ text: String) -> [Float] {
        guard let data = Data(base64Encoded: text) else { return [] }
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - bytes.count % 4, by: 4).map { i in
            let bits = UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
            return Float(bitPattern: bits)
        }
    }
}

/// Builds pydantic-style objects (``OpenAIModelObject``) from JSON with a caller-given schema: declared fields in
/// declaration order (missing ones are None), then extra keys, as pydantic's repr lists them.
enum TypedModel {
    struct Field {
        var name: String
        var nested: String?
        /// Coerce an int to float (`created_at: float` in `Response`).
        var isFloat = false
        init(_ name: String, _ nested: String? = nil, float: Bool = false) {
            self.name = name
            self.nested = nested
            self.isFloat = float
        }
    }

    static func build(_ typeName: String, from value: Value, schema: [String: [Field]]) -> Value {
        guard case .dict(let dict) = value, let fields = schema[typeName] else { return value }
        var built: [(name: String, value: Value)] = []
        for field in fields {
            var v = dict[.str(field.name)] ?? .none
            if field.isFloat, case .int(let i) = v { v = .float(Double(i)) }
            if let nested = field.nested {
                if case .list(let list) = v {
                    v = .list(PyList(list.items.map { build(nested, from: $0, schema: schema) }))
                } else if case .dict = v {
                    v = build(nested, from: v, schema: schema)
                }
            }
            built.append((field.name, v))
        }
        for pair in dict.pairs {
            if case .str(let key) = pair.key, !fields.contains(where: { $0.name == key }) { built.append((key, pair.value)) }
        }
        return .object(OpenAIModelObject(typeName: typeName, fields: built))
    }
}
