import PoolScript

/// `httpx.Request` as a response and an `HTTPStatusError` carry it (`response.request`, `exc.request`): the method
/// and the URL, with httpx's repr `<Request('GET', 'http://127.0.0.1:8000/v1/models')>` (`httpx/_models.py`,
/// `Request.__repr__`).
final class RequestObject: PyObject {
    let method: String
    let url: URLParts
    /// `httpx` or `httpx2`, for `type(request)`.
    let module: String?

    init(method: String, url: URLParts, module: String?) {
        self.method = method
        self.url = url
        self.module = module
    }

    var pyTypeName: String { "Request" }
    func pyRepr() -> String { "<Request(\(Value.str(method).repr()), \(Value.str(url.description).repr()))>" }
    var attributeNames: [String] { ["method", "url"] }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "method": .str(method)
        case "url": .object(URLObject(url.description, module: module))
        default: nil
        }
    }
}
