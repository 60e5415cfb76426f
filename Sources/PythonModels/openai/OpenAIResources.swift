import PoolScript

/// `client.models`: `list()` and `retrieve(model)`.
final class ModelsResource: PyObject {
    let client: OpenAIClientObject
    init(client: OpenAIClientObject) { self.client = client }

    var pyTypeName: String { client.isAsync ? "AsyncModels" : "Models" }
    func pyRepr() -> String { "<openai.resources.models.\(pyTypeName) object>" }
    var attributeNames: [String] { ["list", "retrieve", "with_raw_response"] }

    func getAttribute(_ name: String) throws -> Value? {
        let pageType = client.isAsync ? "AsyncPage[Model]" : "SyncPage[Model]"
        switch name {
        case "with_raw_response":
            return .object(
                RawResponseResource(ModelsResource(client: client.rawResponseView()), module: "openai.resources.models"))
        case "list":
            return pyMethod(pyTypeName, "list", parameters: OpenAIResourceParameters.requestOptions) {
                [client, pyTypeName] arguments in
                let bound = try arguments.bind("\(pyTypeName).list", OpenAIResourceParameters.requestOptions)
                let options = try OpenAIRequestOptions(bound, stack: client.httpClient.stack)
                let page = {
                    try client.call("GET", path: "/models", body: nil, name: "\(pyTypeName).list", options: options) {
                        json in
                        guard case .dict(let dict) = json, case .list(let list)? = dict[.str("data")] else {
                            return .object(PageObject(typeName: pageType, data: [], object: .none))
                        }
                        let models = list.items.map { OpenAISchema.build("Model", from: $0) }
                        return .object(
                            PageObject(typeName: pageType, data: models, object: dict[.str("object")] ?? .none))
                    }
                }
                return client.isAsync ? .object(AsyncPaginatorObject(page: page)) : try page()
            }
        case "retrieve":
            return pyMethod(
                pyTypeName, "retrieve", parameters: [Parameter("model")] + OpenAIResourceParameters.requestOptions
            ) { [client, pyTypeName] arguments in
                let bound = try arguments.bind(
                    "\(pyTypeName).retrieve", [Parameter("model")] + OpenAIResourceParameters.requestOptions)
                guard case .str(let model) = bound["model"], !model.isEmpty else {
                    throw PythonError.valueError("Expected a non-empty value for `model` but received \(bound["model"].repr())")
                }
                let options = try OpenAIRequestOptions(bound, stack: client.httpClient.stack)
                return try client.call(
                    "GET", path: "/models/\(model)", body: nil, name: "\(pyTypeName).retrieve", options: options
                ) {
                    OpenAISchema.build("Model", from: $0)
                }
            }
        default: return nil
        }
    }
}

/// `client.chat`, holding `completions`.
final class ChatResource: PyObject {
    let client: OpenAIClientObject
    init(client: OpenAIClientObject) { self.client = client }
    var pyTypeName: String { client.isAsync ? "AsyncChat" : "Chat" }
    func pyRepr() -> String { "<openai.resources.chat.chat.\(pyTypeName) object>" }
    var attributeNames: [String] { ["completions", "with_raw_response"] }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "completions": .object(ChatCompletionsResource(client: client))
        case "with_raw_response":
            .object(RawResponseResource(ChatResource(client: client.rawResponseView()), module: "openai.resources.chat.chat"))
        default: nil
        }
    }
}

/// `client.chat.completions.create(model=…, messages=…)` (non-streaming).
final class ChatCompletionsResource: PyObject {
    let client: OpenAIClientObject
    init(client: OpenAIClientObject) { self.client = client }
    var pyTypeName: String { client.isAsync ? "AsyncCompletions" : "Completions" }
    func pyRepr() -> String { "<openai.resources.chat.completions.completions.\(pyTypeName) object>" }
    var attributeNames: [String] { ["create", "stream", "with_raw_response"] }

    /// The body parameters PoolPlay forwards; any other keyword is accepted and sent, as the SDK sends extra_body.
    static let bodyParameters = [
        "frequency_penalty", "logit_bias", "logprobs", "max_completion_tokens", "max_tokens", "metadata", "n",
        "parallel_tool_calls", "presence_penalty", "response_format", "seed", "service_tier", "stop", "store",
        "stream", "stream_options", "temperature", "tool_choice", "tools", "top_logprobs", "top_p", "user",
    ]

    func getAttribute(_ name: String) throws -> Value? {
        if name == "with_raw_response" {
            return .object(
                RawResponseResource(
                    ChatCompletionsResource(client: client.rawResponseView()),
                    module: "openai.resources.chat.completions.completions"))
        }
        if name == "stream" { return streamHelper() }
        guard name == "create" else { return nil }
        let parameters =
            [Parameter("messages", kind: .keywordOnly), Parameter("model", kind: .keywordOnly)]
            + Self.bodyParameters.map { Parameter($0, kind: .keywordOnly, default: Value.none) }
            + OpenAIResourceParameters.requestOptions
        return pyMethod(pyTypeName, "create", parameters: parameters) { [client, pyTypeName] arguments in
            // `@required_args(["messages", "model"], ["messages", "model", "stream"])` checks before binding.
            let given = Set(arguments.keywords.map(\.name))
            if arguments.positional.isEmpty, !(given.contains("messages") && given.contains("model")) {
                throw PythonError.typeError(
                    "Missing required arguments; Expected either ('messages' and 'model') or ('messages', 'model' and "
                        + "'stream') arguments to be given")
            }
            let bound = try arguments.bind("\(pyTypeName).create", parameters)
            var body: [(Value, Value)] = [(.str("messages"), bound["messages"]), (.str("model"), bound["model"])]
            for name in Self.bodyParameters where bound.isGiven(name) { body.append((.str(name), bound[name])) }
            let options = try OpenAIRequestOptions(bound, stack: client.httpClient.stack)
            if bound["stream"].isTruthy {
                return try client.stream(
                    path: "/chat/completions", body: .dict(PyDict(body)), name: "\(pyTypeName).create", options: options)
            }
            return try client.call(
                "POST", path: "/chat/completions", body: .dict(PyDict(body)), name: "\(pyTypeName).create",
                options: options
            ) {
                OpenAISchema.build("ChatCompletion", from: $0)
            }
        }
    }
}

extension ChatCompletionsResource {
    /// `stream(...)`: the parameters of `create` but `stream`, and a manager that sends with `stream=True` when
    /// entered (``ChatCompletionStreamManager``).
    func streamHelper() -> Value {
        let names = Self.bodyParameters.filter { $0 != "stream" }
        let parameters =
            [Parameter("messages", kind: .keywordOnly), Parameter("model", kind: .keywordOnly)]
            + names.map { Parameter($0, kind: .keywordOnly, default: Value.none) }
            + OpenAIResourceParameters.requestOptions
        return pyMethod(pyTypeName, "stream", parameters: parameters) { [client, pyTypeName] arguments in
            let bound = try arguments.bind("\(pyTypeName).stream", parameters)
            var body: [(Value, Value)] = [(.str("messages"), bound["messages"]), (.str("model"), bound["model"])]
            for name in names where bound.isGiven(name) { body.append((.str(name), bound[name])) }
            body.append((.str("stream"), .bool(true)))
            let options = try OpenAIRequestOptions(bound, stack: client.httpClient.stack)
            return .object(ChatCompletionStreamManager(client: client, body: .dict(PyDict(body)), options: options))
        }
    }
}

enum OpenAIResourceParameters {
    /// The per-request options every resource method takes.
    static var requestOptions: [Parameter] {
        ["extra_headers", "extra_query", "extra_body", "timeout"].map {
            Parameter($0, kind: .keywordOnly, default: Value.none)
        }
    }
}
