import Foundation
import Synchronization

/// Runs the built `poolplay` executable (built next to the test bundle, since this test target depends on it).
enum PoolplayBinary {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The executable's path.
    static var path: String {
        get throws {
            var candidates: [URL] = []
            candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
            candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
            for folder in candidates {
                let url = folder.appendingPathComponent("poolplay")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url.path }
            }
            throw Failure(description: "poolplay executable not found near \(candidates.map(\.path))")
        }
    }

    /// The package root (for the Lessons/ folder).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `poolplay arguments…` with `input` on stdin; bounded by `timeout` (the process is killed after it).
    static func run(
        _ arguments: [String], input: String = "", environment extra: [String: String] = [:],
        timeout: Duration = .seconds(60)
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            // A thread of its own: waiting for the child must not hold a thread of Swift's cooperative pool.
            Thread {
                do {
                    continuation.resume(returning: try runBlocking(arguments, input: input, environment: extra, timeout: timeout))
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }

    private static func runBlocking(
        _ arguments: [String], input: String, environment extra: [String: String], timeout: Duration
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["OPENAI_BASE_URL"] = nil
        environment["OPENAI_API_KEY"] = nil
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        let seconds = Double(timeout.components.seconds)
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
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
        let err = collected.withLock { $0 }
        process.waitUntilExit()
        watchdog.cancel()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}
