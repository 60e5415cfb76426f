import ArgumentParser
import Playground

/// `poolplay`: the playground, and its subcommands.
@main
struct PoolPlayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poolplay",
        abstract: "A playground for HTTP connection pools of the OpenAI Python SDK (httpx / httpcore).",
        version: PlaygroundApp.version,
        subcommands: [Play.self, Run.self, Serve.self, ListLessons.self],
        defaultSubcommand: Play.self)
}

struct CommonOptions: ParsableArguments {
    @Option(help: "Latency of the built-in mock endpoint, e.g. 200ms or 1.5s.")
    var latency: String = "200ms"

    @Flag(help: "No colour, even on a terminal.")
    var noColor = false

    @Option(help: "Folder of lesson files (default: the Lessons/ folder of this checkout).")
    var lessons: String?

    func launchOptions() throws -> PlaygroundApp.LaunchOptions {
        var options = PlaygroundApp.LaunchOptions()
        guard let latency = PlaygroundApp.parseDuration(latency) else {
            throw ValidationError("--latency: expected a duration such as 200ms or 1.5s, got '\(latency)'")
        }
        options.latency = latency
        options.noColor = noColor
        options.lessonsDirectory = lessons
        return options
    }
}

struct Play: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "play", abstract: "Start the interactive playground (default).")
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let status = await PlaygroundApp.interactive(try common.launchOptions())
        if status != 0 { throw ExitCode(status) }
    }
}

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a Python file as `python FILE` would (top-level await allowed).")
    @Argument(help: "The file to run.") var file: String
    @Flag(help: "Print the pool panel to stderr when the program ends.") var panels = false
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let status = await PlaygroundApp.run(file: file, panels: panels, try common.launchOptions())
        if status != 0 { throw ExitCode(status) }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the mock OpenAI endpoint alone, for the real SDK (OPENAI_BASE_URL=…).",
        discussion: "Knobs (also live at the playground prompt with %server KNOB=VALUE):\n"
            + PlaygroundApp.serverKnobHelp)
    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "Port to bind (0: a free port).") var port = 8000
    @Option(help: "Latency of each response, e.g. 200ms.") var latency = "200ms"
    @Flag(help: "Allow binding an address other than loopback.") var allowRemote = false
    @Flag(help: "Don't log one line per request.") var quiet = false
    @Argument(help: "Knobs as KNOB=VALUE, e.g. idle_timeout=2s fault=503@0.2 rps=5.") var knobs: [String] = []

    func run() async throws {
        guard let latency = PlaygroundApp.parseDuration(latency) else {
            throw ValidationError("--latency: expected a duration such as 200ms")
        }
        try await PlaygroundApp.serve(
            host: host, port: port, latency: latency, knobs: knobs, log: !quiet, allowRemote: allowRemote)
    }
}

struct ListLessons: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lessons", abstract: "List the guided lessons.")
    @Option(help: "Folder of lesson files.") var lessons: String?

    func run() async throws {
        let status = PlaygroundApp.listLessons(directory: lessons)
        if status != 0 { throw ExitCode(status) }
    }
}
