import MockServer
import PoolScript

/// `poolplay.server.ledger`: what the built-in mock endpoint saw, read fresh from the server on every
/// attribute access (so `ledger.total_requests` after a call already counts it).
///
/// The names are the snake_case spelling of the `GET /_poolplay/ledger` JSON fields:
/// `connections`, `requests`, `total_connections`, `total_requests`, `open_connections`,
/// `peak_connections`, `peak_requests`, `dropped_connections`, `dropped_requests`, `limit`.
final class LedgerObject: PyObject {
    let server: MockServer

    init(server: MockServer) { self.server = server }

    var pyTypeName: String { "Ledger" }

    static let counts = [
        "total_connections", "open_connections", "peak_connections", "total_requests", "peak_requests",
        "dropped_connections", "dropped_requests", "limit",
    ]

    /// `Ledger(total_connections=3, open_connections=1, …)`: the counts; the records are one attribute away.
    func pyRepr() -> String {
        let ledger = server.ledger()
        let fields = Self.counts.map { "\($0)=\(Self.count($0, ledger) ?? 0)" }
        return "Ledger(\(fields.joined(separator: ", ")))"
    }

    var attributeNames: [String] { ["connections", "requests", "reset", "model_dump"] + Self.counts }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "connections":
            return .list(PyList(server.ledger().connections.map { .object(LedgerRecordObject(connection: $0)) }))
        case "requests":
            return .list(PyList(server.ledger().requests.map { .object(LedgerRecordObject(request: $0)) }))
        case "reset":
            return pyMethod("Ledger", "reset") { [server] _ in
                server.resetLedger()
                return .none
            }
        case "model_dump":
            // Everything as plain dicts and lists, from one snapshot (what GET /_poolplay/ledger serves).
            return pyMethod("Ledger", "model_dump") { [server] _ in
                let ledger = server.ledger()
                var pairs = Self.counts.map { (Value.str($0), Value.int(Self.count($0, ledger) ?? 0)) }
                let connections = ledger.connections.map { LedgerRecordObject(connection: $0).dumped }
                let requests = ledger.requests.map { LedgerRecordObject(request: $0).dumped }
                pairs.append((.str("connections"), .list(PyList(connections))))
                pairs.append((.str("requests"), .list(PyList(requests))))
                return .dict(PyDict(pairs))
            }
        default:
            return Self.count(name, server.ledger()).map(Value.int)
        }
    }

    static func count(_ name: String, _ ledger: Ledger) -> Int? {
        switch name {
        case "total_connections": ledger.acceptedConnections
        case "open_connections": ledger.openConnections
        case "peak_connections": ledger.peakConcurrentConnections
        case "total_requests": ledger.totalRequests
        case "peak_requests": ledger.peakConcurrentRequests
        case "dropped_connections": ledger.droppedConnections
        case "dropped_requests": ledger.droppedRequests
        case "limit": ledger.limit
        default: nil
        }
    }
}

/// One connection or request of the ledger, as a read-only record with a pydantic-style repr:
/// `Connection(id=1, client_port=53211, opened_at=0.052, closed_at=None, requests=2, closed_by=None,
/// close_reason=None, bytes_in=612, bytes_out=1288)`. A snapshot: it does not change after it was read.
final class LedgerRecordObject: PyObject {
    let typeName: String
    let fields: [(name: String, value: Value)]

    init(typeName: String, fields: [(name: String, value: Value)]) {
        self.typeName = typeName
        self.fields = fields
    }

    /// A connection: `requests` is how many requests got a response on it.
    convenience init(connection c: ConnectionRecord) {
        self.init(
            typeName: "Connection",
            fields: [
                ("id", .int(c.id)), ("client_port", .int(c.clientPort)), ("opened_at", Self.time(c.openedAt)),
                ("closed_at", Self.time(c.closedAt)), ("requests", .int(c.requestsServed)),
                ("closed_by", c.closedBy.map(Value.str) ?? .none), ("close_reason", c.closeReason.map(Value.str) ?? .none),
                ("bytes_in", .int(c.bytesIn)), ("bytes_out", .int(c.bytesOut)),
            ])
    }

    /// A request: `status` is None until a response was written (or when none ever was); `bytes_in` and
    /// `bytes_out` are its bytes on the wire; `ttfb` the seconds from its head to the first byte of the
    /// response; `tokens` what it counted against `tpm` (None without that limit); `phase` the scenario
    /// phase in force when it arrived (None without a scenario); `retry_count` is the SDK's
    /// `x-stainless-retry-count` (None when the client sent none).
    convenience init(request r: RequestRecord) {
        self.init(
            typeName: "Request",
            fields: [
                ("id", .int(r.id)), ("route", .str("\(r.method) \(r.path)")),
                ("status", r.status == 0 ? .none : .int(r.status)), ("connection_id", .int(r.connectionID)),
                ("started_at", Self.time(r.startedAt)), ("ended_at", Self.time(r.endedAt)),
                ("bytes_in", .int(r.bytesIn)), ("bytes_out", .int(r.bytesOut)), ("ttfb", Self.time(r.timeToFirstByte)),
                ("tokens", r.tokens.map(Value.int) ?? .none), ("phase", r.phase.map(Value.str) ?? .none),
                ("retry_count", r.retryCount.map(Value.int) ?? .none),
            ])
    }

    /// Seconds since the server started, to the millisecond.
    static func time(_ seconds: Double?) -> Value {
        guard let seconds else { return .none }
        return .float((seconds * 1000).rounded() / 1000)
    }

    var pyTypeName: String { typeName }

    /// The fields as a dict (`model_dump()`).
    var dumped: Value { .dict(PyDict(fields.map { (Value.str($0.name), $0.value) })) }

    func pyRepr() -> String {
        "\(typeName)(\(fields.map { "\($0.name)=\($0.value.repr())" }.joined(separator: ", ")))"
    }

    var attributeNames: [String] { fields.map(\.name) + ["model_dump"] }

    func getAttribute(_ name: String) throws -> Value? {
        if name == "model_dump" {
            return pyMethod(typeName, "model_dump") { [dumped] _ in dumped }
        }
        return fields.first { $0.name == name }?.value
    }

    func pyEquals(_ other: Value) -> Bool {
        guard case .object(let object) = other, let record = object as? LedgerRecordObject else { return false }
        return record.typeName == typeName && record.fields.map(\.name) == fields.map(\.name)
            && zip(record.fields, fields).allSatisfy { $0.value == $1.value }
    }
}
