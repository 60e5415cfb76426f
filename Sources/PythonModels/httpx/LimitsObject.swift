import PoolScript

/// `httpx.Limits` / `httpx2.Limits`: keyword-only, no validation, field-wise equality (`httpx/_config.py:159-198`).
final class LimitsObject: PyModuleQualified {
    let stack: HTTPStack
    let maxConnections: Value
    let maxKeepaliveConnections: Value
    let keepaliveExpiry: Value

    init(stack: HTTPStack, maxConnections: Value, maxKeepaliveConnections: Value, keepaliveExpiry: Value) {
        self.stack = stack
        self.maxConnections = maxConnections
        self.maxKeepaliveConnections = maxKeepaliveConnections
        self.keepaliveExpiry = keepaliveExpiry
    }

    /// `DEFAULT_LIMITS = Limits(max_connections=100, max_keepalive_connections=20)` (`_config.py:247`).
    static func defaultLimits(_ stack: HTTPStack) -> LimitsObject {
        LimitsObject(stack: stack, maxConnections: .int(100), maxKeepaliveConnections: .int(20), keepaliveExpiry: .float(5))
    }

    static var parameters: [Parameter] {
        [
        Parameter("max_connections", kind: .keywordOnly, default: Value.none),
        Parameter("max_keepalive_connections", kind: .keywordOnly, default: Value.none),
            Parameter("keepalive_expiry", kind: .keywordOnly, default: .float(5)),
        ]
    }

    /// The constructor: `Limits(*, max_connections=None, max_keepalive_connections=None, keepalive_expiry=5.0)`.
    static func pythonClass(_ stack: HTTPStack, context: PlaygroundContext) -> PythonClass {
        context.classes.named("\(stack.module).Limits") {
            let cls = PythonClass(name: "Limits", module: stack.module, parameters: parameters) { arguments in
                let bound = try arguments.bind("Limits.__init__", parameters, selfCounted: true)
                return .object(
                    LimitsObject(
                        stack: stack, maxConnections: bound["max_connections"],
                        maxKeepaliveConnections: bound["max_keepalive_connections"],
                        keepaliveExpiry: bound["keepalive_expiry"]))
            }
            cls.instanceCheck = { value in
                guard case .object(let object) = value, let limits = object as? LimitsObject else { return false }
                return limits.stack === stack
            }
            return cls
        }
    }

    var pyTypeName: String { "Limits" }

    /// httpx 0.28.1 formats with `str()` (so `'10'` prints as `10`); httpx2's dataclass repr uses `repr()`.
    func pyRepr() -> String {
        func show(_ v: Value) -> String { stack.module == "httpx" ? v.str() : v.repr() }
        return "Limits(max_connections=\(show(maxConnections)), max_keepalive_connections="
            + "\(show(maxKeepaliveConnections)), keepalive_expiry=\(show(keepaliveExpiry)))"
    }

    var attributeNames: [String] { ["max_connections", "max_keepalive_connections", "keepalive_expiry"] }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "max_connections": maxConnections
        case "max_keepalive_connections": maxKeepaliveConnections
        case "keepalive_expiry": keepaliveExpiry
        default: nil
        }
    }

    func pyEquals(_ other: Value) -> Bool {
        // `isinstance(other, Limits)` (`_config.py:186`): httpx's and httpx2's Limits never compare equal.
        guard case .object(let object) = other, let limits = object as? LimitsObject, limits.stack === stack else {
            return false
        }
        return limits.maxConnections == maxConnections && limits.maxKeepaliveConnections == maxKeepaliveConnections
            && limits.keepaliveExpiry == keepaliveExpiry
    }
}

extension LimitsObject: PyUnhashable {
    /// `type(limits)` is `<class 'httpx.Limits'>`: httpx and httpx2 set `__module__` of their public classes.
    var pyModuleName: String { stack.module }
}
