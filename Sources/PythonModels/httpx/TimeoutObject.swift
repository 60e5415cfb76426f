import PoolEngine
import PoolScript

/// `httpx.Timeout`, with its four constructor forms, the repr collapse and its two errors
/// (`httpx/_config.py:72-156`).
final class TimeoutObject: PyModuleQualified {
    let stack: HTTPStack
    let connect: Value
    let read: Value
    let write: Value
    let pool: Value

    init(stack: HTTPStack, connect: Value, read: Value, write: Value, pool: Value) {
        self.stack = stack
        self.connect = connect
        self.read = read
        self.write = write
        self.pool = pool
    }

    convenience init(stack: HTTPStack, all: Value) {
        self.init(stack: stack, connect: all, read: all, write: all, pool: all)
    }

    /// `DEFAULT_TIMEOUT_CONFIG = Timeout(timeout=5.0)`.
    static func defaultTimeout(_ stack: HTTPStack) -> TimeoutObject { TimeoutObject(stack: stack, all: .float(5)) }

    /// openai's `DEFAULT_TIMEOUT = Timeout(timeout=600, connect=5.0)`.
    static func openAIDefault(_ stack: HTTPStack) -> TimeoutObject {
        TimeoutObject(stack: stack, connect: .float(5), read: .int(600), write: .int(600), pool: .int(600))
    }

    /// The session's `httpx.Timeout` / `httpx2.Timeout` class (openai 3.57 re-exports httpx2's as `openai.Timeout`).
    static func pythonClass(_ stack: HTTPStack, context: PlaygroundContext) -> PythonClass {
        context.classes.named("\(stack.module).Timeout") {
            let cls = PythonClass(name: "Timeout", module: stack.module, parameters: parameters) { try make(stack, $0) }
            cls.instanceCheck = { value in
                guard case .object(let object) = value, let timeout = object as? TimeoutObject else { return false }
                return timeout.stack === stack
            }
            return cls
        }
    }

    /// `Timeout(timeout=None, *, connect=None, read=None, write=None, pool=None)`.
    static var parameters: [Parameter] {
        [
            Parameter("timeout", default: Value.none), Parameter("connect", kind: .keywordOnly, default: Value.none),
            Parameter("read", kind: .keywordOnly, default: Value.none),
            Parameter("write", kind: .keywordOnly, default: Value.none),
            Parameter("pool", kind: .keywordOnly, default: Value.none),
        ]
    }

    /// Builds a Timeout from constructor arguments, exactly as httpx does.
    static func make(_ stack: HTTPStack, _ arguments: Arguments) throws -> Value {
        let bound = try arguments.bind("Timeout.__init__", parameters, selfCounted: true)
        let names = ["connect", "read", "write", "pool"]
        let given = names.map { bound.isGiven($0) }
        if bound.isGiven("timeout"), case .object(let object) = bound["timeout"], let other = object as? TimeoutObject {
            // `assert connect is UNSET and read is UNSET …` — a bare AssertionError.
            guard !given.contains(true) else { throw PythonError(.assertionError, "") }
            return .object(TimeoutObject(stack: stack, connect: other.connect, read: other.read, write: other.write, pool: other.pool))
        }
        if bound.isGiven("timeout"), case .tuple(let items) = bound["timeout"] {
            func item(_ i: Int) -> Value { i < items.count ? items[i] : .none }
            guard items.count >= 2 else {
                throw PythonError(.indexError, "tuple index out of range")
            }
            return .object(TimeoutObject(stack: stack, connect: item(0), read: item(1), write: item(2), pool: item(3)))
        }
        if given.allSatisfy({ $0 }) {
            return .object(
                TimeoutObject(
                    stack: stack, connect: bound["connect"], read: bound["read"], write: bound["write"], pool: bound["pool"]))
        }
        guard bound.isGiven("timeout") else {
            throw PythonError(
                .valueError,
                "\(stack.module).Timeout must either include a default, or set all four parameters explicitly.")
        }
        let base = bound["timeout"]
        func pick(_ name: String) -> Value { bound.isGiven(name) ? bound[name] : base }
        return .object(TimeoutObject(stack: stack, connect: pick("connect"), read: pick("read"), write: pick("write"), pool: pick("pool")))
    }

    var pyTypeName: String { "Timeout" }

    /// `Timeout(timeout=X)` when all four are equal (a set of one), otherwise all four listed.
    ///
    /// The test is `len({self.connect, self.read, self.write, self.pool}) == 1` (`httpx/_config.py:150`), so a
    /// Timeout built from a list (`Timeout([1, 2])`, accepted by `__init__`) fails only when printed:
    /// `TypeError: unhashable type: 'list'`, which ``checkedRepr()`` raises; `pyRepr` (views) falls back.
    func pyRepr() -> String {
        (try? checkedRepr()) ?? "Timeout(timeout=\(connect.str()))"
    }

    func checkedRepr() throws -> String {
        let values = [connect, read, write, pool]
        for value in values { try value.requireHashable() }
        if values.allSatisfy({ $0 == connect }) { return "Timeout(timeout=\(connect.str()))" }
        return "Timeout(connect=\(connect.str()), read=\(read.str()), write=\(write.str()), pool=\(pool.str()))"
    }

    var attributeNames: [String] { ["connect", "read", "write", "pool", "as_dict"] }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "connect": return connect
        case "read": return read
        case "write": return write
        case "pool": return pool
        case "as_dict":
            return .object(
                NativeFunction(name: "as_dict") { [self] _ in
                    .dict(PyDict([(.str("connect"), connect), (.str("read"), read), (.str("write"), write), (.str("pool"), pool)]))
                })
        default: return nil
        }
    }

    /// Field-wise `__eq__` for the same class only: `isinstance(other, Timeout)` fails across httpx and httpx2.
    func pyEquals(_ other: Value) -> Bool {
        guard case .object(let object) = other, let t = object as? TimeoutObject, t.stack === stack else { return false }
        return t.connect == connect && t.read == read && t.write == write && t.pool == pool
    }

    /// The per-request timeouts the pool and connections use.
    func requestTimeouts() throws -> RequestTimeouts {
        func duration(_ v: Value, _ name: String) throws -> Duration? {
            switch v {
            case .none: return nil
            case .int(let i): return .milliseconds(i * 1000)
            case .float(let d): return .nanoseconds(Int64((d * 1e9).rounded()))
            case .bool(let b): return .seconds(b ? 1 : 0)
            default:
                throw PythonError.typeError("'<' not supported between instances of 'float' and '\(v.typeName)'")
            }
        }
        return RequestTimeouts(
            connect: try duration(connect, "connect"), read: try duration(read, "read"),
            write: try duration(write, "write"), pool: try duration(pool, "pool"))
    }
}

extension TimeoutObject: PyCheckedRepr, PyUnhashable {
    /// `type(timeout)` without a session (the class registry answers first): `<class 'httpx.Timeout'>`.
    var pyModuleName: String { stack.module }
}

extension HTTPClientObject {
    /// `Timeout.pool` of this client's requests in seconds, `nil` for None (teaching views: `%why`).
    package var poolTimeoutSeconds: Double? { timeout.pool.asSeconds }
}

extension OpenAIClientObject {
    /// `Timeout.pool` of this client's requests in seconds, `nil` for None (teaching views: `%why`).
    package var poolTimeoutSeconds: Double? { timeout.pool.asSeconds }
}
