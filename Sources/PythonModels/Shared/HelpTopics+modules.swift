/// Help entries for asyncio and the modules a learner imports (`help(obj)`, `obj?`).
extension HelpTopic {
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
