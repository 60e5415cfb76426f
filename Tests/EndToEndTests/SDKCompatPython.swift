import Foundation
import Testing

/// A pinned virtualenv made by `scripts/setup-python.sh`, and the compat scripts run with it.
enum SDKCompatVenv: String, Sendable, CaseIterable, CustomTestStringConvertible {
    /// openai 3.57.0 on httpx2 2.16.2.
    case openai3
    /// openai 2.54.0 on httpx 0.28.1.
    case openai2

    static var packageRoot: URL { PoolplayBinary.packageRoot }

    /// `Tests/Compat/`: the Python scripts.
    static var scriptsFolder: URL { packageRoot.appendingPathComponent("Tests/Compat") }

    /// `.venv/<name>/bin/python`.
    var python: URL { Self.packageRoot.appendingPathComponent(".venv/\(rawValue)/bin/python") }

    /// The venvs present on this machine (the suite is skipped when there are none).
    static let available: [SDKCompatVenv] = allCases.filter {
        FileManager.default.isExecutableFile(atPath: $0.python.path)
    }

    static var anyAvailable: Bool { !available.isEmpty }

    /// Names the venv in parameterized test output (`openai3`, `openai2`).
    var testDescription: String { rawValue }

    typealias Output = ChildProcess.Result

    /// Runs `Tests/Compat/<script> arguments…` with this venv's Python against `baseURL`; the process is killed
    /// after `timeout`.
    func run(_ script: String, arguments: [String] = [], baseURL: String, timeout: Duration = .seconds(90)) async throws -> Output {
        let folder = Self.scriptsFolder
        var environment = ProcessInfo.processInfo.environment
        environment["OPENAI_BASE_URL"] = baseURL
        environment["OPENAI_API_KEY"] = SDKCompatRuns.apiKey
        environment["PYTHONDONTWRITEBYTECODE"] = "1"  // no __pycache__ in Tests/Compat
        environment["PYTHONPATH"] = folder.path
        for proxy in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"] {
            environment[proxy] = nil  // loopback only
        }
        return try await ChildProcess.run(
            python, arguments: [folder.appendingPathComponent(script).path] + arguments, environment: environment,
            currentDirectory: folder, timeout: timeout)
    }
}
