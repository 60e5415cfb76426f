import ArgumentParser
import Playground

/// The options `play` and `run` share: the built-in mock's latency, colour, and where the lessons live.
struct CommonOptions: ParsableArguments {
    @Option(help: "Latency of the built-in mock endpoint, e.g. 200ms or 1.5s.")
    var latency: String = "200ms"

    @Flag(help: "No colour, even on a terminal.")
    var noColor = false

    @Option(help: "Folder of lesson files that add lessons or replace the built-in ones by id (also POOLPLAY_LESSONS).")
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
