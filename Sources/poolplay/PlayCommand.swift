import ArgumentParser
import Playground

/// `poolplay play` (the default): the interactive playground.
struct Play: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "play", abstract: "Start the interactive playground (default).")
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let status = await PlaygroundApp.interactive(try common.launchOptions())
        if status != 0 { throw ExitCode(status) }
    }
}
