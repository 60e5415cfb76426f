import Foundation
import Synchronization
import Testing

/// A pinned virtualenv made by `scripts/setup-python.sh`, and the compat scripts run with it.
enum SDKCompatVenv: String, Sendable, CaseIterable, CustomTestStringConvertible {
    /// openai 3.57.0 on httpx2 2.16.2.
    case openai3
    /// openai 2.54.0 on httpx 0.28.1.
    case openai2

    /// The package root, found from this file's path.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

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

    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `Tests/Compat/<script> arguments…` with this venv's Python against `baseURL`, on a thread of its
    /// own (the cooperative pool is never blocked); the process is killed after `timeout`.
    func run(_ script: String, arguments: [String] = [], baseURL: String, timeout: Duration = .seconds(90)) async throws -> Output {
        let python = self.python
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                do {
                    continuation.resume(returning: try Self.runBlocking(
                        python: python, script: script, arguments: arguments, baseURL: baseURL, timeout: timeout))
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }

    private static func runBlocking(
        python: URL, script: String, arguments: [String], baseURL: String, timeout: Duration
    ) throws -> Output {
        let process = Process()
        process.executableURL = python
        process.arguments = [scriptsFolder.appendingPathComponent(script).path] + arguments
        process.currentDirectoryURL = scriptsFolder
        var environment = ProcessInfo.processInfo.environment
        environment["OPENAI_BASE_URL"] = baseURL
        environment["OPENAI_API_KEY"] = "sk-poolplay-compat"
        environment["PYTHONDONTWRITEBYTECODE"] = "1"  // no __pycache__ in Tests/Compat
        environment["PYTHONPATH"] = scriptsFolder.path
        for proxy in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"] {
            environment[proxy] = nil  // loopback only
        }
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + Double(timeout.components.seconds), execute: watchdog)
        // Read both pipes to the end before waiting, so a full pipe never blocks the child.
        let collected = Mutex<Data>(Data())
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            let data = stderr.fileHandleForReading.readDataToEndOfFile()
            collected.withLock { $0 = data }
            group.leave()
        }
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        watchdog.cancel()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: collected.withLock { $0 }, as: UTF8.self))
    }
}
