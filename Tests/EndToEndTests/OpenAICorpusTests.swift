import Foundation
import Testing

/// Runs each `Tests/OpenAICorpus/*.py` through CPython with the real openai 3.57.0 (the script wrapped in
/// `async def main()`) and through `poolplay run`, both against one `poolplay serve --port 0 --latency 0ms`, and
/// expects the same stdout and exit status after normalising ids, ports, timestamps and `0x` addresses.
@Suite(.enabled(if: OpenAICorpus.pythonAvailable, "needs .venv/openai3 (make test sets it up)"), .serialized)
struct OpenAICorpusTests {
    @Test(arguments: OpenAICorpus.scripts)
    func samePrintsAsCPython(script: String) async throws {
        let server = try await SDKCompatServer.start()
        let result: (python: ChildProcess.Result, poolplay: ChildProcess.Result)
        do {
            result = try await run(script, baseURL: server.baseURL)
        } catch {
            _ = await server.stop()
            throw error
        }
        _ = await server.stop()
        let (python, poolplay) = result
        #expect(python.status == 0, "CPython failed: \(python.stderr)")
        #expect(!python.stdout.isEmpty)
        #expect(poolplay.status == python.status, "poolplay stderr: \(poolplay.stderr)")
        #expect(OpenAICorpus.normalise(poolplay.stdout) == OpenAICorpus.normalise(python.stdout))
    }

    private func run(_ script: String, baseURL: String) async throws -> (python: ChildProcess.Result, poolplay: ChildProcess.Result) {
        let source = try String(contentsOf: OpenAICorpus.folder.appendingPathComponent(script), encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["OPENAI_BASE_URL"] = baseURL
        environment["OPENAI_API_KEY"] = "sk-corpus"
        environment["NO_COLOR"] = "1"

        let wrapped = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-openai-corpus-\(UUID()).py")
        try OpenAICorpus.wrap(source).write(to: wrapped, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: wrapped) }
        let python = try await ChildProcess.run(
            OpenAICorpus.python, arguments: [wrapped.path], environment: environment, timeout: .seconds(60))
        let poolplay = try await PoolplayBinary.run(
            ["run", OpenAICorpus.folder.appendingPathComponent(script).path],
            environment: ["OPENAI_BASE_URL": baseURL, "OPENAI_API_KEY": "sk-corpus"])
        return (python, poolplay)
    }

    @Test func normalisationKeepsWhatMatters() {
        #expect(OpenAICorpus.normalise("Response(id='resp_12', x=msg_3) at 0x7f00aa http://127.0.0.1:4242/v1")
            == "Response(id='resp_N', x=msg_N) at 0xADDR http://127.0.0.1:PORT/v1")
        #expect(OpenAICorpus.normalise("created_at=1764300000.0") == "created_at=TIMESTAMP")
        #expect(OpenAICorpus.normalise("a\n") != OpenAICorpus.normalise("b\n"))
    }

    @Test func corpusHasScriptsForEachResource() {
        #expect(OpenAICorpus.scripts.count >= 4)
        #expect(OpenAICorpus.scripts.contains { $0.hasPrefix("embeddings") })
        #expect(OpenAICorpus.scripts.contains { $0.hasPrefix("responses") })
    }
}

enum OpenAICorpus {
    static var folder: URL { PoolplayBinary.packageRoot.appendingPathComponent("Tests/OpenAICorpus") }
    static var python: URL { PoolplayBinary.packageRoot.appendingPathComponent(".venv/openai3/bin/python") }
    static var pythonAvailable: Bool { FileManager.default.isExecutableFile(atPath: python.path) }

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".py") }.sorted()
    }

    /// The script as a CPython program: its lines inside `async def main()`, run by `asyncio.run`.
    static func wrap(_ source: String) -> String {
        let body = source.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }
        return "import asyncio\n\nasync def main():\n" + body.joined(separator: "\n") + "\n    pass\n\nasyncio.run(main())\n"
    }

    /// Server-assigned ids, ports, `0x` addresses and wall-clock times are not the script's doing.
    static func normalise(_ text: String) -> String {
        var out = text
        let rules: [(String, String)] = [
            (#"\b(resp|msg|chatcmpl|req)[_-][0-9A-Za-z]+"#, "$1_N"),
            (#"127\.0\.0\.1:[0-9]+"#, "127.0.0.1:PORT"),
            (#"0x[0-9a-fA-F]+"#, "0xADDR"),
            (#"\b1[0-9]{9}(\.[0-9]+)?\b"#, "TIMESTAMP"),
        ]
        for (pattern, template) in rules {
            out = out.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return out
    }
}
