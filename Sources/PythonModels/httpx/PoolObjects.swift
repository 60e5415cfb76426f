import PoolCore
import PoolEngine
import PoolScript

/// `client._transport._pool`: httpcore's `AsyncConnectionPool` / `ConnectionPool`, backed by a real PoolEngine pool.
///
/// Attribute values mirror httpcore's `__init__` (`connection_pool.py:94-104`): `None` becomes `sys.maxsize`, and
/// the keep-alive limit is `min(max_connections, max_keepalive_connections)` — computed with Python's `min`, so a
/// string limit raises the same `TypeError` httpcore raises at client construction.
package final class PoolObject: PyObject {
    package let id: Int
    package let stack: HTTPStack
    let isAsync: Bool
    package let engine: ConnectionPool
    package let maxConnections: Value
    package let maxKeepaliveConnections: Value
    package let keepaliveExpiry: Value
    let http1: Value
    let http2: Value
    let retries: Value
    /// The `asyncio.run` each connection was opened under (openai-python#874).
    let loopBindings = LoopBoundConnections()

    static var sysMaxsize: Value { .int(Int.max) }

    init(
        id: Int, stack: HTTPStack, isAsync: Bool, limits: LimitsObject, http1: Value, http2: Value, retries: Value,
        factory: any ConnectionFactory, clock: any Clock<Duration>, loop: any PoolEventLoop
    ) throws {
        self.id = id
        self.stack = stack
        self.isAsync = isAsync
        self.http1 = http1
        self.http2 = http2
        self.retries = retries
        let maxConnections = limits.maxConnections == .none ? Self.sysMaxsize : limits.maxConnections
        let keepalive = limits.maxKeepaliveConnections == .none ? Self.sysMaxsize : limits.maxKeepaliveConnections
        self.maxConnections = maxConnections
        self.maxKeepaliveConnections = try Self.pythonMin(maxConnections, keepalive)
        self.keepaliveExpiry = limits.keepaliveExpiry
        let configuration = PoolConfiguration(
            maxConnections: try Self.intLimit(limits.maxConnections, roundUp: true),
            maxKeepaliveConnections: try Self.intLimit(limits.maxKeepaliveConnections, roundUp: false),
            keepaliveExpiry: try Self.seconds(limits.keepaliveExpiry),
            algorithm: stack.algorithm)
        self.engine = ConnectionPool(
            configuration: configuration, factory: factory, connectRetries: Self.retryCount(retries), clock: clock,
            loop: loop)
    }

    /// The number of connect retries httpcore's loop makes for a `retries` value (`connection.py:105-161`):
    /// `retries_left <= 0` ends it and each retry subtracts 1, so `2.5` retries three times and `True` once.
    /// Non-numbers (Python would raise `TypeError` at the first failed connect) retry nothing.
    static func retryCount(_ retries: Value) -> Int {
        switch retries {
        case .int(let i): return max(0, i)
        case .bool(let b): return b ? 1 : 0
        case .float(let d):
            guard d.isFinite else { return d > 0 ? Int(Int32.max) : 0 }
            return max(0, Int(d.rounded(.up)))
        default: return 0
        }
    }

    /// Python's `min(a, b)` for the two limit values.
    private static func pythonMin(_ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)): return .int(min(x, y))
        case (.float, _), (_, .float), (.bool, _), (_, .bool):
            guard let x = number(a), let y = number(b) else { break }
            return y < x ? b : a
        default: break
        }
        throw PythonError.typeError("'<' not supported between instances of '\(b.typeName)' and '\(a.typeName)'")
    }

    private static func number(_ v: Value) -> Double? {
        switch v {
        case .int(let i): Double(i)
        case .float(let d): d
        case .bool(let b): b ? 1 : 0
        default: nil
        }
    }

    /// A limit as the integer the pool compares against: `len(connections) < 2.5` admits 3 connections, while
    /// `len(connections) > 2.5` trims above 2, hence the rounding direction.
    private static func intLimit(_ v: Value, roundUp: Bool) throws -> Int? {
        switch v {
        case .none: return nil
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .float(let d):
            guard d.isFinite else { return d > 0 ? nil : Int.min }
            return Int(roundUp ? d.rounded(.up) : d.rounded(.down))
        default:
            throw PythonError.typeError("'<' not supported between instances of 'int' and '\(v.typeName)'")
        }
    }

    private static func seconds(_ v: Value) throws -> Double? {
        switch v {
        case .none: return nil
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        default:
            throw PythonError.typeError("unsupported operand type(s) for +: 'float' and '\(v.typeName)'")
        }
    }

    package var className: String { isAsync ? "AsyncConnectionPool" : "ConnectionPool" }
    package var connectionClassName: String { isAsync ? "AsyncHTTPConnection" : "HTTPConnection" }
    package var pyTypeName: String { className }
    package func pyRepr() -> String { engine.snapshot.repr(className: className) }

    package var attributeNames: [String] {
        [
            "connections", "_connections", "_requests", "_max_connections", "_max_keepalive_connections",
            "_keepalive_expiry", "_http1", "_http2", "_retries", "aclose", "close",
        ]
    }

    package func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "_max_connections": return maxConnections
        case "_max_keepalive_connections": return maxKeepaliveConnections
        case "_keepalive_expiry": return keepaliveExpiry
        case "_http1": return http1
        case "_http2": return http2
        case "_retries": return retries
        case "connections", "_connections":
            let objects = engine.snapshot.connections.map {
                Value.object(ConnectionObject(snapshot: $0, className: connectionClassName, module: pyModuleName))
            }
            return .list(PyList(objects))
        case "_requests":
            let snapshot = engine.snapshot
            let count = snapshot.activeRequests + snapshot.queuedRequests
            return .list(PyList((0..<count).map { _ in Value.object(PoolRequestObject()) }))
        default: return nil
        }
    }
}

extension PoolObject: PyModuleQualified {
    /// `type(pool)` is `<class 'httpcore.ConnectionPool'>` (httpcore re-exports its classes at the top level and
    /// sets their `__module__`), or `httpcore2.…` under httpx2.
    package var pyModuleName: String { stack === HTTPStack.httpx ? "httpcore" : "httpcore2" }
}

/// `pool.connections[i]`: a frozen view of one connection, with httpcore's repr.
final class ConnectionObject: PyModuleQualified {
    let snapshot: ConnectionSnapshot
    let className: String
    /// `httpcore` or `httpcore2`: `type(conn)` is `<class 'httpcore.HTTPConnection'>`.
    let pyModuleName: String

    init(snapshot: ConnectionSnapshot, className: String, module: String) {
        self.snapshot = snapshot
        self.className = className
        self.pyModuleName = module
    }

    var pyTypeName: String { className }
    func pyRepr() -> String { snapshot.repr(className: className) }
    var attributeNames: [String] {
        ["_origin", "_request_count", "info", "is_available", "is_closed", "is_idle"]
    }

    func getAttribute(_ name: String) throws -> Value? {
        let state = snapshot.state
        switch name {
        case "_origin": return .str(snapshot.origin.description)
        case "_request_count": return .int(snapshot.requestCount)
        // `AsyncHTTPConnection.info()` (`httpcore/_async/connection.py:190-193`, `http11.py:277-279`): the repr's
        // inside.
        case "info":
            let text = snapshot.repr(className: className).dropFirst(className.count + 3).dropLast(2)
            return method(name) { .str(String(text)) }
        // `is_idle()` / `is_closed()` are True for a failed connect (`connection.py:177-188`); `is_available()` is
        // the HTTP/1.1 IDLE state (`http11.py:248-253`; PoolPlay's connections are HTTP/1.1).
        case "is_idle": return method(name) { .bool(state.isIdle) }
        case "is_closed": return method(name) { .bool(state == .closed || state == .connectionFailed) }
        case "is_available": return method(name) { .bool(state == .idle) }
        default: return nil
        }
    }

    private func method(_ name: String, _ body: @escaping () -> Value) -> Value {
        pyMethod(className, name) { [className] arguments in
            _ = try arguments.bind("\(className).\(name)", [], selfCounted: true)
            return body()
        }
    }
}

/// An entry of `pool._requests` (httpcore's `PoolRequest`).
final class PoolRequestObject: PyObject {
    var pyTypeName: String { "PoolRequest" }
    func pyRepr() -> String { "<httpcore._async.connection_pool.PoolRequest object>" }
}
