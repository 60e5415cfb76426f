import ArgumentParser
import Playground

/// `poolplay`: the playground, and its subcommands (one file each).
@main
struct PoolPlayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poolplay",
        abstract: "A playground for HTTP connection pools of the OpenAI Python SDK (httpx / httpcore).",
        version: PlaygroundApp.versionDescription,
        subcommands: [
            Play.self,
            Run.self,
            Serve.self,
            ListLessons.self,
            StartLesson.self,
            Simulate.self,
            // A new subcommand goes here, in its own file.
        ],
        defaultSubcommand: Play.self)
}
