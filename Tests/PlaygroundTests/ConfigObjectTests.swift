import PoolScript
import Testing

@testable import Playground
@testable import PythonModels

/// `httpx.Limits` / `httpx.Timeout` reprs, equality and errors, as observed on httpx 0.28.1 and httpx2 2.16.2.
@Suite struct ConfigObjectTests {
    static let cases: [(String, String)] = [
        ("httpx.Limits()", "Limits(max_connections=None, max_keepalive_connections=None, keepalive_expiry=5.0)"),
        (
            "httpx.Limits(max_connections=10, max_keepalive_connections=5)",
            "Limits(max_connections=10, max_keepalive_connections=5, keepalive_expiry=5.0)"
        ),
        ("httpx.Limits(max_connections='10')", "Limits(max_connections=10, max_keepalive_connections=None, keepalive_expiry=5.0)"),
        ("httpx2.Limits(max_connections='10')", "Limits(max_connections='10', max_keepalive_connections=None, keepalive_expiry=5.0)"),
        ("httpx.Limits() == httpx.Limits(keepalive_expiry=5.0)", "True"),
        ("httpx.Timeout(5)", "Timeout(timeout=5)"),
        ("httpx.Timeout(None)", "Timeout(timeout=None)"),
        ("httpx.Timeout(10, pool=0.2)", "Timeout(connect=10, read=10, write=10, pool=0.2)"),
        ("httpx.Timeout(5.0, connect=10.0)", "Timeout(connect=10.0, read=5.0, write=5.0, pool=5.0)"),
        ("httpx.Timeout((1, 2))", "Timeout(connect=1, read=2, write=None, pool=None)"),
        ("httpx.Timeout(connect=1, read=1, write=1, pool=1)", "Timeout(timeout=1)"),
        ("httpx.Timeout(httpx.Timeout(3))", "Timeout(timeout=3)"),
        ("httpx.Timeout(5) == httpx.Timeout(5.0)", "True"),
        ("httpx.AsyncClient()._transport._pool._max_keepalive_connections", "20"),
        ("httpx.AsyncClient(limits=httpx.Limits(max_connections=5, max_keepalive_connections=10))._transport._pool._max_keepalive_connections", "5"),
        ("httpx.AsyncClient(limits=httpx.Limits())._transport._pool._max_connections", "9223372036854775807"),
        ("httpx.AsyncClient()._transport._pool", "<AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]>"),
        ("httpx.Client()._transport._pool", "<ConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 0 idle]>"),
        ("openai.AsyncOpenAI()._client._transport._pool._max_connections", "1000"),
        ("openai.AsyncOpenAI().timeout", "Timeout(connect=5.0, read=600, write=600, pool=600)"),
        ("openai.AsyncOpenAI(http_client=httpx.AsyncClient()).timeout", "Timeout(connect=5.0, read=600, write=600, pool=600)"),
        ("openai.AsyncOpenAI(http_client=httpx.AsyncClient(timeout=20)).timeout", "Timeout(timeout=20)"),
        ("openai.DefaultAsyncHttpxClient(limits=httpx.Limits(max_connections=7))._transport._pool._max_keepalive_connections", "7"),
    ]

    static let errors: [(String, String)] = [
        ("httpx.Limits(10)", "TypeError: Limits.__init__() takes 1 positional argument but 2 were given"),
        ("httpx.Timeout()", "ValueError: httpx.Timeout must either include a default, or set all four parameters explicitly."),
        ("httpx2.Timeout(connect=1)", "ValueError: httpx2.Timeout must either include a default, or set all four parameters explicitly."),
        ("httpx.Timeout(httpx.Timeout(3), connect=1)", "AssertionError"),
        ("openai.AsyncOpenAI(limits=1)", "TypeError: AsyncOpenAI.__init__() got an unexpected keyword argument 'limits'"),
        ("openai.OpenAI(http_client=httpx.AsyncClient())", "TypeError: Invalid `http_client` argument; Expected an instance of `httpx.Client` or `httpx2.Client` but got <class 'httpx.AsyncClient'>"),
        ("httpx.Limits().max_conections", "AttributeError: 'Limits' object has no attribute 'max_conections'. Did you mean: 'max_connections'?"),
    ]

    @Test(arguments: cases)
    func echoes(_ source: String, _ expected: String) async throws {
        var options = Session.Options()
        options.showPanels = false
        let harness = try await PlaygroundHarness.start(options: options)
        await harness.pipe("import httpx, httpx2, openai\n" + source)
        try await harness.stop()
        #expect(harness.output.stderr == "")
        #expect(harness.output.stdout == expected + "\n")
    }

    @Test(arguments: errors)
    func raises(_ source: String, _ expected: String) async throws {
        var options = Session.Options()
        options.showPanels = false
        let harness = try await PlaygroundHarness.start(options: options)
        await harness.pipe("import httpx, httpx2, openai\n" + source)
        try await harness.stop()
        let lastLine = harness.output.stderr.split(separator: "\n").first { !$0.hasPrefix(" ") && !$0.hasPrefix("Traceback") }
        #expect(lastLine.map(String.init) == expected)
    }
}
