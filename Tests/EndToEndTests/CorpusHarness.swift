import Foundation

/// Runs one script of `Tests/Corpus/` through CPython (wrapped in `async def main()` by
/// `Tests/Corpus/run_wrapped.py`) and through `poolplay run`, with the same environment, and normalises what
/// legitimately differs between two runs: ports, `0x…` addresses, response ids, timestamps, and the
/// `main.<locals>.` prefix the wrapping adds to the qualified names of functions the script defines.
enum CorpusHarness {
    /// One runner's result, normalised.
    struct Run: Sendable, Equatable {
        var status: Int32
        var stdout: String
        /// The last non-empty line of stderr that is not one of PoolPlay's teaching hints (`  hint: …`, printed
        /// after the error line on purpose): the error line of an uncaught exception, or "".
        var lastErrorLine: String
    }

    /// The corpus folder.
    static var folder: URL { PoolplayBinary.packageRoot.appendingPathComponent("Tests/Corpus") }

    /// The scripts, in name order: every `NN_name.py` file (the runner itself is excluded).
    static var scripts: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".py") && $0.first?.isNumber == true }.sorted()
    }

    /// The pinned interpreter; nil without `make test`'s virtualenvs.
    static var python: URL? { DifferentialHarness.python }

    /// Whether the suite can run here.
    static var available: Bool { python != nil && (try? PoolplayBinary.path) != nil }

    /// The environment both runners get: the server's URL, one key, one extra variable the scripts read.
    static func environment(baseURL: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["OPENAI_BASE_URL"] = baseURL
        environment["OPENAI_API_KEY"] = "sk-corpus-key"
        environment["POOLPLAY_CORPUS_FLAG"] = "on"
        environment["POOLPLAY_CORPUS_UNSET"] = nil
        environment["NO_COLOR"] = "1"
        environment["PYTHONHASHSEED"] = "0"
        return environment
    }

    /// Runs `script` through both; returns (cpython, poolplay).
    static func run(script: String, baseURL: String) async throws -> (cpython: Run, poolplay: Run) {
        guard let python else { throw PoolplayBinary.Failure(description: "no .venv/openai3") }
        let path = folder.appendingPathComponent(script).path
        let environment = environment(baseURL: baseURL)
        async let cpython = ChildProcess.run(
            python, arguments: [folder.appendingPathComponent("run_wrapped.py").path, path],
            environment: environment, currentDirectory: folder, timeout: .seconds(60))
        async let poolplay = ChildProcess.run(
            URL(fileURLWithPath: try PoolplayBinary.path), arguments: ["run", path], environment: environment,
            currentDirectory: folder, timeout: .seconds(60))
        return (normalised(try await cpython), normalised(try await poolplay))
    }

    static func normalised(_ result: ChildProcess.Result) -> Run {
        let lastLine =
            result.stderr.split(separator: "\n").last {
                !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("  hint: ")
            }
            .map(String.init) ?? ""
        return Run(status: result.status, stdout: normalise(result.stdout), lastErrorLine: normalise(lastLine))
    }

    /// The rewrites, in order: `(pattern, replacement)`.
    static let rewrites: [(String, String)] = [
        (#"127\.0\.0\.1:\d+"#, "127.0.0.1:PORT"),
        (#"localhost:\d+"#, "localhost:PORT"),
        (#"0x[0-9a-fA-F]+"#, "0xADDR"),
        (#"chatcmpl-[A-Za-z0-9]+"#, "chatcmpl-ID"),
        (#"req_[A-Za-z0-9_]+"#, "req_ID"),
        (#"created=\d+"#, "created=TIME"),
        (#"'created': \d+"#, "'created': TIME"),
        (#"main\.<locals>\."#, ""),
    ]

    static func normalise(_ text: String) -> String {
        var text = text
        for (pattern, replacement) in rewrites {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }
}
