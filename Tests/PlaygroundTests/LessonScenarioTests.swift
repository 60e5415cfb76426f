import Foundation
import Testing

@testable import Playground

/// A lesson can name one of the mock's built-in scenarios in its `server:` front matter; it runs while the lesson
/// does and is dropped when the lesson is left. An unknown name is a load error at its line.
@Suite struct LessonScenarioTests {
    static func folder(scenario: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
            ---
            id: outage
            title: An outage
            summary: The mock runs a scenario while this lesson runs.
            order: 40
            server:
              scenario: \(scenario)
            ---

            ## Look at the server
            The mock is in a brownout now.

            """.write(to: folder.appendingPathComponent("40-outage.md"), atomically: true, encoding: .utf8)
        return folder.path
    }

    @Test func theScenarioRunsWhileTheLessonDoes() async throws {
        var options = Session.Options()
        options.lessonsDirectory = try Self.folder(scenario: "brownout")
        let harness = try await PlaygroundHarness.start(options: options)
        await harness.pipe("%lesson outage\n")
        #expect(harness.server.scenario?.name == "brownout")
        await harness.pipe("%lesson off\n")
        #expect(harness.server.scenario == nil)
        try await harness.stop()
    }

    @Test func anUnknownScenarioIsReportedAtItsLine() async throws {
        var options = Session.Options()
        options.lessonsDirectory = try Self.folder(scenario: "hurricane")
        let harness = try await PlaygroundHarness.start(options: options)
        await harness.pipe("%lessons\n")
        let errors = harness.output.stderr
        try await harness.stop()
        #expect(errors.contains("40-outage.md:7: server: unknown scenario 'hurricane'"))
    }
}
