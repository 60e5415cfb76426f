import Foundation
import Testing

/// Issue 9 §1: a `poolplay` copied out of `.build/` and started in another folder has every lesson, and
/// `poolplay lesson N` starts straight into lesson N.
@Suite struct BundledLessonsBinaryTests {
    /// A scratch folder holding a copy of the binary and nothing else.
    ///
    /// The copy is made by `cp`, not in this process: a child another test forks while this process holds the copy
    /// open for writing would keep it open, and running the copy would then fail with "Text file busy".
    static func copiedBinary() async throws -> (folder: URL, binary: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let binary = folder.appendingPathComponent("poolplay")
        let copy = try await ChildProcess.run(
            URL(fileURLWithPath: "/bin/cp"), arguments: [try PoolplayBinary.path, binary.path], environment: nil,
            timeout: .seconds(60))
        guard copy.status == 0 else { throw PoolplayBinary.Failure(description: "cp failed: \(copy.stderr)") }
        return (folder, binary)
    }

    static func environment(_ folder: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["POOLPLAY_LESSONS"] = nil
        environment["NO_COLOR"] = "1"
        environment["XDG_STATE_HOME"] = folder.appendingPathComponent("state").path
        return environment
    }

    @Test func aCopiedBinaryListsEveryLessonFromAnotherFolder() async throws {
        let (folder, binary) = try await Self.copiedBinary()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await ChildProcess.run(
            binary, arguments: ["lessons"], environment: Self.environment(folder), currentDirectory: folder,
            timeout: .seconds(60))
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count >= 12)
        #expect(lines.first?.hasPrefix("1. Connection limits go on the HTTP client") == true)
        #expect(lines.enumerated().allSatisfy { $0.element.hasPrefix("\($0.offset + 1). ") })
        #expect(result.stdout.contains("5. Retries go through the pool too"))
        let chinese = try await ChildProcess.run(
            binary, arguments: ["lessons", "--lang", "zh-Hans"], environment: Self.environment(folder),
            currentDirectory: folder, timeout: .seconds(60))
        let chineseLines = chinese.stdout.split(separator: "\n")
        #expect(chineseLines.count == lines.count)
        #expect(chineseLines.first?.hasPrefix("1. 连接数限制要设在 HTTP 客户端上") == true)
    }

    @Test func aBrokenOverlayFileIsReportedAndTheOthersStillList() async throws {
        let (folder, binary) = try await Self.copiedBinary()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lessons = folder.appendingPathComponent("extra")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try "---\nid: broken\ntitle: B\nsummary: S\n---\n## Step\ncheck: x\n".write(
            to: lessons.appendingPathComponent("09-broken.md"), atomically: true, encoding: .utf8)
        var environment = Self.environment(folder)
        environment["POOLPLAY_LESSONS"] = lessons.path
        let result = try await ChildProcess.run(
            binary, arguments: ["lessons"], environment: environment, currentDirectory: folder, timeout: .seconds(60))
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(lessons.path)/09-broken.md:7: "))
        #expect(result.stdout.contains("1. Connection limits go on the HTTP client"))
    }

    @Test func lessonSubcommandStartsInTheLesson() async throws {
        let (folder, binary) = try await Self.copiedBinary()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await ChildProcess.run(
            binary, arguments: ["lesson", "1", "2"], environment: Self.environment(folder), currentDirectory: folder,
            input: "%solution\nlimits\n", timeout: .seconds(60))
        #expect(result.status == 0)
        #expect(result.stdout.contains("↻ step 1/4 replayed · Describe the limits"))
        #expect(result.stdout.contains("── Lesson 1 · Step 2/4 · Put the limits on an HTTP client ──"))
        // Piped, nothing can be pre-typed: the solution is shown, and %solution run would run it.
        #expect(result.stdout.contains("Solution:\n    http_client = httpx.AsyncClient(limits=limits)\n%solution run runs it as if you typed it.\n"))
        #expect(result.stdout.hasSuffix("Limits(max_connections=10, max_keepalive_connections=5, keepalive_expiry=5.0)\n"))
    }
}
