/// Help entries for the openai objects (`help(obj)`, `obj?`).
extension HelpTopic {
    static let requestOptions: [(name: String, meaning: String)] = [
        ("extra_headers", "headers added to this one request (x-poolplay-fault: 503 asks the mock for a fault)"),
        ("timeout", "this request's timeout, replacing the client's (seconds or a Timeout)"),
    ]


    static let openai: [HelpTopic] = [
        HelpTopic(
            key: "OpenAI", summary: "the OpenAI SDK client; every call goes through client._client's pool.",
            parameters: [
                ("api_key", "the key (default: OPENAI_API_KEY)"),
                ("base_url", "where requests go (default: OPENAI_BASE_URL, here the mock)"),
                ("organization / project", "sent as OpenAI-Organization / OpenAI-Project headers"),
                ("timeout", "per-request timeout; default Timeout(600, connect=5)"),
                ("max_retries", "retries of timeouts, connection errors, 408/409/429/5xx (default 2)"),
                ("default_headers / default_query", "added to every request"),
                ("http_client", "your httpx client: the only way to set the pool's limits"),
            ],
            note: "There is no limits= here; with_options()/copy() share the same _client.",
            lessonMarkers: ["OpenAI("]),
        HelpTopic(
            key: "DefaultHttpxClient",
            summary: "an httpx2 client with openai's defaults (1000 connections, 100 kept alive, "
                + "Timeout(600, connect=5), follow_redirects).",
            parameters: clientParameters, note: "Pass limits= to change the pool, then http_client= to OpenAI.",
            lessonMarkers: ["DefaultHttpxClient(", "DefaultAsyncHttpxClient("]),
        HelpTopic(
            key: "models", summary: "client.models: list() and retrieve(model).",
            parameters: [("model", "the model id for retrieve()")] + requestOptions, lessonMarkers: [".models."]),
        HelpTopic(
            key: "chat.completions", summary: "client.chat.completions.create(...): one chat completion.",
            parameters: [
                ("model", "the model id"), ("messages", "the conversation: [{'role': 'user', 'content': '...'}]"),
                ("stream", "True: an iterator that holds its connection until consumed or closed"),
            ] + requestOptions,
            lessonMarkers: ["chat.completions"]),
        HelpTopic(
            key: "embeddings", summary: "client.embeddings.create(...): vectors for texts.",
            parameters: [
                ("model", "the embedding model id"), ("input", "a string or a list of strings"),
                ("encoding_format", "'float' or 'base64'; not given: the SDK asks for base64 and decodes it to floats"),
                ("dimensions", "the vector length"),
            ] + requestOptions,
            lessonMarkers: ["embeddings.create"]),
        HelpTopic(
            key: "responses", summary: "client.responses.create(...): one Responses API call.",
            parameters: [
                ("model", "the model id"), ("input", "a string or a list of messages"),
                ("instructions", "a system message"), ("stream", "not supported by PoolPlay yet"),
            ] + requestOptions,
            lessonMarkers: ["responses.create"]),
        HelpTopic(
            key: "openai.Response", summary: "a Responses API result (pydantic model).",
            parameters: [
                ("output_text", "all output text joined (the SDK's shortcut)"),
                ("output", "the output items: output[0].content[0].text"),
                ("usage", "input_tokens, output_tokens, total_tokens"), ("status", "'completed' when done"),
            ],
            lessonMarkers: ["output_text"]),
        HelpTopic(
            key: "with_raw_response",
            summary: "resource.with_raw_response.create(...): the same call, answered with the HTTP response "
                + "(a LegacyAPIResponse) instead of the parsed object.",
            parameters: [
                ("status_code / headers", "the answer's status and headers (x-ratelimit-*, x-request-id)"),
                ("parse()", "the object the plain call returns"), ("retries_taken", "how many retries it needed"),
                ("http_response", "the underlying httpx2.Response"),
            ],
            note: "Error statuses still raise, as without it.",
            lessonMarkers: ["with_raw_response"]),
        HelpTopic(
            key: "CreateEmbeddingResponse", summary: "an embeddings result (pydantic model).",
            parameters: [
                ("data", "one Embedding per input: data[0].embedding is a list of floats"),
                ("model", "the model that answered"), ("usage", "prompt_tokens, total_tokens"),
            ],
            lessonMarkers: [".embedding"]),
        HelpTopic(
            key: "model object", summary: "a parsed API object (pydantic model): read fields as attributes.",
            parameters: [("model_dump() / to_dict()", "the fields as a dict"), ("to_json()", "the fields as JSON")],
            lessonMarkers: [".choices[0]"]),
        HelpTopic(
            key: "page", summary: "a page of results (models.list()): iterate it or read .data.",
            parameters: [("data", "the items on this page")], lessonMarkers: ["models.list()"]),
        HelpTopic(
            key: "openai.APIConnectionError",
            summary: "the SDK gave up after max_retries: APITimeoutError ('Request timed out.') or "
                + "APIConnectionError ('Connection error.').",
            parameters: [("request", "the request that failed")],
            note: "A PoolTimeout inside the SDK surfaces as APITimeoutError after the retries.",
            lessonMarkers: ["APITimeoutError", "APIConnectionError"]),
        HelpTopic(
            key: "openai.APIError",
            summary: "an SDK error; APIStatusError subclasses (RateLimitError, NotFoundError, …) carry the status.",
            parameters: [
                ("status_code", "the HTTP status (APIStatusError)"), ("message", "'Error code: 429 - {...}'"),
                ("response", "the httpx response"),
            ],
            lessonMarkers: ["RateLimitError", "APIStatusError"]),
    ]
}
