import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// One `poolplay serve --port 0 --latency 0ms` child process for the SDK compatibility suite.
///
/// ``start()`` waits (on a thread of its own, never a cooperative one) for the banner's first line,
/// `PoolPlay mock OpenAI endpoint on http://127.0.0.1:PORT/v1`, and keeps draining the per-request log
/// so a full pipe can never stall the server. ``stop()`` sends SIGTERM and, if the server has not exited
/// within five seconds, SIGKILL.
final class SDKCompatServer: Sendable {
    /// The `/v1` base URL the banner printed, e.g. `http://127.0.0.1:41234/v1`.
    let baseURL: String
    private let process: Process
    private let log: Log

    /// Everything the server printed, shared by the draining thread and the test.
    private final class Log: Sendable {
        let text = Mutex<String>("")
        /// The pending `start()` continuation; exactly one of the reader and the watchdog resumes it.
        let pending = Mutex<CheckedContinuation<String, any Error>?>(nil)
        /// Signalled when the reader has seen EOF (everything the server printed is in ``text``).
        let drained = DispatchSemaphore(value: 0)

        func finish(_ result: Result<String, any Error>) {
            pending.withLock { slot in
                slot?.resume(with: result)
                slot = nil
            }
        }
    }

    private init(baseURL: String, process: Process, log: Log) {
        self.baseURL = baseURL
        self.process = process
        self.log = log
    }

    /// Everything the server printed so far (for failure messages).
    var output: String { log.text.withLock { $0 } }

    /// Starts the server; throws if it exits or prints no base URL within `timeout`.
    static func start(extraArguments: [String] = [], timeout: Duration = .seconds(20)) async throws -> SDKCompatServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try PoolplayBinary.path)
        process.arguments = ["serve", "--port", "0", "--latency", "0ms"] + extraArguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = stdout
        process.standardInput = FileHandle.nullDevice
        try process.run()

        let log = Log()
        do {
            let baseURL = try await waitForBanner(stdout: stdout, log: log, timeout: timeout)
            return SDKCompatServer(baseURL: baseURL, process: process, log: log)
        } catch {
            if process.isRunning { process.terminate() }
            throw error
        }
    }

    /// Drains `stdout` on a thread of its own until EOF; returns the banner's URL as soon as it arrives.
    private static func waitForBanner(stdout: Pipe, log: Log, timeout: Duration) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            log.pending.withLock { $0 = continuation }
            Thread {
                let handle = stdout.fileHandleForReading
                while true {
                    let data = handle.availableData
                    if data.isEmpty { break }
                    let text = log.text.withLock { text in
                        text += String(decoding: data, as: UTF8.self)
                        return text
                    }
                    if let url = Self.baseURL(inBanner: text) { log.finish(.success(url)) }
                }
                log.drained.signal()
                log.finish(.failure(PoolplayBinary.Failure(
                    description: "poolplay serve exited before printing its URL: \(log.text.withLock { $0 })")))
            }.start()
            DispatchQueue.global().asyncAfter(deadline: .now() + Double(timeout.components.seconds)) {
                log.finish(.failure(PoolplayBinary.Failure(description: "poolplay serve printed no URL in \(timeout)")))
            }
        }
    }

    /// The URL in the banner's first complete line, if that line has arrived.
    static func baseURL(inBanner text: String) -> String? {
        guard let newline = text.firstIndex(of: "\n") else { return nil }
        let line = text[..<newline]
        guard let start = line.range(of: "http://") else { return nil }
        let url = line[start.lowerBound...].prefix { !$0.isWhitespace }
        return url.isEmpty ? nil : String(url)
    }

    /// Stops the server with SIGTERM (SIGKILL after 5 s) and returns its exit status once everything it
    /// printed has been read (at most 5 s more).
    @discardableResult
    func stop() async -> Int32 {
        let process = self.process
        let log = self.log
        return await withCheckedContinuation { continuation in
            Thread {
                if process.isRunning { process.terminate() }
                let killer = DispatchWorkItem {
                    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                }
                DispatchQueue.global().asyncAfter(deadline: .now() + 5, execute: killer)
                process.waitUntilExit()
                killer.cancel()
                _ = log.drained.wait(timeout: .now() + 5)
                continuation.resume(returning: process.terminationStatus)
            }.start()
        }
    }
}
