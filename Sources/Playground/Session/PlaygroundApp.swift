import Foundation
import LineEditing
import MockServer
import TerminalUI
import TrafficModels

/// The entry points the `poolplay` command calls.
public enum PlaygroundApp {
    public static let version = "0.1.0"

    /// `poolplay --version`: PoolPlay's version and the library versions its models follow.
    public static let versionDescription = """
        PoolPlay \(version)
        models: httpx 0.28.1 (httpcore 1.0.9), httpx2 2.16.2 (httpcore2 2.16.2), openai 3.57.0 \
        (openai 2.54.0 for its differences); Python 3.11 semantics
        """

    /// Options shared by the interactive session and `run`.
    public struct LaunchOptions: Sendable {
        public var latency: Duration = .milliseconds(200)
        public var noColor = false
        /// A folder of lesson files over the bundled ones (`--lessons`); nil: `POOLPLAY_LESSONS`, if set.
        public var lessonsDirectory: String?
        /// The lessons' language (`--lang`: `en`, `zh-Hans`); nil: the locale decides.
        public var language: String?
        /// `%lesson` arguments to run before the prompt (`poolplay lesson N [STEP]`).
        public var startLesson: [String]?
        public var environment: [String: String] = ProcessInfo.processInfo.environment

        public init() {}
    }

    /// `poolplay`: the interactive playground (libedit on a terminal, plain lines otherwise).
    public static func interactive(_ launch: LaunchOptions) async -> Int32 {
        let isTerminal = TerminalCheck.stdinAndStdoutAreTerminals
        let output: any SessionOutput = isTerminal ? TerminalOutput() : StandardOutput()
        guard let (server, environment) = await startServer(launch, output: output) else { return 1 }
        var options = Session.Options()
        options.color = TerminalCapabilities.colorEnabled(
            environment: launch.environment, stdoutIsTTY: isatty(1) == 1, noColorFlag: launch.noColor)
        options.lessonsDirectory = launch.lessonsDirectory ?? lessonsOverlay(environment: launch.environment)
        options.catchInterrupts = isTerminal
        options.isTerminal = isTerminal
        options.followTerminalWidth = isTerminal
        options.progressFile = progressFile(environment: launch.environment)
        options.language = launch.language
        if isTerminal { InterruptSignal.install() }
        let session = Session(environment: environment, server: server, options: options, output: output)
        if isTerminal {
            session.say(banner(server: server, environment: environment, launch: launch))
        }
        if let startLesson = launch.startLesson {
            await session.execute((["%lesson"] + startLesson).joined(separator: " "))
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
        return session.exitStatus
    }

    /// `poolplay run FILE`: runs a file as `python FILE` would.
    public static func run(
        file path: String, arguments: [String] = [], panels: Bool, _ launch: LaunchOptions
    ) async -> Int32 {
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
        options.language = launch.language
        let session = Session(environment: environment, server: server, options: options, output: output)
        let status = await session.runFile(
            source: String(decoding: data, as: UTF8.self), path: path, arguments: arguments)
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
        let latency = MockServerConfiguration.format(launch.latency)
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

    /// The folder `POOLPLAY_LESSONS` names, for lesson authors; the lessons themselves are compiled in.
    static func lessonsOverlay(environment: [String: String]) -> String? {
        guard let fromEnv = environment["POOLPLAY_LESSONS"], !fromEnv.isEmpty else { return nil }
        return fromEnv
    }

    /// The knobs `poolplay serve` and `%server` accept.
    public static var serverKnobHelp: String { MockServerConfiguration.knobHelp }

    /// `poolplay serve`: the mock endpoint alone, until Ctrl-C or SIGTERM, logging one line per request.
    /// `scenario` (a YAML file or a built-in name) is loaded once the server runs, and each of its phase
    /// changes is logged; `list` prints the built-in scenarios instead of serving.
    public static func serve(
        host: String, port: Int, latency: Duration, knobs: [String], log: Bool, allowRemote: Bool,
        scenario scenarioName: String? = nil
    ) async throws {
        if scenarioName == "list" {
            StandardOutput().write("Built-in scenarios (poolplay serve --scenario NAME):\n" + Scenario.builtInList + "\n")
            return
        }
        var scenario: Scenario?
        if let scenarioName {
            do {
                scenario = try Scenario.load(scenarioName)
            } catch {
                throw ServeError("\(error)")
            }
        }
        let loopback = host == "127.0.0.1" || host == "localhost" || host == "::1"
        let output = StandardOutput()
        if !loopback {
            guard allowRemote else {
                throw ServeError("refusing to bind \(host): pass --allow-remote to serve beyond this machine")
            }
            output.writeError("warning: serving on \(host), reachable from other machines\n")
        }
        var configuration = MockServerConfiguration(latency: latency)
        for knob in knobs {
            let parts = knob.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ServeError("expected KNOB=VALUE, got '\(knob)'") }
            do {
                try configuration.apply(parts[0], parts[1])
            } catch {
                throw ServeError("\(error)")
            }
        }
        let server = try await MockServer.start(host: host, port: port, configuration: configuration)
        output.write(
            "PoolPlay mock OpenAI endpoint on \(server.baseURL)\n"
                + "export OPENAI_BASE_URL=\(server.baseURL)\n"
                + "export OPENAI_API_KEY=\(configuration.apiKey ?? placeholderKey)\n"
                + "knobs: \(configuration.describe())\n"
                + "Ledger: GET http://\(host):\(server.port)/_poolplay/ledger · Ctrl-C stops\n")
        if let scenario { server.loadScenario(scenario) }
        let phaseLogger = Task {
            guard scenario != nil else { return }
            while !Task.isCancelled {
                for line in server.advanceScenario() { output.write(line + "\n") }
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
        let logger = Task {
            guard log else { return }
            for await record in server.requestLog() {
                output.write(RequestLogLine.format(record) + "\n")
            }
        }
        await SignalWaiter.waitForTermination()
        phaseLogger.cancel()
        try await server.shutdown()  // ends the request log, so the logger prints every line, then stops
        await logger.value
        output.write("stopped\n")
    }

    public struct ServeError: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}

/// Waits for SIGINT or SIGTERM, so `serve` shuts the mock down cleanly and exits 0.
///
/// The signals are ignored at the process level and delivered to Dispatch signal sources instead (signalfd-style),
/// so nothing polls: an idle `serve` wakes no thread, and none preempts the mock's loops under load.
enum SignalWaiter {
    static func waitForTermination() async {
        let (signals, continuation) = AsyncStream.makeStream(of: Int32.self)
        let numbers = [SIGINT, SIGTERM]
        let sources = numbers.map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        for await _ in signals { break }
        for source in sources { source.cancel() }
        // A second Ctrl-C while the mock shuts down ends the process, as usual.
        for number in numbers { signal(number, SIG_DFL) }
    }
}

extension PlaygroundApp {
    /// `en` or `zh-Hans` for a `--lang` value (`zh_CN.UTF-8`, `zh`, `en_US` are accepted too); nil when unknown.
    public static func lessonLanguage(_ value: String) -> String? { LessonController.normalisedLanguage(value) }

    /// `200ms`, `1.5s`.
    public static func parseDuration(_ text: String) -> Duration? { MockServerConfiguration.parseDuration(text) }

    /// Lesson progress lives next to the history: `$XDG_STATE_HOME/poolplay/progress.json`.
    static func progressFile(environment: [String: String]) -> String {
        URL(fileURLWithPath: HistoryLocation.defaultFile(environment: environment)).deletingLastPathComponent()
            .appendingPathComponent("progress.json").path
    }
}

/// One line per request for `poolplay serve`: `  12.345s  conn 3  GET /v1/models  200  201ms  retry 0`.
enum RequestLogLine {
    static func format(_ record: RequestRecord) -> String {
        let elapsed = record.endedAt.map { String(format: "%4.0fms", ($0 - record.startedAt) * 1000) } ?? "    -"
        let retry = record.retryCount.map { "  retry \($0)" } ?? ""
        return String(format: "%9.3fs", record.startedAt)
            + "  conn \(record.connectionID)  \(record.method) \(record.path)  \(record.status)  \(elapsed)\(retry)"
    }
}
