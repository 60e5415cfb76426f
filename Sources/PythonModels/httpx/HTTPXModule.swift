import PoolScript

/// Builds the `httpx` or `httpx2` module the learner imports.
package enum HTTPXModule {
    package static func make(_ stack: HTTPStack, context: PlaygroundContext) -> ModuleObject {
        var attributes: [String: Value] = [
            "Limits": .object(LimitsObject.pythonClass(stack, context: context)),
            "Timeout": .object(TimeoutObject.pythonClass(stack, context: context)),
            "AsyncClient": .object(clientClass(stack, isAsync: true, context: context)),
            "Client": .object(clientClass(stack, isAsync: false, context: context)),
            "AsyncHTTPTransport": .object(TransportObject.pythonClass(stack, isAsync: true, context: context)),
            "HTTPTransport": .object(TransportObject.pythonClass(stack, isAsync: false, context: context)),
            "Response": .object(responseClass(stack, context: context)),
            "__version__": .str(stack.module == "httpx" ? "0.28.1" : "2.16.2"),
        ]
        for (name, exception) in stack.exceptions.byName { attributes[name] = .object(exception) }
        attributes.merge(HTTPXModuleFunctions.all(stack, context: context)) { own, _ in own }
        let module = ModuleObject(name: stack.module, attributes: attributes)
        // `httpx._config.DEFAULT_LIMITS` and friends, as the reference probes print them.
        module.attributes["_config"] = .object(
            ModuleObject(
                name: "\(stack.module)._config",
                attributes: [
                    "DEFAULT_LIMITS": .object(LimitsObject.defaultLimits(stack)),
                    "DEFAULT_TIMEOUT_CONFIG": .object(TimeoutObject.defaultTimeout(stack)),
                    "DEFAULT_MAX_REDIRECTS": .int(20),
                ]))
        return module
    }

    /// `httpx.Client` / `httpx.AsyncClient` (and httpx2's), made once per session.
    static func clientClass(_ stack: HTTPStack, isAsync: Bool, context: PlaygroundContext) -> PythonClass {
        let name = isAsync ? "AsyncClient" : "Client"
        return context.classes.named("\(stack.module).\(name)") {
            let cls = PythonClass(name: name, module: stack.module, parameters: HTTPClientObject.parameters(stack)) {
                arguments in
                .object(
                    try HTTPClientObject.make(
                        stack, isAsync: isAsync, className: name, classModule: stack.module, arguments: arguments,
                        context: context))
            }
            // openai's client classes subclass httpx2's (`openai/_base_client.py`), so they are instances too.
            cls.instanceCheck = { value in
                guard case .object(let object) = value, let client = object as? HTTPClientObject else { return false }
                return client.isAsync == isAsync && client.stack.module == stack.module
            }
            return cls
        }
    }

    /// `httpx.Response`, for `isinstance(r, httpx.Response)` and `except`-free checks on gathered results. Responses
    /// come from clients; building one by hand is outside the playground.
    static func responseClass(_ stack: HTTPStack, context: PlaygroundContext) -> PythonClass {
        context.classes.named("\(stack.module).Response") {
            let cls = PythonClass(name: "Response", module: stack.module) { _ in
                throw PythonError(
                    .notImplementedError, "httpx.Response(...) by hand is not supported; responses come from a client")
            }
            cls.instanceCheck = { value in
                guard case .object(let object) = value else { return false }
                if let response = object as? ResponseObject { return response.stack.module == stack.module }
                if let response = object as? StreamedResponseObject { return response.stack.module == stack.module }
                return false
            }
            return cls
        }
    }
}
