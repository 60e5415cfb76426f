import Foundation
import Testing

/// The real binary with piped stdin and with `run FILE`.
@Suite struct PipedSessionTests {
    /// The seed article's code block, verbatim with its Chinese comments (`Tests/Fixtures/seed.py`).
    static var seed: String {
        get throws {
            try String(contentsOf: PoolplayBinary.packageRoot.appendingPathComponent("Tests/Fixtures/seed.py"), encoding: .utf8)
        }
    }

    @Test func seedPipedIntoPoolplayPrintsTheLimit() async throws {
        let result = try await PoolplayBinary.run([], input: try Self.seed + "\nclient._client._transport._pool._max_connections\n")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.split(separator: "\n").last == "10")
        #expect(!result.stdout.contains(">>>"))
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test func pipedErrorsDoNotEndTheSession() async throws {
        let result = try await PoolplayBinary.run(
            [], input: "import httpx\nfrom openai import OpenAI\nx = 1\nOpenAI(limits=httpx.Limits(max_connections=10))\nx + 1\n")
        #expect(result.status == 0)
        #expect(result.stderr.contains("TypeError: OpenAI.__init__() got an unexpected keyword argument 'limits'"))
        #expect(result.stdout.split(separator: "\n").last == "2")
    }

    @Test func runFilePrintsOnlyWhatTheProgramPrints() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("burst.py")
        try """
            import asyncio
            import httpx
            from openai import AsyncOpenAI

            client = AsyncOpenAI(http_client=httpx.AsyncClient(limits=httpx.Limits(max_connections=5)))
            pages = await asyncio.gather(*[client.models.list() for _ in range(10)])
            len(pages)
            print(len(pages), pages[0].data[0].id)
            print(client._client._transport._pool)
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try await PoolplayBinary.run(["run", file.path, "--latency", "10ms"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(
            result.stdout == """
                10 mock-gpt
                <AsyncConnectionPool [Requests: 0 active, 0 queued | Connections: 0 active, 5 idle]>

                """)
    }

    @Test func runFileWithAnUncaughtErrorExitsOneWithATraceback() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.py")
        try "print('before')\nundefined_name\nprint('after')\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try await PoolplayBinary.run(["run", file.path])
        #expect(result.status == 1)
        #expect(result.stdout == "before\n")
        #expect(result.stderr.hasPrefix("Traceback (most recent call last):\n"))
        #expect(result.stderr.hasSuffix("NameError: name 'undefined_name' is not defined\n"))
    }
}
