import Foundation
import Testing

/// `Tests/StreamCorpus/*.py`: streamed responses, run through CPython (openai3 venv: httpx 0.28.1) and through
/// `poolplay run`, both against one `poolplay serve`; stdout must match exactly.
@Suite(.serialized, .enabled(if: SDKCompatVenv.available.contains(.openai3)))
struct StreamCorpusTests {
    static let folder = PoolplayBinary.packageRoot.appendingPathComponent("Tests/StreamCorpus")

    static let scripts = [
        "stream_lines.py", "stream_unread.py", "openai_stream.py", "sync_stream.py", "responses_stream.py",
    ]

    @Test(arguments: scripts)
    func sameStdoutAsCPython(_ script: String) async throws {
        let server = try await SDKCompatServer.start()
        let path = Self.folder.appendingPathComponent(script).path
        var environment = ProcessInfo.processInfo.environment
        environment["OPENAI_BASE_URL"] = server.baseURL
        environment["OPENAI_API_KEY"] = "sk-poolplay-stream"
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        for proxy in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"] {
            environment[proxy] = nil
        }
        let runs: Result<(ChildProcess.Result, ChildProcess.Result), any Error>
        do {
            let cpython = try await ChildProcess.run(
                SDKCompatVenv.openai3.python, arguments: [path], environment: environment, timeout: .seconds(60))
            let poolplay = try await PoolplayBinary.run(
                ["run", path], environment: ["OPENAI_BASE_URL": server.baseURL, "OPENAI_API_KEY": "sk-poolplay-stream"])
            runs = .success((cpython, poolplay))
        } catch {
            runs = .failure(error)
        }
        _ = await server.stop()
        let (cpython, poolplay) = try runs.get()
        #expect(cpython.status == 0, "\(cpython.stderr)")
        #expect(poolplay.status == 0, "\(poolplay.stderr)")
        #expect(!cpython.stdout.isEmpty)
        #expect(poolplay.stdout == cpython.stdout)
    }
}
