import PoolScript

/// `.with_raw_response` (openai 3.57.0, `openai/_legacy_response.py`): the same resource, whose methods return a
/// `LegacyAPIResponse` — status, headers and the `httpx2.Response` — instead of the parsed object; `parse()` gives
/// the object. Error statuses still raise, as without it.
///
/// PoolPlay builds the wrapped resource on a view of the client whose calls return ``LegacyAPIResponseObject``
/// (``OpenAIClientObject/rawResponseView()``), so every method of the resource and of its sub-resources
/// (`client.with_raw_response.chat.completions`) answers raw.
final class RawResponseResource: PyObject {
    let inner: any PyObject
    /// The SDK's wrapper module path, e.g. `openai.resources.models`.
    let module: String

    init(_ inner: any PyObject, module: String) {
        self.inner = inner
        self.module = module
    }

    /// `ModelsWithRawResponse`, `AsyncCompletionsWithRawResponse`, `OpenAIWithRawResponse`.
    var pyTypeName: String { inner.pyTypeName + "WithRawResponse" }
    func pyRepr() -> String { "<\(module).\(pyTypeName) object at \(fakeAddressOf(self))>" }
    var attributeNames: [String] { inner.attributeNames.filter { $0 != "with_raw_response" } }
    func getAttribute(_ name: String) throws -> Value? { try inner.getAttribute(name) }
}

/// `openai._legacy_response.LegacyAPIResponse`: what a `with_raw_response` call returns (sync and async alike:
/// `parse()` is a plain method). `parse()` builds the object once and returns the same one after.
final class LegacyAPIResponseObject: PyModuleQualified {
    let response: ResponseObject
    let retriesTaken: Int
    private let parseBody: () throws -> Value
    private var parsed: Value?

    init(response: ResponseObject, retriesTaken: Int, parse: @escaping () throws -> Value) {
        self.response = response
        self.retriesTaken = retriesTaken
        self.parseBody = parse
    }

    var pyTypeName: String { "LegacyAPIResponse" }
    var pyModuleName: String { "openai._legacy_response" }

    /// `<APIResponse [200 OK] type=<class '…ChatCompletion'>>` (`_legacy_response.py:340-341`).
    func pyRepr() -> String {
        let type = (try? parse()).map { "<class '\($0.typeName)'>" } ?? "None"
        return "<APIResponse [\(response.response.status) \(response.reasonPhrase)] type=\(type)>"
    }

    func parse() throws -> Value {
        if let parsed { return parsed }
        let value = try parseBody()
        parsed = value
        return value
    }

    var attributeNames: [String] {
        [
            "parse", "headers", "http_request", "http_response", "status_code", "url", "method", "content", "text",
            "http_version", "is_closed", "request_id", "retries_taken",
        ]
    }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "parse":
            return pyMethod("LegacyAPIResponse", "parse") { [self] arguments in
                _ = try arguments.bind("LegacyAPIResponse.parse", [], selfCounted: true)
                return try parse()
            }
        case "http_response": return .object(response)
        case "http_request": return .object(response.request)
        case "retries_taken": return .int(retriesTaken)
        case "request_id": return try response.getAttribute("headers").flatMap { headers in
            guard case .object(let object) = headers, let headers = object as? HeadersObject else { return nil }
            return headers.lookup("x-request-id").map(Value.str) ?? Value.none
        }
        case "headers", "status_code", "url", "content", "text", "http_version", "is_closed":
            return try response.getAttribute(name)
        case "method": return .str(response.method)
        default: return nil
        }
    }
}
