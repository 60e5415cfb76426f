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
        normalised(result, rewrites: rewrites)
    }

    /// ``normalised(_:)`` with a chosen set of rewrites (``unwrappedRewrites`` for scripts run as they are).
    static func normalised(_ result: ChildProcess.Result, rewrites: [(String, String)]) -> Run {
        let lastLine =
            result.stderr.split(separator: "\n").last {
                !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("  hint: ")
            }
            .map(String.init) ?? ""
        return Run(
            status: result.status, stdout: normalise(result.stdout, rewrites: rewrites),
            lastErrorLine: normalise(lastLine, rewrites: rewrites))
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

    /// ``rewrites`` without the `main.<locals>.` one: a script run unchanged (no `async def main()` wrapper) must
    /// print the same qualified names in both runners.
    static var unwrappedRewrites: [(String, String)] { rewrites.filter { $0.0 != #"main\.<locals>\."# } }

    /// `python FILE` and `poolplay run FILE` for one script run as it is, from its own folder, with
    /// ``environment(baseURL:)``; returns (cpython, poolplay), normalised with ``unwrappedRewrites``.
    static func runUnwrapped(_ file: URL, baseURL: String) async throws -> (cpython: Run, poolplay: Run) {
        guard let python else { throw PoolplayBinary.Failure(description: "no .venv/openai3") }
        var environment = environment(baseURL: baseURL)
        for proxy in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"] {
            environment[proxy] = nil
        }
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        let folder = file.deletingLastPathComponent()
        async let cpython = ChildProcess.run(
            python, arguments: [file.path], environment: environment, currentDirectory: folder, timeout: .seconds(90))
        async let poolplay = ChildProcess.run(
            URL(fileURLWithPath: try PoolplayBinary.path), arguments: ["run", file.path], environment: environment,
            currentDirectory: folder, timeout: .seconds(90))
        return (
            normalised(try await cpython, rewrites: unwrappedRewrites),
            normalised(try await poolplay, rewrites: unwrappedRewrites)
        )
    }

    /// Runs `run` for every script, at most `limit` at once; returns (script, cpython, poolplay) in finishing order.
    static func runAll(
        _ scripts: [String], limit: Int, _ run: @escaping @Sendable (String) async throws -> (cpython: Run, poolplay: Run)
    ) async throws -> [(String, Run, Run)] {
        try await withThrowingTaskGroup(of: (String, Run, Run).self) { group in
            var results: [(String, Run, Run)] = []
            var pending = scripts[...]
            func startNext() {
                guard let script = pending.popFirst() else { return }
                group.addTask {
                    let (cpython, poolplay) = try await run(script)
                    return (script, cpython, poolplay)
                }
            }
            for _ in 0..<limit { startNext() }
            while let result = try await group.next() {
                results.append(result)
                startNext()
            }
            return results
        }
    }

    static func normalise(_ text: String) -> String {
        normalise(text, rewrites: rewrites)
    }

    static func normalise(_ text: String, rewrites: [(String, String)]) -> String {
        var text = text
        for (pattern, replacement) in rewrites {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }
}
