import ArgumentParser
import Foundation
import Playground

/// `poolplay lessons`: the guided lessons, listed; `lessons lint` and `lessons verify` for lesson authors and CI.
struct ListLessons: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons", abstract: "List the guided lessons (lint and verify check them).",
        subcommands: [List.self, LintLessons.self, VerifyLessons.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the guided lessons.")
        @Option(help: "Folder of lesson files over the built-in ones (also POOLPLAY_LESSONS).") var lessons: String?
        @Option(help: "Language of the lessons: en or zh-Hans (default: from the locale).") var lang: String?

        func run() async throws {
            let status = PlaygroundApp.listLessons(directory: lessons, language: lang)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
