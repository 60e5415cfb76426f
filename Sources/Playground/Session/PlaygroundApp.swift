import Foundation
import Synchronization
import LineEditing
import MockServer
import TerminalUI

/// The entry points the `poolplay` command calls.
public enum PlaygroundApp {
    public static let version = "0.1.0"

    /// Options shared by the interactive session and `run`.
    public struct LaunchOptions: Sendable {
        public var latency: Duration = .milliseconds(200)
        public var noColor = false
        public var lessonsDirectory: String?
        public var environment: [String: String] = ProcessInfo.processInfo.environment

        public init() {}
    }

    /// `poolplay`: the interactive playground (libedit on a terminal, plain lines otherwise).
    public static func interactive(_ launch: LaunchOptions) async -> Int32 {
        let output = StandardOutput()
        let isTerminal = TerminalCheck.stdinAndStdoutAreTerminals
        guard let (server, environment) = await startServer(launch, output: output) else { return 1 }
        var options = Session.Options()
        options.color = TerminalCapabilities.colorEnabled(
            environment: launch.environment, stdoutIsTTY: isatty(1) == 1, noColorFlag: launch.noColor)
        options.lessonsDirectory = launch.lessonsDirectory ?? findLessonsDirectory(environment: launch.environment)
        options.catchInterrupts = isTerminal
        if isTerminal { InterruptSignal.install() }
        let session = Session(environment: environment, server: server, options: options, output: output)
        if isTerminal {
            output.write(banner(server: server, environment: environment, launch: launch))
        }
        let completions = session.completions
        let reader: LineReader =
            isTerminal
            ? LibEditLineReader(
                programName: "poolplay", historyFile: HistoryLocation.defaultFile(environment: launch.environment),
                completer: { completions.candidates(lineBeforeCursor: $0) })
            : PlainLineReader()
        await session.runREPL(reader: reader)
        await session.shutdown()
        try? await server.shutdown()
        return 0
    }

    /// `poolplay run FILE`: runs a file as `python FILE` would.
    public static func run(file path: String, panels: Bool, _ launch: LaunchOptions) async -> Int32 {
        let output = StandardOutput()
        guard let data = FileManager.default.contents(atPath: path) else {
            output.writeError("poolplay: can't open file '\(path)': [Errno 2] No such file or directory\n")
            return 2
        }
        guard let (server, environment) = await startServer(launch, output: output) else { return 1 }
        var options = Session.Options()
        options.echoValues = false
        options.showPanels = panels
        options.panelsToStderr = true
        let session = Session(environment: environment, server: server, options: options, output: output)
        let status = await session.runFile(source: String(decoding: data, as: UTF8.self), path: path)
        await session.shutdown()
        try? await server.shutdown()
        return status
    }

    /// Starts the built-in mock on a free loopback port and presets the environment openai reads.
    static func startServer(_ launch: LaunchOptions, output: SessionOutput) async -> (MockServer, [String: String])? {
        do {
            let server = try await MockServer.start(
                host: "127.0.0.1", port: 0, configuration: MockServerConfiguration(latency: launch.latency))
            return (server, presetEnvironment(launch.environment, server: server))
        } catch {
            output.writeError("poolplay: could not start the mock endpoint: \(error)\n")
            return nil
        }
    }

    /// Unless the user's environment sets them, `OPENAI_BASE_URL` points at the mock and `OPENAI_API_KEY` holds a
    /// placeholder, so `OpenAI()` works as the real SDK does on a machine set up that way.
    static func presetEnvironment(_ environment: [String: String], server: MockServer) -> [String: String] {
        var result = environment
        if (result["OPENAI_BASE_URL"] ?? "").isEmpty { result["OPENAI_BASE_URL"] = server.baseURL }
        if (result["OPENAI_API_KEY"] ?? "").isEmpty { result["OPENAI_API_KEY"] = placeholderKey }
        return result
    }

    static let placeholderKey = "sk-poolplay-placeholder"

    static func banner(server: MockServer, environment: [String: String], launch: LaunchOptions) -> String {
        let latency = DurationText.format(launch.latency)
        var text = "PoolPlay \(version) — mock OpenAI endpoint on \(server.baseURL) (latency \(latency))\n"
        if environment["OPENAI_BASE_URL"] == server.baseURL {
            text += "OPENAI_BASE_URL points at it"
            text += environment["OPENAI_API_KEY"] == placeholderKey ? " and OPENAI_API_KEY holds a placeholder.\n" : ".\n"
        } else {
            text += "OPENAI_BASE_URL is yours: \(environment["OPENAI_BASE_URL"] ?? "")\n"
        }
        text += "Type %lessons for guided lessons, %help for everything else.\n"
        return text
    }

    /// `Lessons/` next to the executable's package (walking up from the binary), or under the current directory.
    static func findLessonsDirectory(environment: [String: String]) -> String? {
        if let fromEnv = environment["POOLPLAY_LESSONS"], !fromEnv.isEmpty { return fromEnv }
        let fileManager = FileManager.default
        var starts = [fileManager.currentDirectoryPath]
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        starts.append(executable.deletingLastPathComponent().path)
        for start in starts {
            var directory = URL(fileURLWithPath: start)
            for _ in 0..<6 {
                let candidate = directory.appendingPathComponent("Lessons")
                var isDirectory: ObjCBool = false
                if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    return candidate.path
                }
                directory.deleteLastPathComponent()
            }
        }
        return nil
    }

    /// `poolplay serve`: the mock endpoint alone, until Ctrl-C or SIGTERM.
    public static func serve(host: String, port: Int, latency: Duration, allowRemote: Bool) async throws {
        let loopback = host == "127.0.0.1" || host == "localhost" || host == "::1"
        if !loopback {
            guard allowRemote else {
                throw ServeError("refusing to bind \(host): pass --allow-remote to serve beyond this machine")
            }
            FileHandle.standardError.write(Data("warning: serving on \(host), reachable from other machines\n".utf8))
        }
        let server = try await MockServer.start(
            host: host, port: port, configuration: MockServerConfiguration(latency: latency))
        let output = StandardOutput()
        output.write(
            "PoolPlay mock OpenAI endpoint on \(server.baseURL)\n"
                + "export OPENAI_BASE_URL=\(server.baseURL)\n"
                + "export OPENAI_API_KEY=\(placeholderKey)\n"
                + "Ledger: GET http://\(host):\(server.port)/_poolplay/ledger · Ctrl-C stops\n")
        await SignalWaiter.waitForTermination()
        try await server.shutdown()
        output.write("stopped\n")
    }

    public struct ServeError: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}

/// Waits for SIGINT or SIGTERM.
enum SignalWaiter {
    static func waitForTermination() async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let queue = DispatchQueue(label: "poolplay.signals")
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = OnceFlag()
            var sources: [DispatchSourceSignal] = []
            for number in [SIGINT, SIGTERM] {
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler {
                    if once.fire() { continuation.resume() }
                }
                source.resume()
                sources.append(source)
            }
            SignalSources.keep(sources)
        }
    }
}

/// Keeps signal sources alive for the life of the process.
enum SignalSources {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    // Written once from `waitForTermination` before any signal can arrive; never read concurrently.
    static func keep(_ new: [DispatchSourceSignal]) { sources = new }
}

/// A flag that fires once.
final class OnceFlag: Sendable {
    private let fired = Mutex(false)
    func fire() -> Bool {
        fired.withLock { value in
            if value { return false }
            value = true
            return true
        }
    }
}

extension PlaygroundApp {
    /// `200ms`, `1.5s`.
    public static func parseDuration(_ text: String) -> Duration? { DurationText.parse(text) }

    /// `poolplay lessons`.
    public static func listLessons(directory: String?) -> Int32 {
        var controller = LessonController()
        controller.loadIfNeeded(directory: directory ?? findLessonsDirectory(environment: ProcessInfo.processInfo.environment))
        if let error = controller.loadError {
            FileHandle.standardError.write(Data("poolplay: \(error)\n".utf8))
            return 1
        }
        let output = StandardOutput()
        for lesson in controller.lessons { output.write("\(lesson.number). \(lesson.title) — \(lesson.summary)\n") }
        return 0
    }
}
