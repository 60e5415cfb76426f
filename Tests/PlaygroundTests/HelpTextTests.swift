import Lessons
import PoolScript
import Testing

@testable import Playground
@testable import PythonModels

/// `help(obj)` / `obj?`: every object a learner meets has a text that names it, explains each of its parameters,
/// and names the lesson that covers it — read from the loaded lessons, never hard-coded.
@Suite(.serialized)
struct HelpTextTests {
    /// (expression, help topic).
    static let cases: [(String, String)] = [
        ("httpx.Limits", "Limits"), ("httpx2.Limits(max_connections=3)", "Limits"), ("limits", "Limits"),
        ("httpx.Timeout", "Timeout"), ("httpx2.Timeout(5.0)", "Timeout"),
        ("httpx.Client", "Client"), ("httpx2.Client()", "Client"),
        ("httpx.AsyncClient", "AsyncClient"), ("http", "AsyncClient"),
        ("httpx.HTTPTransport", "HTTPTransport"), ("httpx2.AsyncHTTPTransport(retries=1)", "HTTPTransport"),
        ("http._transport._pool", "ConnectionPool"),
        ("reply", "httpx.Response"),
        ("httpx.PoolTimeout", "PoolTimeout"), ("httpx2.PoolTimeout", "PoolTimeout"),
        ("httpx.ConnectError", "httpx.HTTPError"), ("httpx.TimeoutException", "httpx.HTTPError"),
        ("openai.OpenAI", "OpenAI"), ("openai.AsyncOpenAI", "OpenAI"), ("client", "OpenAI"),
        ("openai.DefaultHttpxClient", "DefaultHttpxClient"), ("openai.DefaultAsyncHttpxClient()", "DefaultHttpxClient"),
        ("openai.DefaultAsyncHttpx2Client", "DefaultHttpxClient"), ("client._client", "DefaultHttpxClient"),
        ("client.models", "models"), ("client.chat.completions", "chat.completions"), ("client.chat", "chat.completions"),
        ("client.embeddings", "embeddings"), ("client.responses", "responses"),
        ("client.embeddings.create", "embeddings"), ("client.responses.create", "responses"),
        ("client.chat.completions.create", "chat.completions"), ("client.models.list", "models"),
        ("client.with_options", "OpenAI"), ("httpx.get", "httpx.request"), ("httpx2.stream", "httpx.request"),
        ("resp", "openai.Response"), ("emb", "CreateEmbeddingResponse"), ("page", "page"), ("page.data[0]", "model object"),
        ("openai.APITimeoutError", "openai.APIConnectionError"), ("openai.RateLimitError", "openai.APIError"),
        ("asyncio.CancelledError", "exception"), ("caught", "PoolTimeout"), ("ValueError('x')", "exception"),
        ("httpx", "module httpx"), ("httpx2", "module httpx2"), ("openai", "module openai"),
        ("asyncio", "module asyncio"), ("os", "module os"), ("time", "module time"),
        ("asyncio.gather", "asyncio.gather"), ("asyncio.sleep", "asyncio.sleep"),
        ("asyncio.create_task", "asyncio.create_task"), ("asyncio.run", "asyncio.run"),
    ]

    static let setup = """
        import asyncio, os, time, httpx, httpx2, openai
        from openai import AsyncOpenAI
        limits = httpx.Limits(max_connections=4)
        http = httpx.AsyncClient(limits=limits)
        client = AsyncOpenAI()
        reply = await http.get(os.environ["OPENAI_BASE_URL"] + "/models")
        resp = await client.responses.create(model="m", input="hi")
        emb = await client.embeddings.create(model="m", input="hi")
        page = await client.models.list()
        caught = httpx.PoolTimeout("waited too long")
        """

    @Test func everyLearnerFacingObjectHasAHelpTextThatExplainsItsParameters() async throws {
        let harness = try await PlaygroundHarness.start(latency: .zero)
        await harness.pipe(Self.setup)
        #expect(harness.output.stderr.isEmpty, "setup failed: \(harness.output.stderr)")
        let lessons = LessonReplayTests.lessons
        for (expression, key) in Self.cases {
            let value = try await harness.session.interpreter.evaluate(expression)
            guard case .object(let object) = value else {
                Issue.record("\(expression) is not an object")
                continue
            }
            #expect(HelpTopic.key(for: object) == key, "\(expression)")
            let text = HelpText.describe(value, lessons: lessons)
            let topic = try #require(HelpTopic.topic(key), "\(key)")
            #expect(!topic.parameters.isEmpty, "\(key) explains no parameters")
            for (name, meaning) in topic.parameters {
                #expect(text.contains(name) && text.contains(meaning), "\(expression): \(name) missing")
            }
            #expect(text.contains(topic.summary), "\(expression)")
            #expect(text.contains("(%lesson ") || text.contains("no lesson yet — see %help"), "\(expression)")
        }
        try await harness.stop()
    }

    @Test func everyPublicNameOfTheModulesHasATopic() async throws {
        let harness = try await PlaygroundHarness.start(latency: .zero)
        await harness.pipe("import httpx, httpx2, openai")
        for module in ["httpx", "httpx2", "openai"] {
            guard case .object(let object) = try await harness.session.interpreter.evaluate(module),
                let moduleObject = object as? ModuleObject
            else {
                Issue.record("\(module) is not a module")
                continue
            }
            for (name, value) in moduleObject.attributes where !name.hasPrefix("_") {
                guard case .object(let attribute) = value else { continue }
                #expect(HelpTopic.find(for: attribute) != nil, "\(module).\(name) has no help topic")
            }
        }
        try await harness.stop()
    }

    @Test func theLessonIsNamedFromTheLoadedLessons() throws {
        let limits = try #require(HelpTopic.topic("Limits"))
        let timeout = try #require(HelpTopic.topic("Timeout"))
        let loaded = LessonReplayTests.lessons
        let first = try #require(loaded.first { $0.number == 1 })
        #expect(HelpText.lessonLine(limits, lessons: loaded) == "Lesson 1 — \(first.title) covers it (%lesson 1).")
        let timeouts = try #require(loaded.first { $0.id == "pool-timeout" })
        #expect(HelpText.lessonLine(timeout, lessons: loaded) == "Lesson \(timeouts.number) — \(timeouts.title) covers it (%lesson \(timeouts.number)).")
        #expect(HelpText.lessonLine(timeout, lessons: [first]) == "no lesson yet — see %help")

        let custom = Lesson(
            id: "timeouts", number: 7, title: "Timeouts that fit", summary: "s",
            steps: [Step(title: "t", tryCode: ["httpx.Timeout(1.0, pool=2.0)"])])
        #expect(HelpText.lessonLine(timeout, lessons: [first, custom]) == "Lesson 7 — Timeouts that fit covers it (%lesson 7).")
        #expect(HelpText.lessonLine(limits, lessons: []) == "no lesson yet — see %help")
        #expect(HelpText.lessonLine(limits, lessons: nil).contains("%lessons"))
    }

    @Test func sessionHelpLoadsTheLessons() async throws {
        var options = Session.Options()
        options.lessonsDirectory = LessonReplayTests.lessonsDirectory
        let harness = try await PlaygroundHarness.start(latency: .zero, options: options)
        await harness.pipe("import httpx")
        let value = try await harness.session.interpreter.evaluate("httpx.Limits()")
        let text = harness.session.helpText(for: value)
        #expect(text.hasPrefix("Limits(max_connections=None, max_keepalive_connections=None, keepalive_expiry=5.0) — "))
        #expect(text.hasSuffix("(%lesson 1)."))
        #expect(harness.session.helpText(for: nil) == Session.magicHelp)
        try await harness.stop()
    }

    @Test func instancesShowWhatIsInForce() async throws {
        let harness = try await PlaygroundHarness.start(latency: .zero)
        await harness.pipe("import httpx\nfrom openai import AsyncOpenAI\nc = AsyncOpenAI(http_client=httpx.AsyncClient(limits=httpx.Limits(max_connections=7)))")
        let client = try await harness.session.interpreter.evaluate("c")
        let text = HelpText.describe(client, lessons: [])
        #expect(text.contains("max_retries=2"))
        let http = HelpText.describe(try await harness.session.interpreter.evaluate("c._client"), lessons: [])
        #expect(http.contains("_max_connections=7"))
        #expect(http.contains("httpcore 1.0.9"))
        try await harness.stop()
    }
}
