import PoolCore
import PoolScript

/// An absolute `http://` URL split the way httpx needs it: origin and request target.
struct URLParts: Equatable {
    var scheme: String
    var host: String
    var port: Int
    /// Path plus query, always starting with "/".
    var target: String

    var origin: Origin { Origin(scheme: scheme, host: host, port: port) }

    /// `http://127.0.0.1:8000/v1/models` (the default port is omitted, as httpx prints URLs).
    var description: String {
        let defaultPort = scheme == "https" ? 443 : 80
        return "\(scheme)://\(host)\(port == defaultPort ? "" : ":\(port)")\(target)"
    }

    /// Parses an absolute URL; nil when the text has no `scheme://`.
    static func parseAbsolute(_ text: String) -> URLParts? {
        guard let schemeEnd = schemeSeparator(in: text) else { return nil }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
        else { return nil }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var target = String(rest[authorityEnd...])
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if target.isEmpty || target.first == "?" { target = "/" + target }
        var host = String(authority)
        var port = scheme == "https" ? 443 : 80
        if host.hasPrefix("[") {
            if let close = host.firstIndex(of: "]") {
                let after = host[host.index(after: close)...]
                if after.hasPrefix(":"), let p = Int(after.dropFirst()) { port = p }
                host = String(host[host.index(after: host.startIndex)..<close])
            }
        } else if let colon = host.lastIndex(of: ":") {
            let portText = host[host.index(after: colon)...]
            if let p = Int(portText) { port = p } else if !portText.isEmpty { return nil }
            host = String(host[..<colon])
        }
        return URLParts(scheme: scheme, host: host.lowercased(), port: port, target: target)
    }

    /// Where the first `://` is, found on the UTF-8 bytes (Foundation's `range(of:)` was a twentieth of a
    /// request's time).
    private static func schemeSeparator(in text: String) -> Range<String.Index>? {
        let bytes = text.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: ":") {
                let slash1 = bytes.index(after: index)
                if slash1 != bytes.endIndex, bytes[slash1] == UInt8(ascii: "/") {
                    let slash2 = bytes.index(after: slash1)
                    if slash2 != bytes.endIndex, bytes[slash2] == UInt8(ascii: "/") {
                        return index..<bytes.index(after: slash2)
                    }
                }
            }
            index = bytes.index(after: index)
        }
        return nil
    }

    /// httpx's `_merge_url`: a relative URL is appended to the base URL's path (base path gets a trailing slash,
    /// the relative path loses its leading one).
    static func resolve(_ text: String, base: URLParts?) -> URLParts? {
        if let absolute = parseAbsolute(text) { return absolute }
        guard var merged = base else { return nil }
        var basePath = merged.target
        var baseQuery = ""
        if let q = basePath.firstIndex(of: "?") {
            baseQuery = String(basePath[q...])
            basePath = String(basePath[..<q])
        }
        _ = baseQuery
        if !basePath.hasSuffix("/") { basePath += "/" }
        var relative = Substring(text)
        while relative.hasPrefix("/") { relative = relative.dropFirst() }
        merged.target = basePath + relative
        return merged
    }
}

extension PythonError {
    /// httpx's error for a relative URL with no base_url, or an unknown scheme.
    static func unsupportedProtocol(_ stack: HTTPStack, url: String) -> PythonError {
        if URLParts.parseAbsolute(url) == nil {
            return PythonError(
                stack.exceptions.unsupportedProtocol,
                "Request URL is missing an 'http://' or 'https://' protocol.",
                hint: "httpx clients need an absolute URL, or base_url= on the client, e.g. "
                    + "httpx.AsyncClient(base_url=os.environ['OPENAI_BASE_URL'])")
        }
        return PythonError(
            stack.exceptions.unsupportedProtocol, "Request URL has an unsupported protocol '\(url.prefix(while: { $0 != ":" }))://'.")
    }

    /// PoolPlay speaks plain HTTP only, for now.
    static func tlsUnsupported(url: String) -> PythonError {
        PythonError(
            .notImplementedError, "PoolPlay does not support https:// yet: \(url)",
            hint: "use an http:// URL, e.g. the built-in mock in os.environ['OPENAI_BASE_URL'], or `poolplay serve`")
    }
}

/// The parts of an `httpx.URL` (`client.base_url.host`, `.port`, …), as httpx computes them: `port` is None
/// when it is the scheme's default, `path` excludes the query, `query` is bytes.
extension URLObject {
    var attributeNames: [String] { ["host", "path", "port", "query", "scheme"] }

    func getAttribute(_ name: String) throws -> Value? {
        guard let parts = URLParts.parseAbsolute(text) else {
            switch name {
            case "scheme", "host": return .str("")
            case "port": return Value.none
            case "path": return .str(text)
            case "query": return .bytes([])
            default: return nil
            }
        }
        let query = parts.target.firstIndex(of: "?")
        switch name {
        case "scheme": return .str(parts.scheme)
        case "host": return .str(parts.host)
        case "port": return parts.port == (parts.scheme == "https" ? 443 : 80) ? Value.none : .int(parts.port)
        case "path": return .str(query.map { String(parts.target[..<$0]) } ?? parts.target)
        case "query": return .bytes(query.map { Array(parts.target[parts.target.index(after: $0)...].utf8) } ?? [])
        default: return nil
        }
    }
}
