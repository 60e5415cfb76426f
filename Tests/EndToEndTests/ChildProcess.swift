import Foundation
import Synchronization

/// Runs a child process for end-to-end tests: stdin from `input`, both pipes drained to the end, killed after
/// `timeout`. The wait happens on a thread of its own, never on one of Swift's few cooperative threads.
enum ChildProcess {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(
        _ executable: URL, arguments: [String], environment: [String: String]? = nil,
        currentDirectory: URL? = nil, input: String? = nil, timeout: Duration
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do {
                    continuation.resume(
                        returning: try runBlocking(
                            executable, arguments: arguments, environment: environment,
                            currentDirectory: currentDirectory, input: input, timeout: timeout))
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }

    private static func runBlocking(
        _ executable: URL, arguments: [String], environment: [String: String]?, currentDirectory: URL?,
        input: String?, timeout: Duration
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
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
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: collected.withLock { $0 }, as: UTF8.self))
    }
}
