import ArgumentParser
import Foundation
import Playground

/// `poolplay lessons lint [DIR]`: every problem of the lesson files, one `file:line: message` line each.
struct LintLessons: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Report every problem of the lesson files (default: the built-in ones), each at file:line.")
    @Argument(help: "A folder of lesson files, e.g. Lessons/.") var directory: String?

    func run() async throws {
        let problems = PlaygroundApp.lintLessons(directory: directory)
        for problem in problems { print(problem) }
        print(problems.isEmpty ? "no problems" : "\(problems.count) problem\(problems.count == 1 ? "" : "s")")
        if !problems.isEmpty { throw ExitCode(1) }
    }
}

/// `poolplay lessons verify`: replays every lesson through the real runner and checks every check, wrong: and expect:.
struct VerifyLessons: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Replay every lesson: each check false before its solution and true after, every wrong: false, every expect: true.")
    @Option(help: "Language of the lessons: en or zh-Hans.") var lang = "en"
    @Option(help: "Multiply the default mock latency (200ms) by this (knobs a lesson sets are not scaled).")
    var latencyScale: Double = 1
    @Option(help: "Folder of lesson files over the built-in ones.") var lessons: String?
    @Flag(
        inversion: .prefixedNo,
        help: "Also start each lesson at each checked step, as %lesson N S does (replaying the steps before it), and check that step again.")
    var resume = true
    @Argument(help: "Lessons to verify (numbers or ids); default: all.") var only: [String] = []

    func run() async throws {
        let (_, failed) = await PlaygroundApp.verifyLessons(
            language: lang, latencyScale: latencyScale, directory: lessons, only: only, resume: resume
        ) { text in FileHandle.standardOutput.write(Data(text.utf8)) }
        if failed > 0 { throw ExitCode(1) }
    }
}
