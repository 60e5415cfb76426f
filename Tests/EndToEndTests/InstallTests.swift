import Foundation
import Testing

/// `make install` puts the binary and its completions under a prefix; the installed binary, started in another
/// folder, has every lesson inside it.
@Suite struct InstallTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/make")))
    func installedBinaryRunsALessonFromAnotherFolder() async throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-prefix-\(UUID().uuidString)")
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-cwd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: prefix)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        let make = try await ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/make"),
            arguments: [
                "-C", PoolplayBinary.packageRoot.path, "--no-print-directory", "install-files",
                "BIN=\(try PoolplayBinary.path)", "PREFIX=\(prefix.path)",
            ],
            environment: ProcessInfo.processInfo.environment, input: "", timeout: .seconds(60))
        #expect(make.status == 0, "\(make.stderr)")
        let installed = prefix.appendingPathComponent("bin/poolplay").path
        #expect(FileManager.default.isExecutableFile(atPath: installed))
        for completion in [
            "share/bash-completion/completions/poolplay", "share/zsh/site-functions/_poolplay",
            "share/fish/vendor_completions.d/poolplay.fish",
        ] {
            let text = try String(contentsOf: prefix.appendingPathComponent(completion), encoding: .utf8)
            #expect(text.contains("simulate") && text.contains("lessons"), "\(completion)")
        }
        let version = try await ChildProcess.run(
            URL(fileURLWithPath: installed), arguments: ["--version"], input: "", timeout: .seconds(30))
        #expect(version.stdout.contains("httpx 0.28.1 (httpcore 1.0.9), httpx2 2.16.2 (httpcore2 2.16.2), openai 3.57.0"))
        let home = elsewhere.appendingPathComponent("home").path
        let lesson = try await ChildProcess.run(
            URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", "cd '\(elsewhere.path)' && '\(installed)' --latency 10ms"],
            environment: ["PATH": "/usr/bin:/bin", "HOME": home, "NO_COLOR": "1"],
            input: "%lesson 1\n%solution run\n%lessons\n", timeout: .seconds(60))
        #expect(lesson.status == 0)
        #expect(lesson.stdout.contains("Lesson 1 · Step 1/"))
        #expect(lesson.stdout.contains("✓"))
        #expect(!lesson.stderr.contains("no Lessons/ folder"))
    }
}
