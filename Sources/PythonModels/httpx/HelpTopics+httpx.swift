/// Help entries for the httpx / httpx2 objects (`help(obj)`, `obj?`).
extension HelpTopic {
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
            parameters: [
                ("state", "ACTIVE (busy), IDLE (reusable), CLOSED"), ("request_count", "requests it carried"),
                ("is_idle() / info()", "httpcore's own checks: idle or not, and the repr's inside"),
            ],
            lessonMarkers: ["_pool.connections"]),
        HelpTopic(
            key: "httpx.Response", summary: "an HTTP response from an httpx client.",
            parameters: [
                ("status_code", "the HTTP status"), ("headers", "the response headers"),
                ("request", "the request it answers (method, url)"),
                ("json() / text", "the body, read in full"),
                ("aread() / aiter_lines()", "read a streamed body; its connection goes back to the pool when done"),
            ],
            lessonMarkers: [".status_code", ".json()"]),
        HelpTopic(
            key: "httpx.request",
            summary: "a one-off request (httpx.get, httpx.post, …, httpx.request, httpx.stream): a fresh Client with a "
                + "pool of its own for this call alone, closed before it returns.",
            parameters: [
                ("url", "where to send it"), ("json / content", "the body (post, put, patch, request)"),
                ("timeout", "the temporary client's Timeout (default 5 seconds each)"),
                ("follow_redirects", "follow 3xx answers (default False)"),
            ],
            note: "Every call opens a new connection and closes it: nothing is reused. For many requests, make one "
                + "Client and share it.",
            lessonMarkers: ["httpx.get(", "httpx.post(", "httpx2.get(", "httpx2.post(", "httpx.stream("]),
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
}
