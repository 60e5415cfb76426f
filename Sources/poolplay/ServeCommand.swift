import ArgumentParser
import Playground

/// `poolplay serve`: the mock OpenAI endpoint alone, for the real SDK.
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
    @Option(help: "A scenario: a YAML file or a built-in name (list: show the built-ins).") var scenario: String?
    @Argument(help: "Knobs as KNOB=VALUE, e.g. idle_timeout=2s fault=503@0.2 rps=5.") var knobs: [String] = []

    func run() async throws {
        guard let latency = PlaygroundApp.parseDuration(latency) else {
            throw ValidationError("--latency: expected a duration such as 200ms")
        }
        try await PlaygroundApp.serve(
            host: host, port: port, latency: latency, knobs: knobs, log: !quiet, allowRemote: allowRemote,
            scenario: scenario)
    }
}
