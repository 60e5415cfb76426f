import MockServer
import Testing

@testable import Playground

/// `%server load FILE|NAME`: loads a scenario into the session's mock, or says why not and changes nothing.
@Suite struct ServerLoadMagicTests {
    @Test func loadsABuiltInAndShowsItsPhaseRefusesAMissingFile() async throws {
        var options = Session.Options()
        options.showPanels = false
        let harness = try await PlaygroundHarness.start(latency: .milliseconds(5), options: options)
        await harness.pipe("%server load /nonexistent/poolplay.yaml\n%server load rate-limited\n%server")
        try await harness.stop()
        let output = harness.output
        #expect(output.stderr.contains("ScenarioError: /nonexistent/poolplay.yaml: cannot read the file"), "\(output.stderr)")
        #expect(output.stdout.contains("scenario rate-limited loaded: "), "\(output.stdout)")
        #expect(output.stdout.contains("scenario rate-limited: phase 'tier-1' (at 0ms): rpm=500 tpm=30000"), "\(output.stdout)")
        #expect(output.stdout.contains("  scenario rate-limited, phase tier-1"), "\(output.stdout)")
        #expect(output.stdout.contains("rpm=500 tpm=30000"), "\(output.stdout)")
    }
}
