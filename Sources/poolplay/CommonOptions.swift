import ArgumentParser
import Playground

/// The options `play`, `run` and `lesson` share: the built-in mock's latency, colour, where the lessons live and
/// their language.
struct CommonOptions: ParsableArguments {
    @Option(help: "Latency of the built-in mock endpoint, e.g. 200ms or 1.5s.")
    var latency: String = "200ms"

    @Flag(help: "No colour, even on a terminal.")
    var noColor = false

    @Option(help: "Folder of lesson files that add lessons or replace the built-in ones by id (also POOLPLAY_LESSONS).")
    var lessons: String?

    @Option(help: "Language of the lessons and their messages: en or zh-Hans (default: from the locale; %lang changes it).")
    var lang: String?

    func launchOptions() throws -> PlaygroundApp.LaunchOptions {
        var options = PlaygroundApp.LaunchOptions()
        guard let latency = PlaygroundApp.parseDuration(latency) else {
            throw ValidationError("--latency: expected a duration such as 200ms or 1.5s, got '\(latency)'")
        }
        options.latency = latency
        options.noColor = noColor
        options.lessonsDirectory = lessons
        if let lang {
            guard let language = PlaygroundApp.lessonLanguage(lang) else {
                throw ValidationError("--lang: expected en or zh-Hans, got '\(lang)'")
            }
            options.language = language
        }
        return options
    }
}
