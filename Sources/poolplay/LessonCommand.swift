import ArgumentParser
import Playground

/// `poolplay lesson N [STEP]`: the playground, started straight into lesson N (at STEP, replaying the steps before).
struct StartLesson: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson", abstract: "Start the playground in lesson N (a number or an id), optionally at step STEP.")
    @Argument(help: "The lesson: its number (1) or id (limits).") var lesson: String
    @Argument(help: "The step to start at, counting from 1.") var step: Int?
    @OptionGroup var common: CommonOptions

    func run() async throws {
        var options = try common.launchOptions()
        options.startLesson = [lesson] + (step.map { [String($0)] } ?? [])
        let status = await PlaygroundApp.interactive(options)
        if status != 0 { throw ExitCode(status) }
    }
}
