import PoolScript

/// One entry of the help table: what a kind of object is, what its parameters mean, and the code that shows a
/// lesson teaches it.
package struct HelpTopic {
    var key: String
    package var summary: String
    package var parameters: [(name: String, meaning: String)] = []
    package var note: String?
    /// Code fragments (`Limits(`, `_pool`) whose presence in a lesson's typed code means the lesson covers the topic.
    package var lessonMarkers: [String] = []

    /// The help table: every object a learner meets, in PoolPlay's words.
    static let all: [HelpTopic] = httpx + openai + asyncio + modules

    static func topic(_ key: String) -> HelpTopic? { all.first { $0.key == key } }

    /// The topic for an object: classes and their instances share one.
    package static func find(for object: any PyObject) -> HelpTopic? {
        key(for: object).flatMap(topic)
    }

    static func key(for object: any PyObject) -> String? {
        switch object {
        case is LimitsObject: return "Limits"
        case is TimeoutObject: return "Timeout"
        case let client as HTTPClientObject:
            if client.classModule.hasPrefix("openai") { return "DefaultHttpxClient" }
            return client.isAsync ? "AsyncClient" : "Client"
        case is TransportObject: return "HTTPTransport"
        case is PoolObject: return "ConnectionPool"
        case is ConnectionObject: return "Connection"
        case is ResponseObject, is StreamedResponseObject: return "httpx.Response"
        case is OpenAIClientObject: return "OpenAI"
        case is ModelsResource: return "models"
        case is ChatResource, is ChatCompletionsResource: return "chat.completions"
        case is EmbeddingsResource: return "embeddings"
        case is ResponsesResource: return "responses"
        case is RawResponseResource, is LegacyAPIResponseObject: return "with_raw_response"
        case is ResponseModelObject: return "openai.Response"
        case let model as OpenAIModelObject:
            return model.typeName == "CreateEmbeddingResponse" ? "CreateEmbeddingResponse" : "model object"
        case is PageObject: return "page"
        case let exception as ExceptionClass: return exceptionKey(exception)
        case let instance as ExceptionInstance: return exceptionKey(instance.type)
        case let module as ModuleObject: return "module " + module.name
        case let type as PythonClass: return classKey(type)
        case let method as NativeFunction where methodKey(method.name) != nil: return methodKey(method.name)
        case let function as PythonFunction:
            return function.module == "openai" ? "DefaultHttpxClient" : "httpx.request"
        default:
            if case .str(let name)? = try? object.getAttribute("__name__"), topic("asyncio." + name) != nil {
                return "asyncio." + name
            }
            return nil
        }
    }

    /// A bound method (`client.embeddings.create`, named `AsyncEmbeddings.create`) gets its owner's topic.
    static func methodKey(_ name: String) -> String? {
        guard let dot = name.firstIndex(of: ".") else { return nil }
        var owner = String(name[..<dot])
        if owner.hasPrefix("Async") { owner.removeFirst("Async".count) }
        switch owner {
        case "Models": return "models"
        case "Completions", "Chat": return "chat.completions"
        case "Embeddings": return "embeddings"
        case "Responses": return "responses"
        case "OpenAI": return "OpenAI"
        case "Client": return "Client"
        default: return nil
        }
    }

    static func classKey(_ type: PythonClass) -> String? {
        switch (type.module, type.name) {
        case (_, "Limits"), (_, "Timeout"): return type.name
        case ("openai", "OpenAI"), ("openai", "AsyncOpenAI"): return "OpenAI"
        case ("openai", _) where type.name.hasSuffix("Client"): return "DefaultHttpxClient"
        case (_, "Client"), (_, "AsyncClient"): return type.name
        case (_, "HTTPTransport"), (_, "AsyncHTTPTransport"): return "HTTPTransport"
        case ("httpx", "Response"), ("httpx2", "Response"): return "httpx.Response"
        default: return nil
        }
    }

    static func exceptionKey(_ exception: ExceptionClass) -> String {
        if exception.module == "openai" {
            return exception.name == "APITimeoutError" || exception.name == "APIConnectionError"
                ? "openai.APIConnectionError" : "openai.APIError"
        }
        if exception.name == "PoolTimeout" { return "PoolTimeout" }
        if exception.module.hasPrefix("httpx") { return "httpx.HTTPError" }
        return "exception"
    }

    /// Live facts about an instance (the limits in force, the client's timeout), shown under the parameters.
    package static func state(of object: any PyObject) -> String? {
        switch object {
        case let client as HTTPClientObject:
            let pool = client.transport.pool
            return "  in force: _transport._pool = \(pool.pyRepr()), _max_connections=\(pool.maxConnections.repr()), "
                + "_max_keepalive_connections=\(pool.maxKeepaliveConnections.repr()); pool rules: \(client.stack.poolLibrary)"
        case let client as OpenAIClientObject:
            return "  in force: base_url=\(client.baseURL), timeout=\(client.timeout.pyRepr()), "
                + "max_retries=\(client.maxRetries), _client=\(client.httpClient.classModule).\(client.httpClient.className)"
        case let pool as PoolObject:
            return "  rules: \(pool.stack.poolLibrary); %pool shows every connection"
        default:
            return nil
        }
    }
}
