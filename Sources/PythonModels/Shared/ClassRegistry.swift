import PoolScript

/// The Python classes of one session, each made once and shared by every module that exposes it.
///
/// CPython has one class object per class, whichever module re-exports it: `openai.Timeout is httpx2.Timeout`
/// (openai 3.57's `openai/__init__.py` imports it from httpx2), and `type(x) is httpx.Client`. So the modules and
/// `type()` (``PlaygroundContext/pythonClass(of:)``) take their classes from here, keyed by the module that
/// defines the class and its name (`httpx2.Timeout`, `openai._base_client.AsyncHttpxClientWrapper`).
package final class ClassRegistry {
    private var classes: [String: PythonClass] = [:]
    /// openai's exception classes, one set per session like its client classes.
    private(set) lazy var openAIExceptions = OpenAIExceptions()
    /// openai's `DEFAULT_TIMEOUT`, one object (`OpenAI().timeout is openai.DEFAULT_TIMEOUT`).
    private(set) lazy var openAIDefaultTimeout = TimeoutObject.openAIDefault(.httpx2)

    /// The class stored under `key`, made by `make` on first use.
    func named(_ key: String, make: () -> PythonClass) -> PythonClass {
        if let existing = classes[key] { return existing }
        let made = make()
        classes[key] = made
        return made
    }

    /// openai's `__init__.py` sets `__module__ = "openai"` on every name in its `__all__`; of httpx2's classes
    /// that reaches `Timeout` (and `BaseTransport`, not modelled). So after `import openai`,
    /// `type(httpx2.Timeout(1))` prints `<class 'openai.Timeout'>`, while httpx's own Timeout is untouched.
    func rewriteModulesForOpenAI(context: PlaygroundContext) {
        TimeoutObject.pythonClass(.httpx2, context: context).module = "openai"
    }
}

extension PlaygroundContext {
    /// `type(object)` for the playground's objects: the class the modules expose (nil: not a modelled class).
    package func pythonClass(of object: any PyObject) -> Value? {
        let cls: PythonClass? =
            switch object {
            case let timeout as TimeoutObject: TimeoutObject.pythonClass(timeout.stack, context: self)
            case let limits as LimitsObject: LimitsObject.pythonClass(limits.stack, context: self)
            case let client as HTTPClientObject: client.pythonClass(context: self)
            case let transport as TransportObject:
                TransportObject.pythonClass(transport.stack, isAsync: transport.isAsync, context: self)
            case let response as ResponseObject: HTTPXModule.responseClass(response.stack, context: self)
            case let response as StreamedResponseObject: HTTPXModule.responseClass(response.stack, context: self)
            case let client as OpenAIClientObject:
                OpenAIModule.clientClass(isAsync: client.isAsync, context: self)
            case let url as URLObject: url.module.map { dataClass("URL", module: $0) }
            case let headers as HeadersObject: headers.module.map { dataClass("Headers", module: $0) }
            default: nil
            }
        return cls.map { .object($0) }
    }

    /// `httpx.URL` / `httpx.Headers` as `type()` shows them; the playground's values come from clients and
    /// responses, so the class itself does not construct.
    private func dataClass(_ name: String, module: String) -> PythonClass {
        classes.named("\(module).\(name)") {
            PythonClass(name: name, module: module) { _ in
                throw PythonError(.notImplementedError, "\(module).\(name)(...) by hand is not supported in PoolPlay")
            }
        }
    }
}
