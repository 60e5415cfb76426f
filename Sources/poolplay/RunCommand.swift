import ArgumentParser
import Playground

/// `poolplay run FILE`: a Python file, run as `python FILE` would.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a Python file as `python FILE` would (top-level await allowed).")
    @Argument(help: "The file to run.") var file: String
    @Argument(parsing: .captureForPassthrough, help: "Arguments for the program (its `sys.argv[1:]`).")
    var arguments: [String] = []
    @Flag(help: "Print the pool panel to stderr when the program ends.") var panels = false
    @Flag(help: "Print one JSON object per top-level statement (line, source, stdout, error, pools); see the README.")
    var json = false
    @OptionGroup var common: CommonOptions

    func validate() throws {
        if json && panels { throw ValidationError("--json and --panels do not go together") }
    }

    func run() async throws {
        let launch = try common.launchOptions()
        let status =
            json
            ? await PlaygroundApp.runJSON(file: file, launch) : await PlaygroundApp.run(file: file, arguments: arguments, panels: panels, launch)
        if status != 0 { throw ExitCode(status) }
    }
}
