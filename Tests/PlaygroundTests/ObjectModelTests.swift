import PoolScript
import Testing

@testable import Playground
@testable import PythonModels

/// `type()`, class identity, equality, hashing and reprs of the httpx / httpx2 / openai objects, each expected
/// text observed on CPython 3.11 with openai 3.57.0, httpx 0.28.1 and httpx2 2.16.2.
@Suite struct ObjectModelTests {
    /// (statement echoed by the REPL, expected echo), after `import httpx, httpx2, openai`.
    static let echoCases: [(String, String)] = [
        ("type(httpx.Client())", "<class 'httpx.Client'>"),
        ("type(httpx2.AsyncClient())", "<class 'httpx2.AsyncClient'>"),
        ("type(httpx.Client()._transport)", "<class 'httpx.HTTPTransport'>"),
        ("type(httpx.Client()._transport._pool)", "<class 'httpcore.ConnectionPool'>"),
        ("type(httpx.AsyncClient()._transport._pool)", "<class 'httpcore.AsyncConnectionPool'>"),
        ("type(httpx2.AsyncClient()._transport._pool)", "<class 'httpcore2.AsyncConnectionPool'>"),
        ("type(openai.AsyncOpenAI()._client)", "<class 'openai._base_client.AsyncHttpxClientWrapper'>"),
        ("type(openai.OpenAI()._client)", "<class 'openai._base_client.SyncHttpxClientWrapper'>"),
        ("type(openai.OpenAI()._client).__name__", "'SyncHttpxClientWrapper'"),
        ("openai.DefaultHttpxClient", "<class 'openai._DefaultHttpxClient'>"),
        ("type(openai.DefaultAsyncHttpxClient())", "<class 'openai._DefaultAsyncHttpxClient'>"),
        ("type(openai.DefaultHttpx2Client())", "<class 'httpx2.Client'>"),
        ("type(openai.OpenAI())", "<class 'openai.OpenAI'>"),
        ("type(httpx.Client()) is httpx.Client", "True"),
        ("type(openai.DefaultHttpxClient()) is openai.DefaultHttpxClient", "True"),
        ("isinstance(openai.AsyncOpenAI()._client, httpx2.AsyncClient)", "True"),
        ("isinstance(openai.AsyncOpenAI()._client, openai.DefaultAsyncHttpxClient)", "True"),
        ("isinstance(httpx2.AsyncClient(), openai.DefaultAsyncHttpxClient)", "False"),
        ("isinstance(openai.OpenAI()._client, httpx.Client)", "False"),
        ("openai.Client is openai.OpenAI", "True"),
        // openai re-exports httpx2's Timeout and, once imported, sets its `__module__` to "openai".
        ("openai.Timeout is httpx2.Timeout", "True"),
        ("type(httpx2.Timeout(1))", "<class 'openai.Timeout'>"),
        ("httpx2.Timeout.__module__", "'openai'"),
        ("type(httpx.Timeout(1))", "<class 'httpx.Timeout'>"),
        ("type(httpx2.Limits())", "<class 'httpx2.Limits'>"),
        ("type(openai.OpenAI().timeout)", "<class 'openai.Timeout'>"),
        // Different classes never compare equal; within one class, field by field.
        ("httpx.Limits() == httpx2.Limits()", "False"),
        ("httpx.Timeout(1) == httpx2.Timeout(1)", "False"),
        ("httpx2.Timeout(1) == httpx2.Timeout(1.0)", "True"),
        ("httpx.Timeout([1, 2]).read", "[1, 2]"),
        // httpx copies the Timeout it is given; openai keeps it as given, None included.
        ("httpx2.Client(timeout=t).timeout is t", "False"),
        ("httpx2.Client(timeout=t).timeout == t", "True"),
        ("openai.OpenAI(timeout=t).timeout is t", "True"),
        ("openai.OpenAI(timeout=None).timeout is None", "True"),
        ("openai.OpenAI(timeout=None)._client.timeout", "Timeout(timeout=None)"),
        ("openai.OpenAI(timeout=3).with_options(timeout=None).timeout is None", "True"),
        ("openai.OpenAI(timeout=3).with_options(max_retries=1).timeout", "3"),
        ("openai.OpenAI().timeout is openai.DEFAULT_TIMEOUT", "True"),
        ("openai.AsyncOpenAI(http_client=httpx.AsyncClient(timeout=20)).timeout", "Timeout(timeout=20)"),
        ("type(openai.AsyncOpenAI(http_client=httpx.AsyncClient(timeout=20)).timeout)", "<class 'openai.Timeout'>"),
        ("httpx2.Client(base_url='http://127.0.0.1:8000').base_url", "URL('http://127.0.0.1:8000')"),
        ("httpx2.Client(base_url='http://127.0.0.1:8000/v1').base_url", "URL('http://127.0.0.1:8000/v1/')"),
        ("str(httpx.Client(base_url='http://127.0.0.1:8000').base_url)", "'http://127.0.0.1:8000'"),
    ]

    static let errorCases: [(String, String)] = [
        ("openai.AsyncOpenAI._client", "AttributeError: type object 'AsyncOpenAI' has no attribute '_client'"),
        ("httpx.Client.get_pool", "AttributeError: type object 'Client' has no attribute 'get_pool'"),
        ("print(httpx.Timeout([1, 2]))", "TypeError: unhashable type: 'list'"),
        ("hash(httpx.Limits())", "TypeError: unhashable type: 'Limits'"),
        ("{httpx2.Timeout(1)}", "TypeError: unhashable type: 'Timeout'"),
        ("openai.DefaultHttpxClient(foo=1)", "TypeError: Client.__init__() got an unexpected keyword argument 'foo'"),
        (
            "openai.DefaultAsyncHttpxClient(1)",
            "TypeError: _DefaultAsyncHttpxClient.__init__() takes 1 positional argument but 2 were given"
        ),
        ("openai.DefaultHttpx2Client(1)", "TypeError: DefaultHttpx2Client() takes 0 positional arguments but 1 was given"),
        ("openai.OpenAI()._client.get()", "TypeError: Client.get() missing 1 required positional argument: 'url'"),
        ("openai.AsyncOpenAI()._client.stream()", "TypeError: AsyncClient.stream() missing 2 required positional arguments: 'method' and 'url'"),
    ]

    private static func session() async throws -> PlaygroundHarness {
        var options = Session.Options()
        options.showPanels = false
        let harness = try await PlaygroundHarness.start(options: options)
        await harness.pipe("import httpx, httpx2, openai\nt = httpx2.Timeout(3)")
        return harness
    }

    @Test(arguments: echoCases)
    func echoes(_ source: String, _ expected: String) async throws {
        let harness = try await Self.session()
        await harness.pipe(source)
        try await harness.stop()
        #expect(harness.output.stderr == "")
        #expect(harness.output.stdout == expected + "\n")
    }

    @Test(arguments: errorCases)
    func raises(_ source: String, _ expected: String) async throws {
        let harness = try await Self.session()
        await harness.pipe(source)
        try await harness.stop()
        let lastLine = harness.output.stderr.split(separator: "\n").last { !$0.hasPrefix(" ") }
        #expect(lastLine.map(String.init) == expected)
    }

    /// Before `import openai` httpx2's Timeout is `httpx2.Timeout`; TAB completion, which builds every module,
    /// must not count as the import.
    @Test func theTimeoutModuleChangesOnlyWhenOpenAIIsImported() async throws {
        var options = Session.Options()
        options.showPanels = false
        let harness = try await PlaygroundHarness.start(options: options)
        await harness.pipe(
            """
            import httpx2
            type(httpx2.Timeout(1))
            from openai import OpenAI
            type(httpx2.Timeout(1))
            """)
        try await harness.stop()
        #expect(harness.output.stderr == "")
        #expect(harness.output.stdout == "<class 'httpx2.Timeout'>\n<class 'openai.Timeout'>\n")
    }

    /// `%reset` starts over as a fresh process would: the rename waits for the next `import openai`.
    @Test func resetForgetsTheRename() async throws {
        let harness = try await Self.session()
        await harness.pipe(
            """
            type(httpx2.Timeout(1))
            %reset
            import httpx2
            type(httpx2.Timeout(1))
            """)
        try await harness.stop()
        #expect(harness.output.stderr == "")
        #expect(harness.output.stdout.hasPrefix("<class 'openai.Timeout'>\n"))
        #expect(harness.output.stdout.hasSuffix("<class 'httpx2.Timeout'>\n"))
    }

    /// Client reprs carry an address that stays with the object and differs between live objects.
    @Test func clientReprsCarryAnAddress() async throws {
        let harness = try await Self.session()
        await harness.pipe(
            """
            one, two = httpx.Client(), openai.AsyncOpenAI()
            repr(one) == repr(one), repr(one) != repr(one._transport)
            one
            two
            two._client
            httpx2.AsyncClient()._transport
            """)
        try await harness.stop()
        #expect(harness.output.stderr == "")
        let lines = harness.output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines.first == "(True, True)")
        let shapes = [
            "<httpx.Client object at 0x", "<openai.AsyncOpenAI object at 0x",
            "<openai._base_client.AsyncHttpxClientWrapper object at 0x", "<httpx2.AsyncHTTPTransport object at 0x",
        ]
        for (line, prefix) in zip(lines.dropFirst(), shapes) {
            #expect(line.hasPrefix(prefix) && line.hasSuffix(">"), "\(line)")
            let address = line.dropFirst(prefix.count).dropLast()
            #expect(!address.isEmpty && address.allSatisfy(\.isHexDigit), "\(line)")
        }
    }
}
