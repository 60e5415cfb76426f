import Foundation
import Lessons
import MockServer
import LineEditing
import Testing

@testable import Playground
@testable import PythonModels

/// Issue 9 §2: each lesson runs in its own namespace, talks to the built-in mock with the lesson's knobs, closes
/// its clients on leave, and replays earlier steps when it resumes mid-way.
@Suite struct LessonStateTests {
    static func options(overlay: String? = nil, progressFile: String? = nil) -> Session.Options {
        var options = Session.Options()
        options.showPanels = false
        options.lessonsDirectory = overlay
        options.progressFile = progressFile
        return options
    }

    /// A folder holding the given lesson files (name → text).
    static func overlay(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-lessons-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return folder
    }

    static let seedSandbox = """
        import asyncio, httpx
        from openai import AsyncOpenAI
        limits = httpx.Limits(max_connections=10, max_keepalive_connections=5)
        http_client = httpx.AsyncClient(limits=limits)
        client = AsyncOpenAI(http_client=http_client)
        results = await asyncio.gather(*[client.models.list() for _ in range(20)])
        """

    /// Acceptance: the seed's names in the sandbox never make a lesson's first check pass on entry.
    @Test(arguments: BundledLessons.files.map(\.name).filter { LessonLoader.translationLanguage(ofFileName: $0) == nil })
    func theSeedsNamesNeverPassAFirstCheck(_ name: String) async throws {
        let harness = try await PlaygroundHarness.start(latency: .milliseconds(2), options: Self.options())
        let lesson = try #require(LessonCatalog.load().lessons.first { $0.sourcePath.hasSuffix(name) })
        await harness.pipe(Self.seedSandbox + "\nlen(results)\n%lesson \(lesson.number)\nunrelated = 1\n%check")
        try await harness.stop()
        let out = harness.output.stdout
        #expect(out.contains("20\n"), "the sandbox ran the burst")
        #expect(!out.contains("✓"), "\(lesson.id): a check passed on entry: \(out)")
        #expect(out.contains("── Lesson \(lesson.number) · Step 1/"))
    }

    @Test func leavingRestoresTheSandboxAndClosesTheLessonsClients() async throws {
        let harness = try await PlaygroundHarness.start(latency: .milliseconds(2), options: Self.options())
        await harness.pipe(
            """
            x = 41
            %lesson 1
            import httpx
            limits = httpx.Limits(max_connections=10, max_keepalive_connections=5)
            http_client = httpx.AsyncClient(limits=limits)
            x
            %lesson off
            x + 1
            limits
            """)
        let pools = harness.session.context.pools
        try await harness.stop()
        #expect(harness.output.stderr.contains("NameError: name 'x' is not defined"), "the sandbox's x is set aside")
        #expect(harness.output.stdout.contains("Left the lesson; its 1 connection pool is closed. Your own names are back."))
        #expect(harness.output.stdout.contains("42\n"))
        #expect(harness.output.stderr.contains("NameError: name 'limits' is not defined"), "the lesson's names go")
        #expect(pools.count == 1)
        #expect(pools.allSatisfy { $0.engine.isClosed })
    }

    @Test func jumpingToAStepReplaysTheStepsBeforeIt() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-replay-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/progress.json"
        let harness = try await PlaygroundHarness.start(
            latency: .milliseconds(2), options: Self.options(progressFile: file))
        await harness.pipe("%lesson 1 3\nhttp_client._transport._pool._max_connections")
        try await harness.stop()
        let out = harness.output.stdout
        #expect(out.contains("↻ step 1/4 replayed · Describe the limits\n↻ step 2/4 replayed · Put the limits on an HTTP client\n"))
        #expect(out.contains("── Lesson 1 · Step 3/4"))
        #expect(out.hasSuffix("10\n"))
        #expect(!out.contains("✓"))
        #expect(harness.output.stderr == "")
        #expect(ProgressStore(file: file).load().passedSteps["limits"] == nil, "replayed steps are not the learner's")
    }

    static let replayLesson = """
        ---
        id: replay-test
        title: Replay
        summary: S
        order: 90
        ---
        ## Raise on purpose
        check: y == 1
        solution:
        ```python
        y = 1
        raise ValueError("on purpose")
        ```

        ## A check its solution misses
        check: z == 2
        solution:
        ```python
        z = 1
        ```

        ## Last
        Read.
        """

    @Test func anExceptionOnPurposeReplaysAndAFailingCheckStopsTheReplay() async throws {
        let folder = try Self.overlay(["90-replay.md": Self.replayLesson])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let harness = try await PlaygroundHarness.start(options: Self.options(overlay: folder))
        await harness.pipe("%lesson 90 3")
        try await harness.stop()
        #expect(harness.output.stdout.contains("↻ step 1/3 replayed · Raise on purpose"))
        #expect(harness.output.stderr.contains("lessons: replay stopped at step 2/3 (A check its solution misses)"))
        #expect(harness.output.stdout.contains("── Lesson 90 · Step 2/3"))
        #expect(!harness.output.stdout.contains("ValueError"))
    }

    @Test func lessonsTalkToTheMockWithTheirKnobsAndRestoreOnLeave() async throws {
        let folder = try Self.overlay([
            "91-knobs.md": "---\nid: knobs\ntitle: K\nsummary: S\nserver:\n  latency: 1s\n  max_concurrent: 4\n---\n## Read\nText.\n",
            "92-bad.md": "---\nid: bad\ntitle: B\nsummary: S\nserver:\n  latency: 1s\n  colour: blue\n---\n## Read\nText.\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try await MockServer.start(
            host: "127.0.0.1", port: 0, configuration: MockServerConfiguration(latency: .milliseconds(20)))
        let output = CapturedOutput()
        let session = Session(
            environment: ["OPENAI_BASE_URL": "https://api.example.invalid/v1", "OPENAI_API_KEY": "k"], server: server,
            options: Self.options(overlay: folder), output: output)
        await session.runREPL(reader: ScriptedLineReader(Self.lines("%lesson knobs\nimport os\nos.environ['OPENAI_BASE_URL']")))
        let during = server.configuration
        await session.runREPL(reader: ScriptedLineReader(Self.lines("%lesson off\nimport os\nos.environ['OPENAI_BASE_URL']")))
        let after = server.configuration
        await session.shutdown()
        try await server.shutdown()
        #expect(during.latency == .seconds(1))
        #expect(during.maxConcurrentRequests == 4)
        #expect(after.maxConcurrentRequests == nil)
        #expect(after.latency == .milliseconds(20))
        #expect(output.stdout.contains("'\(server.baseURL)'"))
        #expect(output.stdout.hasSuffix("'https://api.example.invalid/v1'\n"))
        #expect(output.stderr.contains("\(folder)/92-bad.md:7: server: "), "a bad knob is reported at its line: \(output.stderr)")
    }

    static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }
}
