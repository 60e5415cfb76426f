import Foundation
import Synchronization

/// What one compat script printed: the SDK version, the HTTP module, and each check's observations.
struct SDKCompatRun: Sendable {
    var venv: SDKCompatVenv
    var json: SDKCompatJSON
    /// stderr of the script and the server's log, for failure messages.
    var diagnostics: String

    var sdkVersion: String { json["sdk"].string ?? "?" }
    var httpModule: String { json["httpx"].string ?? "?" }

    /// One check's result object.
    subscript(check: String) -> SDKCompatJSON { json["checks"][check] }
}

/// Runs each compat script at most once per venv (each run against its own `poolplay serve`, so ledgers
/// never mix) and shares the result among the tests that assert on it: Python start-up plus
/// `import openai` costs about half a second, so checks are folded into one run per script and venv.
enum SDKCompatRuns {
    private static let cache = Mutex<[String: Task<SDKCompatRun, any Error>]>([:])

    /// The (cached) run of `script` with `venv`.
    static func run(_ script: String, venv: SDKCompatVenv) async throws -> SDKCompatRun {
        let task = cache.withLock { tasks in
            let key = "\(script)|\(venv.rawValue)"
            if let existing = tasks[key] { return existing }
            let created = Task { try await runFresh(script, venv: venv) }
            tasks[key] = created
            return created
        }
        return try await task.value
    }

    /// The key `poolplay serve` requires in the compat runs; ``SDKCompatVenv/run(_:arguments:baseURL:timeout:)``
    /// puts the same key in `OPENAI_API_KEY`.
    static let apiKey = "sk-poolplay-compat"

    /// Starts a server (`api_key=`\(apiKey)), runs the script, stops the server, parses the script's JSON line.
    static func runFresh(_ script: String, venv: SDKCompatVenv, arguments: [String] = []) async throws -> SDKCompatRun {
        let server = try await SDKCompatServer.start(extraArguments: ["api_key=\(apiKey)"])
        let output: SDKCompatVenv.Output
        do {
            output = try await venv.run(script, arguments: arguments, baseURL: server.baseURL)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        let diagnostics = "stderr:\n\(output.stderr)\nserver:\n\(server.output.suffix(2000))"
        let line = output.stdout.split(separator: "\n").last.map(String.init) ?? ""
        guard output.status == 0, let json = try? SDKCompatJSON.parse(line) else {
            throw PoolplayBinary.Failure(
                description: "\(script) with \(venv.rawValue) exited \(output.status), stdout: \(output.stdout)\n\(diagnostics)")
        }
        return SDKCompatRun(venv: venv, json: json, diagnostics: diagnostics)
    }

    /// The features the mock answers today (`Tests/Compat/probe.py`), probed once per test process.
    static func features() async -> SDKCompatFeatures {
        let task = featureTask.withLock { slot in
            if let existing = slot { return existing }
            let created = Task { await probe() }
            slot = created
            return created
        }
        return await task.value
    }

    private static let featureTask = Mutex<Task<SDKCompatFeatures, Never>?>(nil)

    private static func probe() async -> SDKCompatFeatures {
        guard let venv = SDKCompatVenv.available.first,
            let server = try? await SDKCompatServer.start()
        else { return SDKCompatFeatures(flags: [:]) }
        let output = try? await venv.run("probe.py", baseURL: server.baseURL, timeout: .seconds(60))
        await server.stop()
        guard let output, output.status == 0,
            case .object(let members)? = try? SDKCompatJSON.parse(output.stdout)
        else { return SDKCompatFeatures(flags: [:]) }
        return SDKCompatFeatures(flags: members.compactMapValues(\.bool))
    }
}

/// Which mock features answered the probe (a missing flag counts as absent).
struct SDKCompatFeatures: Sendable {
    var flags: [String: Bool]

    func has(_ names: String...) -> Bool { names.allSatisfy { flags[$0] == true } }
}
