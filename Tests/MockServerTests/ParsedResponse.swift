import Foundation

/// A raw HTTP/1.1 response as bytes on the wire, parsed by the tests themselves (not by NIO), so that
/// the tests check exactly what a client such as httpcore would read.
struct ParsedResponse: Sendable {
    var statusLine: String
    var status: Int
    var headers: [(name: String, value: String)]
    var body: String

    /// The first value of a header, case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// How many times a header occurs.
    func count(of name: String) -> Int {
        headers.count { $0.name.lowercased() == name.lowercased() }
    }

    /// The body parsed as a JSON object.
    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
            throw ParseError.notAnObject(body)
        }
        return object
    }

    enum ParseError: Error {
        case notAnObject(String)
        case malformed(String)
    }

    /// Parses the first complete response in `bytes` (with a `content-length` body).
    ///
    /// - Returns: the response and the number of bytes it used, or `nil` if `bytes` holds no complete response yet.
    static func parseFirst(_ bytes: [UInt8]) throws -> (response: ParsedResponse, consumed: Int)? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard bytes.count >= 4,
            let headEnd = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<$0 + 4]) == separator })
        else { return nil }
        let headText = String(decoding: bytes[..<headEnd], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let statusParts = statusLine.split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw ParseError.malformed(statusLine) }
        let headers = lines.map { line -> (name: String, value: String) in
            let colon = line.firstIndex(of: ":") ?? line.endIndex
            let value = line[colon...].dropFirst().drop(while: { $0 == " " })
            return (String(line[..<colon]), String(value))
        }
        var response = ParsedResponse(statusLine: statusLine, status: status, headers: headers, body: "")
        guard let length = response.header("content-length").flatMap({ Int($0) }) else {
            throw ParseError.malformed("no content-length in \(headText)")
        }
        let bodyStart = headEnd + 4
        guard bytes.count >= bodyStart + length else { return nil }
        response.body = String(decoding: bytes[bodyStart..<bodyStart + length], as: UTF8.self)
        return (response, bodyStart + length)
    }

    /// Parses every complete response in `bytes`.
    static func parseAll(_ bytes: [UInt8]) throws -> [ParsedResponse] {
        var rest = bytes[...]
        var responses: [ParsedResponse] = []
        while let (response, consumed) = try parseFirst(Array(rest)) {
            responses.append(response)
            rest = rest.dropFirst(consumed)
        }
        return responses
    }
}

/// Raw request texts used by the tests.
enum Requests {
    static func get(_ path: String, headers: [String] = []) -> String {
        (["GET \(path) HTTP/1.1", "Host: 127.0.0.1"] + headers).joined(separator: "\r\n") + "\r\n\r\n"
    }

    static func post(_ path: String, body: String, headers: [String] = []) -> String {
        let lines = [
            "POST \(path) HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json",
            "Content-Length: \(body.utf8.count)",
        ]
        return (lines + headers).joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    static let chatBody =
        #"{"model":"gpt-4o-mini","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"ping 1"}]}"#

    static func chat(_ body: String = chatBody, headers: [String] = []) -> String {
        post("/v1/chat/completions", body: body, headers: headers)
    }
}
