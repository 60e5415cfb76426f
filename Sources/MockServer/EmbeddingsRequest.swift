import Foundation
import NIOCore

extension JSONValue {
    /// A request body parsed as a JSON object, or `nil` when it is not valid JSON or not an object.
    static func requestObject(_ body: ByteBuffer) -> JSONValue? {
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: Data(body.readableBytesView)),
            case .object = json
        else { return nil }
        return json
    }
}

/// A `POST /v1/embeddings` request and its strict-valid answer.
///
/// The openai SDK sends `"encoding_format": "base64"` unless the caller picks one (openai-wire §1) and
/// decodes the string as little-endian float32 values, so both encodings are served. Vectors are
/// deterministic functions of the input text, so equal inputs give equal vectors.
struct EmbeddingsRequest: Sendable {
    var model: String
    /// One text per input (token arrays are rendered as their numbers joined by spaces).
    var inputs: [String]
    var base64: Bool
    var dimensions: Int

    /// The vector length when the request gives no `dimensions`.
    static let defaultDimensions = 8
    /// The largest `dimensions` accepted (text-embedding-3-large's size).
    static let maxDimensions = 3072

    static func parse(_ body: ByteBuffer) -> Result<EmbeddingsRequest, OpenAIError> {
        guard let json = JSONValue.requestObject(body) else { return .failure(.invalidJSON) }
        guard let model = json["model"]?.stringValue else { return .failure(.missingParameter("model")) }
        let inputs: [String]
        switch json["input"] {
        case .string(let text): inputs = [text]
        case .array(let items) where !items.isEmpty: inputs = items.map(Self.text)
        case .none, .null, .bool, .int, .double, .object, .array: return .failure(.missingParameter("input"))
        }
        let base64: Bool
        switch json["encoding_format"]?.stringValue {
        case nil, "float": base64 = false
        case "base64": base64 = true
        case .some: return .failure(.missingParameter("encoding_format"))
        }
        var dimensions = defaultDimensions
        if case .int(let asked) = json["dimensions"] {
            guard (1...maxDimensions).contains(asked) else { return .failure(.missingParameter("dimensions")) }
            dimensions = asked
        }
        return .success(EmbeddingsRequest(model: model, inputs: inputs, base64: base64, dimensions: dimensions))
    }

    private static func text(_ item: JSONValue) -> String {
        switch item {
        case .string(let text): text
        case .int(let token): String(token)
        case .array(let tokens): tokens.map(text).joined(separator: " ")
        case .null, .bool, .double, .object: ""
        }
    }

    /// A deterministic vector in [0, 1) for `text`: FNV-1a of the bytes, stepped per dimension.
    static func vector(_ text: String, dimensions: Int) -> [Float] {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return (0..<dimensions).map { index in
            hash = (hash ^ UInt64(index)) &* 0x100_0000_01b3
            return Float(hash % 1000) / 1000
        }
    }

    /// Base64 of the little-endian float32 bytes, the SDK's `encoding_format: "base64"` payload.
    static func base64(_ vector: [Float]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(vector.count * 4)
        for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        return Data(bytes).base64EncodedString()
    }

    /// The strict-valid `list` of `embedding` objects.
    func response() -> JSONValue {
        let data = inputs.enumerated().map { index, text in
            let vector = Self.vector(text, dimensions: dimensions)
            let embedding: JSONValue =
                base64 ? .string(Self.base64(vector)) : .array(vector.map { .double(Double($0)) })
            return JSONValue.object([("object", .string("embedding")), ("index", .int(index)), ("embedding", embedding)])
        }
        let tokens = inputs.map(ChatRequest.tokens).reduce(0, +)
        return .object([
            ("object", .string("list")),
            ("data", .array(data)),
            ("model", .string(model)),
            ("usage", .object([("prompt_tokens", .int(tokens)), ("total_tokens", .int(tokens))])),
        ])
    }
}
