/// Optional protocol: a callable whose keyword parameters are known without calling it. Hosts read it for TAB
/// completion inside a call (`httpx.Limits(max_k` → `max_keepalive_connections=`) and for "did you mean" hints
/// after an unexpected keyword argument.
public protocol PyParameterized: PyObject {
    /// The names a caller may pass as `name=value`, in signature order.
    var keywordNames: [String] { get }
}

extension Parameter {
    /// Whether a caller can pass this parameter by name.
    public var isKeyword: Bool { kind == .positionalOrKeyword || kind == .keywordOnly }
    /// The parameter's name, as the signature spells it.
    public var parameterName: String { name }
}

extension [Parameter] {
    /// The names of the parameters a caller may pass by name.
    public var keywordNames: [String] { filter(\.isKeyword).map(\.name) }
}

extension FunctionObject: PyParameterized {
    var keywordNames: [String] { signature.keywordNames }
}

extension NativeFunction: PyParameterized {
    /// The signature given with ``withParameters(_:)``; empty when it is not known.
    public var keywordNames: [String] { parameters.keywordNames }

    /// Records the function's signature (for completion and hints; calls still bind their own arguments).
    @discardableResult
    public func withParameters(_ parameters: [Parameter]) -> NativeFunction {
        self.parameters = parameters
        return self
    }
}

extension InterpBuiltin: PyParameterized {
    /// Builtins the interpreter implements, by name, with the keyword parameters CPython 3.11 gives them.
    static let keywordSignatures: [String: [String]] = [
        "print": ["sep", "end", "file", "flush"], "sorted": ["key", "reverse"], "min": ["key", "default"],
        "max": ["key", "default"], "gather": ["return_exceptions"], "create_task": ["coro", "name"],
        "run": ["main", "debug"], "wait_for": ["fut", "timeout"], "sleep": ["delay", "result"],
    ]

    var keywordNames: [String] { Self.keywordSignatures[name] ?? [] }
}

extension ModuleObject {
    /// Gives the asyncio functions written as plain native functions their CPython signatures.
    func recordAsyncioSignatures() {
        let signatures: [String: [Parameter]] = [
            "sleep": [Parameter("delay"), Parameter("result", default: Value.none)],
            "wait_for": [Parameter("fut"), Parameter("timeout")],
            "Semaphore": [Parameter("value", default: .int(1))],
            "iscoroutine": [Parameter("obj")],
        ]
        for (name, parameters) in signatures {
            if case .object(let function as NativeFunction)? = attributes[name] { function.withParameters(parameters) }
        }
    }
}
