import ArgumentParser
import Playground

/// `poolplay lessons`: the guided lessons, listed.
struct ListLessons: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lessons", abstract: "List the guided lessons.")
    @Option(help: "Folder of lesson files over the built-in ones (also POOLPLAY_LESSONS).") var lessons: String?

    func run() async throws {
        let status = PlaygroundApp.listLessons(directory: lessons)
        if status != 0 { throw ExitCode(status) }
    }
}
