import Foundation
import PoolScript

/// The per-call options every openai resource method takes — `extra_headers`, `extra_query`, `extra_body`,
/// `timeout` — applied as the SDK's `_build_request` applies them (`openai/_base_client.py`): extra headers replace
/// same-named ones, the query is appended to the URL, the extra body is merged into the JSON body, and a timeout
/// replaces the client's for this call (it also goes out as `x-stainless-read-timeout`).
struct OpenAIRequestOptions {
    var headers: [(name: String, value: String)] = []
    var query: [(name: String, value: String)] = []
    var body: [(Value, Value)] = []
    var timeout: TimeoutObject?

    init() {}

    /// Reads the options from a resource method's bound arguments (see ``OpenAIResourceParameters/requestOptions``).
    init(_ bound: BoundArguments, stack: HTTPStack) throws {
        if case .dict(let dict) = bound["extra_headers"] {
            headers = dict.pairs.map { ($0.key.str(), $0.value.str()) }
        }
        if case .dict(let dict) = bound["extra_query"] {
            query = dict.pairs.map { ($0.key.str(), $0.value.str()) }
        }
        if case .dict(let dict) = bound["extra_body"] {
            body = dict.pairs.map { ($0.key, $0.value) }
        }
        if bound.isGiven("timeout") {
            timeout = try HTTPClientObject.coerceTimeout(stack, bound["timeout"])
        }
    }

    /// `headers` with the extra ones replacing any of the same name (case-insensitive), then appended.
    func apply(to headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
        guard !self.headers.isEmpty else { return headers }
        let replaced = Set(self.headers.map { $0.name.lowercased() })
        return headers.filter { !replaced.contains($0.name.lowercased()) } + self.headers
    }

    /// `url` with the extra query parameters appended, percent-encoded.
    func apply(toURL url: String) -> String {
        guard !query.isEmpty else { return url }
        let encoded = query.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
        return url + (url.contains("?") ? "&" : "?") + encoded
    }

    /// The JSON body with `extra_body` merged in (a copy: the learner's dict is not changed).
    func apply(toBody body: Value?) -> Value? {
        guard !self.body.isEmpty else { return body }
        guard case .dict(let dict)? = body else { return body ?? .dict(PyDict(self.body)) }
        let merged = PyDict(dict.pairs.map { ($0.key, $0.value) })
        for (key, value) in self.body { merged[key] = value }
        return .dict(merged)
    }

    private static func encode(_ text: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        return text.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }
            .joined()
    }
}
