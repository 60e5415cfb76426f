import LineEditing
import MockServer
import PoolScript

@testable import Playground
@testable import PythonModels

/// A session wired to a real mock endpoint on 127.0.0.1, with output captured.
final class PlaygroundHarness {
    let server: MockServer
    let output = CapturedOutput()
    let session: Session

    private init(server: MockServer, options: Session.Options) {
        self.server = server
        var environment = ["HOME": "/nonexistent"]
        environment = PlaygroundApp.presetEnvironment(environment, server: server)
        self.session = Session(environment: environment, server: server, options: options, output: output)
    }

    static func start(latency: Duration = .milliseconds(20), options: Session.Options = Session.Options()) async throws
        -> PlaygroundHarness
    {
        let server = try await MockServer.start(
            host: "127.0.0.1", port: 0, configuration: MockServerConfiguration(latency: latency))
        return PlaygroundHarness(server: server, options: options)
    }

    /// Feeds lines as piped input would.
    func pipe(_ text: String) async {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        await session.runREPL(reader: ScriptedLineReader(lines))
    }

    func stop() async throws {
        await session.shutdown()
        try await server.shutdown()
    }
}
