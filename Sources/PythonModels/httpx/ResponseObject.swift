import PoolEngine
import PoolScript

/// `httpx.Response` for a request whose body has been read (non-streamed).
final class ResponseObject: PyObject {
    let stack: HTTPStack
    let response: PoolResponse
    let method: String
    let url: URLParts

    init(stack: HTTPStack, response: PoolResponse, method: String, url: URLParts) {
        self.stack = stack
        self.response = response
        self.method = method
        self.url = url
    }

    var pyTypeName: String { "Response" }
    func pyRepr() -> String { "<Response [\(response.status) \(reasonPhrase)]>" }

    /// httpx uses the standard phrase for the status, not the server's text.
    var reasonPhrase: String { HTTPStatusPhrase.phrase(response.status) ?? response.reason }

    var text: String { String(decoding: response.body, as: UTF8.self) }

    /// `response.request`: the request this answers.
    var request: RequestObject { RequestObject(method: method, url: url, module: stack.module) }

    var attributeNames: [String] {
        [
            "status_code", "headers", "json", "text", "content", "http_version", "reason_phrase", "url",
            "is_success", "is_error", "raise_for_status", "aread", "read", "aclose", "close", "is_closed", "request",
        ]
    }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "status_code": return .int(response.status)
        case "headers": return .object(HeadersObject(response.headers, module: stack.module))
        case "text": return .str(text)
        case "content": return .bytes(response.body)
        case "http_version": return .str(response.httpVersion)
        case "reason_phrase": return .str(reasonPhrase)
        case "url": return .object(URLObject(url.description, module: stack.module))
        case "request": return .object(request)
        case "is_success": return .bool((200..<300).contains(response.status))
        case "is_error": return .bool(response.status >= 400)
        case "is_closed": return .bool(true)
        case "json":
            return pyMethod("Response", "json") { [self] _ in
                do {
                    return try JSON.parse(text)
                } catch let error as JSON.ParseError {
                    throw PythonError(
                        ExceptionClass(name: "JSONDecodeError", module: "json", base: .valueError), error.description)
                }
            }
        case "raise_for_status":
            return pyMethod("Response", "raise_for_status") { [self] _ in
                guard response.status >= 400 else { return .object(self) }
                let kind = response.status >= 500 ? "Server error" : "Client error"
                var error = PythonError(
                    stack.exceptions.httpStatusError,
                    "\(kind) '\(response.status) \(reasonPhrase)' for url '\(url.description)'\n"
                        + "For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/\(response.status)")
                // `HTTPStatusError(message, request=request, response=self)` (`httpx/_models.py`, `raise_for_status`).
                error.attributes["request"] = .object(request)
                error.attributes["response"] = .object(self)
                throw error
            }
        case "aread", "aclose":
            let body = response.body
            let isRead = name == "aread"
            return pyMethod("Response", name) { _ in
                .object(Coroutine(name: "Response.\(name)") { _ in isRead ? .bytes(body) : .none })
            }
        case "read": return pyMethod("Response", "read") { [self] _ in .bytes(response.body) }
        case "close": return pyMethod("Response", "close") { _ in .none }
        default: return nil
        }
    }
}

/// `httpx.Headers`: case-insensitive lookup, repr `Headers({'content-type': 'application/json', …})`.
final class HeadersObject: PyObject {
    let items: [(name: String, value: String)]
    /// `httpx` or `httpx2`, for `type(headers)`; nil where the maker does not know its library.
    let module: String?

    init(_ items: [(name: String, value: String)], module: String? = nil) {
        self.items = items
        self.module = module
    }

    var pyTypeName: String { "Headers" }

    func pyRepr() -> String {
        let dict = PyDict(items.map { (Value.str($0.name.lowercased()), Value.str($0.value)) })
        return "Headers(\(Value.dict(dict).repr()))"
    }

    func lookup(_ key: String) -> String? {
        let values = items.filter { $0.name.lowercased() == key.lowercased() }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    func getItem(_ key: Value) throws -> Value {
        guard case .str(let name) = key, let value = lookup(name) else {
            throw PythonError(.keyError, key.repr())
        }
        return .str(value)
    }

    func iterate() throws -> [Value] { items.map { .str($0.name.lowercased()) } }
    func length() throws -> Int { items.count }
    var attributeNames: [String] { ["get", "items", "keys", "values"] }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "get":
            return pyMethod("Headers", "get") { [self] arguments in
                let bound = try arguments.bind("get", [Parameter("key"), Parameter("default", default: Value.none)])
                guard case .str(let key) = bound["key"] else { return bound["default"] }
                return lookup(key).map(Value.str) ?? bound["default"]
            }
        case "items":
            return pyMethod("Headers", "items") { [self] _ in
                .list(PyList(items.map { .tuple([.str($0.name.lowercased()), .str($0.value)]) }))
            }
        case "keys": return pyMethod("Headers", "keys") { [self] _ in .list(PyList(try iterate())) }
        case "values": return pyMethod("Headers", "values") { [self] _ in .list(PyList(items.map { .str($0.value) })) }
        default: return nil
        }
    }
}

/// `httpx.URL`: repr `URL('http://127.0.0.1:8000/v1/')`; `str()` gives the URL.
final class URLObject: PyObject {
    let text: String
    /// `httpx` or `httpx2`, for `type(url)`; nil where the maker does not know its library.
    let module: String?
    init(_ text: String, module: String? = nil) {
        self.text = text
        self.module = module
    }
    var pyTypeName: String { "URL" }
    func pyRepr() -> String { "URL(\(Value.str(text).repr()))" }
    func pyStr() -> String { text }
    func pyEquals(_ other: Value) -> Bool {
        switch other {
        case .str(let s): s == text
        case .object(let o): (o as? URLObject)?.text == text
        default: false
        }
    }
}

/// Standard reason phrases (Python's `http.HTTPStatus`), which httpx shows in reprs.
enum HTTPStatusPhrase {
    static func phrase(_ status: Int) -> String? {
        let table: [Int: String] = [
            200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 301: "Moved Permanently", 302: "Found",
            304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request",
            401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
            408: "Request Timeout", 409: "Conflict", 413: "Request Entity Too Large", 422: "Unprocessable Entity",
            429: "Too Many Requests", 431: "Request Header Fields Too Large", 500: "Internal Server Error",
            502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
        ]
        return table[status]
    }
}
