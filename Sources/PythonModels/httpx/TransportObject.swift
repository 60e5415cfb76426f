import PoolScript

/// `httpx.AsyncHTTPTransport` / `httpx.HTTPTransport`: owns the pool (`client._transport._pool`).
package final class TransportObject: PyObject {
    let stack: HTTPStack
    let isAsync: Bool
    package let pool: PoolObject

    init(stack: HTTPStack, isAsync: Bool, pool: PoolObject) {
        self.stack = stack
        self.isAsync = isAsync
        self.pool = pool
    }

    package var pyTypeName: String { isAsync ? "AsyncHTTPTransport" : "HTTPTransport" }
    package func pyRepr() -> String { "<\(stack.module).\(pyTypeName) object at \(fakeAddressOf(self))>" }
    package var attributeNames: [String] { ["_pool"] }

    package func getAttribute(_ name: String) throws -> Value? {
        name == "_pool" ? .object(pool) : nil
    }

    /// The constructor's parameters, in order.
    static func parameters(_ stack: HTTPStack) -> [Parameter] {
        [
            Parameter("verify", default: .bool(true)), Parameter("cert", default: Value.none),
            Parameter("trust_env", default: .bool(true)), Parameter("http1", default: .bool(true)),
            Parameter("http2", default: .bool(false)),
            Parameter("limits", default: .object(LimitsObject.defaultLimits(stack))),
            Parameter("proxy", default: Value.none), Parameter("uds", default: Value.none),
            Parameter("local_address", default: Value.none), Parameter("retries", default: .int(0)),
            Parameter("socket_options", default: Value.none),
        ]
    }

    /// `httpx.AsyncHTTPTransport(verify=True, cert=None, trust_env=True, http1=True, http2=False, limits=DEFAULT_LIMITS,
    /// proxy=None, uds=None, local_address=None, retries=0, socket_options=None)`.
    static func pythonClass(_ stack: HTTPStack, isAsync: Bool, context: PlaygroundContext) -> PythonClass {
        let name = isAsync ? "AsyncHTTPTransport" : "HTTPTransport"
        return context.classes.named("\(stack.module).\(name)") {
            let cls = PythonClass(name: name, module: stack.module, parameters: parameters(stack)) { arguments in
                let bound = try arguments.bind("\(name).__init__", parameters(stack), selfCounted: true)
                guard case .object(let object) = bound["limits"], let limits = object as? LimitsObject else {
                    throw PythonError.attributeError(
                        "'\(bound["limits"].typeName)' object has no attribute 'max_connections'")
                }
                let pool = try context.makePool(
                    stack: stack, isAsync: isAsync, limits: limits, http1: bound["http1"], http2: bound["http2"],
                    retries: bound["retries"])
                return .object(TransportObject(stack: stack, isAsync: isAsync, pool: pool))
            }
            cls.instanceCheck = { value in
                guard case .object(let object) = value, let transport = object as? TransportObject else { return false }
                return transport.stack === stack && transport.isAsync == isAsync
            }
            return cls
        }
    }
}
