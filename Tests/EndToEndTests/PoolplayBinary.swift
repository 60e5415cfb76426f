import Foundation

/// Runs the built `poolplay` executable (built next to the test bundle, since this test target depends on it).
enum PoolplayBinary {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The executable's path.
    static var path: String {
        get throws {
            var candidates: [URL] = []
            candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
            candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
            for folder in candidates {
                let url = folder.appendingPathComponent("poolplay")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url.path }
            }
            throw Failure(description: "poolplay executable not found near \(candidates.map(\.path))")
        }
    }

    /// The package root (for the Lessons/ folder).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    typealias Result = ChildProcess.Result

    /// Runs `poolplay arguments…` with `input` on stdin; bounded by `timeout` (the process is killed after it).
    static func run(
        _ arguments: [String], input: String = "", environment extra: [String: String] = [:],
        timeout: Duration = .seconds(60)
    ) async throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment["OPENAI_BASE_URL"] = nil
        environment["OPENAI_API_KEY"] = nil
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { _, new in new }
        return try await ChildProcess.run(
            URL(fileURLWithPath: try path), arguments: arguments, environment: environment, input: input,
            timeout: timeout)
    }
}
