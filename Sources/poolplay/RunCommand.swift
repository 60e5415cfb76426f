import ArgumentParser
import Playground

/// `poolplay run FILE`: a Python file, run as `python FILE` would.
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
