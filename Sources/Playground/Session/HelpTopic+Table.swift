/// The help table: every object a learner meets, in PoolPlay's words.
extension HelpTopic {
    static let all: [HelpTopic] = httpx + openai + asyncio + modules

    static let requestOptions: [(name: String, meaning: String)] = [
        ("extra_headers", "headers added to this one request (x-poolplay-fault: 503 asks the mock for a fault)"),
        ("timeout", "this request's timeout, replacing the client's (seconds or a Timeout)"),
    ]

    static let httpx: [HelpTopic] = [
        HelpTopic(
            key: "Limits", summary: "how big the connection pool may grow.",
            parameters: [
                ("max_connections", "most connections open at once, busy or idle (None: no cap); more requests queue"),
                ("max_keepalive_connections", "most idle connections kept for reuse after a burst (None: no cap)"),
                ("keepalive_expiry", "seconds an idle connection may wait before the pool drops it (default 5.0)"),
            ],
            note: "Give it to the HTTP client, not to OpenAI: httpx.AsyncClient(limits=httpx.Limits(...)).",
            lessonMarkers: ["Limits("]),
        HelpTopic(
            key: "Timeout", summary: "how long each phase of a request may take, in seconds (None: wait forever).",
            parameters: [
                ("timeout", "the default for every phase not given below"),
                ("connect", "opening the TCP connection"), ("read", "waiting for response bytes"),
                ("write", "sending the request"),
                ("pool", "waiting for a free connection; past it the request raises PoolTimeout"),
            ],
            lessonMarkers: ["Timeout("]),
        HelpTopic(
            key: "Client", summary: "a synchronous HTTP client; its transport owns the connection pool.",
            parameters: clientParameters, lessonMarkers: ["httpx.Client(", "httpx2.Client("]),
        HelpTopic(
            key: "AsyncClient", summary: "an asyncio HTTP client; its transport owns the connection pool.",
            parameters: clientParameters, note: "Hand it to openai: AsyncOpenAI(http_client=...).",
            lessonMarkers: ["AsyncClient("]),
        HelpTopic(
            key: "HTTPTransport", summary: "the layer under a client that owns the pool (client._transport).",
            parameters: [
                ("limits", "the pool's Limits; a client given transport= ignores its own limits="),
                ("retries", "how many times a failed connect is retried (not failed requests)"),
                ("http1 / http2", "protocols offered; PoolPlay runs HTTP/1.1"),
            ],
            lessonMarkers: ["HTTPTransport("]),
        HelpTopic(
            key: "ConnectionPool", summary: "the connection pool (client._transport._pool).",
            parameters: [
                ("_max_connections", "the cap in force (from Limits.max_connections)"),
                ("_max_keepalive_connections", "idle connections kept (from Limits.max_keepalive_connections)"),
                ("_keepalive_expiry", "seconds an idle connection lives"),
                ("connections", "each connection: ACTIVE while it carries a request, IDLE while it waits"),
            ],
            note: "Requests are active from assignment until their body is closed; the rest are queued.",
            lessonMarkers: ["_pool"]),
        HelpTopic(
            key: "Connection", summary: "one connection in a pool: its state, how many requests it has carried.",
            parameters: [("state", "ACTIVE (busy), IDLE (reusable), CLOSED"), ("request_count", "requests it carried")],
            lessonMarkers: ["_pool.connections"]),
        HelpTopic(
            key: "httpx.Response", summary: "an HTTP response from an httpx client.",
            parameters: [
                ("status_code", "the HTTP status"), ("headers", "the response headers"),
                ("json() / text", "the body, read in full"),
                ("aread() / aiter_lines()", "read a streamed body; its connection goes back to the pool when done"),
            ],
            lessonMarkers: [".status_code", ".json()"]),
        HelpTopic(
            key: "PoolTimeout",
            summary: "raised when a request waited longer than Timeout(pool=...) for a free connection.",
            parameters: [("request", "the request that gave up")],
            note: "Raise max_connections, lower concurrency, or wait longer with Timeout(pool=...).",
            lessonMarkers: ["PoolTimeout"]),
        HelpTopic(
            key: "httpx.HTTPError",
            summary: "an httpx exception: TimeoutException (ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout), "
                + "NetworkError (ConnectError, ReadError), RemoteProtocolError.",
            parameters: [("message", "what went wrong"), ("request", "the request it happened to")],
            lessonMarkers: ["except httpx", "except httpx2"]),
    ]

    static let clientParameters: [(name: String, meaning: String)] = [
        ("limits", "the pool's size (httpx.Limits); default 100 connections, 20 kept alive"),
        ("timeout", "per-phase timeouts (httpx.Timeout); default 5 seconds each"),
        ("base_url", "prefix for relative URLs"), ("headers", "headers sent with every request"),
        ("transport", "a transport you built (its limits win; this client's limits= is ignored)"),
        ("http1 / http2", "protocols offered"),
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

    static let asyncio: [HelpTopic] = [
        HelpTopic(
            key: "exception", summary: "a Python exception class; catch it with try/except.",
            parameters: [("args", "the message it was raised with")], lessonMarkers: ["except "]),
        HelpTopic(
            key: "asyncio.gather", summary: "run awaitables concurrently and return their results in order.",
            parameters: [
                ("*aws", "the coroutines to run; each OpenAI call is one request competing for the pool"),
                ("return_exceptions", "True: errors come back as values instead of raising the first one"),
            ],
            lessonMarkers: ["asyncio.gather"]),
        HelpTopic(
            key: "asyncio.create_task", summary: "start a coroutine now as a task; await it later.",
            parameters: [("coro", "the coroutine to start")], lessonMarkers: ["create_task"]),
        HelpTopic(
            key: "asyncio.sleep", summary: "pause this task (other tasks and the pool keep running).",
            parameters: [("delay", "seconds to wait")], lessonMarkers: ["asyncio.sleep"]),
        HelpTopic(
            key: "asyncio.run", summary: "run a coroutine to completion (at the prompt, just use await).",
            parameters: [("main", "the coroutine")], lessonMarkers: ["asyncio.run"]),
    ]

    static let modules: [HelpTopic] = [
        HelpTopic(
            key: "module httpx", summary: "httpx 0.28.1; its clients' pools follow httpcore 1.0.9.",
            parameters: [
                ("Limits, Timeout", "pool size and timeouts"), ("Client, AsyncClient", "HTTP clients"),
                ("HTTPTransport, AsyncHTTPTransport", "transports (retries=)"),
                ("PoolTimeout, ConnectError, …", "exceptions"),
            ],
            lessonMarkers: ["import httpx\n", "httpx.Limits("]),
        HelpTopic(
            key: "module httpx2", summary: "httpx2 2.16.2 (what openai 3 uses); its pools follow httpcore2 2.16.2.",
            parameters: [
                ("Limits, Timeout", "pool size and timeouts"), ("Client, AsyncClient", "HTTP clients"),
                ("HTTPTransport, AsyncHTTPTransport", "transports"), ("PoolTimeout, ConnectError, …", "exceptions"),
            ],
            lessonMarkers: ["httpx2."]),
        HelpTopic(
            key: "module openai", summary: "openai 3.57.0.",
            parameters: [
                ("OpenAI, AsyncOpenAI", "the SDK clients"),
                ("DefaultHttpxClient, DefaultAsyncHttpxClient", "httpx2 clients with openai's defaults"),
                ("APITimeoutError, RateLimitError, …", "exceptions"),
            ],
            lessonMarkers: ["from openai import", "import openai"]),
        HelpTopic(
            key: "module asyncio", summary: "PoolPlay's asyncio: tasks run on one event loop.",
            parameters: [
                ("gather", "run many calls at once"), ("create_task", "start one now"),
                ("sleep", "pause a task"), ("run", "run a coroutine"),
            ],
            lessonMarkers: ["import asyncio"]),
        HelpTopic(
            key: "module os", summary: "os.environ (read-only): OPENAI_BASE_URL and OPENAI_API_KEY live here.",
            parameters: [("environ", "the environment the SDK reads")], lessonMarkers: ["os.environ"]),
        HelpTopic(
            key: "module time", summary: "clocks for timing a burst.",
            parameters: [("monotonic(), perf_counter()", "seconds, for differences"), ("time()", "wall-clock seconds")],
            lessonMarkers: ["time.monotonic", "time.perf_counter"]),
    ]
}
