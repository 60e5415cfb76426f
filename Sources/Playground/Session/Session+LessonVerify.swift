import Foundation
import Lessons
import MockServer
import PoolScript

/// `poolplay lessons verify` and `poolplay lessons lint`: the tools that keep every lesson honest.
///
/// verify replays every lesson through the real runner in one session (so each lesson also runs after the others):
/// at every checked step, the check is false when the step begins, every `wrong:` runs without raising and leaves it
/// false, and after the solution the check and every `expect:` are true.
extension Session {
    /// One failed assertion: where, and what.
    struct VerifyFailure {
        var location: String
        var message: String
    }

    /// Verifies `lesson` in this session; returns how many assertions held, and the failures.
    func verify(_ lesson: Lesson) async -> (passed: Int, failures: [VerifyFailure]) {
        var passed = 0
        var failures: [VerifyFailure] = []
        await startLesson(lesson, at: 0)
        defer { scriptOutputGate.muted = false }
        for (index, step) in lesson.steps.enumerated() {
            defer { show(lessons.perform { $0.next() }) }
            guard let check = step.check, let solution = step.solution else { continue }
            let name = "step \(index + 1) (\(step.title))"
            func fail(_ line: Int, _ message: String) {
                failures.append(VerifyFailure(location: "\(lesson.sourcePath):\(line)", message: "\(name): \(message)"))
            }
            beginLessonStep()
            if await truthy(check) == true {
                fail(step.lines.check, "the check passes before the step's solution has run")
            } else {
                passed += 1
            }
            for (number, wrong) in step.wrongs.enumerated() {
                let line = step.lines.wrongs.indices.contains(number) ? step.lines.wrongs[number] : step.line
                let saved = interpreter.globals
                beginLessonStep()
                _ = context.markSpans()
                scriptOutputGate.muted = true
                let result = await interpreter.run(wrong, fileName: "<wrong>", mode: .file)
                scriptOutputGate.muted = false
                recordLessonStatement()
                switch result {
                case .ok:
                    if await truthy(check) == true {
                        fail(line, "the check passes after this wrong: block")
                    } else {
                        passed += 1
                    }
                case .error(let error):
                    fail(line, "this wrong: block raises \(error.type.name): \(error.message)")
                case .syntaxError(let diagnostic):
                    fail(line, "this wrong: block does not parse: \(diagnostic)")
                }
                interpreter.globals = saved
            }
            beginLessonStep()
            scriptOutputGate.muted = true
            await runPython(solution)
            scriptOutputGate.muted = false
            if await truthy(check) == true {
                passed += 1
            } else {
                fail(step.lines.solution, "the check is false after the solution (\(check))")
            }
            for (number, expect) in step.expects.enumerated() {
                let line = step.lines.expects.indices.contains(number) ? step.lines.expects[number] : step.line
                if await truthy(expect) == true {
                    passed += 1
                } else {
                    let observed = await describeExpectation(expect)
                    fail(line, "expect: \(expect) is false\(observed)")
                }
            }
        }
        await leaveLessonScope(announce: false)
        return (passed, failures)
    }

    /// The resume pass: for each checked step S after the first, starts `lesson` at S as `%lesson N S` does (which
    /// replays the solutions of the steps before it), then asserts that the replay reached S, that S's check is false
    /// before its solution and that it is true after.
    func verifyResuming(_ lesson: Lesson) async -> (passed: Int, failures: [VerifyFailure]) {
        var passed = 0
        var failures: [VerifyFailure] = []
        defer { scriptOutputGate.muted = false }
        for (index, step) in lesson.steps.enumerated() where index > 0 {
            guard let check = step.check, let solution = step.solution else { continue }
            let name = "resuming at step \(index + 1) (\(step.title))"
            func fail(_ line: Int, _ message: String) {
                failures.append(VerifyFailure(location: "\(lesson.sourcePath):\(line)", message: "\(name): \(message)"))
            }
            await enterLessonScope(lesson)
            let reached = await replay(lesson, before: index)
            guard reached == index else {
                let stopped = lesson.steps[reached]
                fail(stopped.lines.check, "the replay stopped at step \(reached + 1): its check is false after its solution")
                await leaveLessonScope(announce: false)
                continue
            }
            show(lessons.start(lesson, at: reached))
            beginLessonStep()
            if await truthy(check) == true {
                fail(step.lines.check, "the check passes before the step's solution has run")
            } else {
                passed += 1
            }
            beginLessonStep()
            scriptOutputGate.muted = true
            await runPython(solution)
            scriptOutputGate.muted = false
            if await truthy(check) == true {
                passed += 1
            } else {
                fail(step.lines.solution, "the check is false after the solution (\(check))")
            }
            await leaveLessonScope(announce: false)
        }
        return (passed, failures)
    }

    private func truthy(_ expression: String) async -> Bool? {
        do {
            return try await evaluateLessonExpression(expression).isTruthy
        } catch {
            return nil
        }
    }

    /// For a failed `a == b` expectation: what `a` was.
    private func describeExpectation(_ expression: String) async -> String {
        guard let range = expression.range(of: "==") else { return "" }
        let left = String(expression[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
        guard let value = try? await evaluateLessonExpression(left) else { return "" }
        return " (\(left) is \(value.repr()))"
    }
}

extension PlaygroundApp {
    /// `poolplay lessons verify`: replays every lesson (or the ones `only` names) through the real runner in one
    /// session; prints one line per failure and `N passed, M failed`.
    ///
    /// - Parameters:
    ///   - language: `en` or `zh-Hans`.
    ///   - latencyScale: multiplies the session's default mock latency (200 ms); knobs a lesson sets in `server:`
    ///     are not scaled, so a lesson whose numbers depend on timing states its latency there.
    ///   - directory: a folder of lesson files over the bundled ones.
    ///   - only: lesson numbers or ids; empty: all.
    ///   - resume: also the resume pass (``Session/verifyResuming(_:)``): each checked step again, started as
    ///     `%lesson N S` starts it, after a replay of the solutions before it.
    ///   - write: where the report goes.
    /// - Returns: the counts.
    public static func verifyLessons(
        language: String = "en", latencyScale: Double = 1, directory: String? = nil, only: [String] = [],
        resume: Bool = false, write: (String) -> Void
    ) async -> (passed: Int, failed: Int) {
        await VerifyGate.shared.acquire()
        let result = await verifyLessonsAlone(
            language: language, latencyScale: latencyScale, directory: directory, only: only, resume: resume,
            write: write)
        await VerifyGate.shared.release()
        return result
    }

    private static func verifyLessonsAlone(
        language: String, latencyScale: Double, directory: String?, only: [String], resume: Bool,
        write: (String) -> Void
    ) async -> (passed: Int, failed: Int) {
        let latency = Duration.milliseconds(200) * latencyScale
        let server: MockServer
        do {
            server = try await MockServer.start(
                host: "127.0.0.1", port: 0, configuration: MockServerConfiguration(latency: latency))
        } catch {
            write("poolplay: could not start the mock endpoint: \(error)\n")
            return (0, 1)
        }
        var options = Session.Options()
        options.lessonsDirectory = directory
        options.showPanels = false
        let environment = presetEnvironment(["HOME": "/nonexistent"], server: server)
        let session = Session(environment: environment, server: server, options: options, output: DiscardedOutput())
        session.lessons.language = language
        session.loadLessons()
        var passed = 0
        var failed = 0
        for problem in session.lessons.loadProblems {
            write("\(problem)\n")
            failed += 1
        }
        let lessons = session.lessons.lessons.filter { lesson in
            only.isEmpty || only.contains(lesson.id) || only.contains(String(lesson.number))
        }
        for lesson in lessons {
            let (ok, failures) = await session.verify(lesson)
            passed += ok
            failed += failures.count
            for failure in failures { write("\(failure.location): \(failure.message)\n") }
        }
        if resume {
            for lesson in lessons {
                let (ok, failures) = await session.verifyResuming(lesson)
                passed += ok
                failed += failures.count
                for failure in failures { write("\(failure.location): \(failure.message)\n") }
            }
        }
        await session.shutdown()
        try? await server.shutdown()
        write("\(passed) passed, \(failed) failed\n")
        return (passed, failed)
    }

    /// `poolplay lessons lint [DIR]`: every problem of the lesson files in `directory` (default: the bundled ones),
    /// one line each, `file:line: message`.
    public static func lintLessons(directory: String?) -> [String] {
        let files: [BundledLessons.File]
        let prefix: String
        if let directory {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                return ["\(directory): cannot list the lessons directory"]
            }
            prefix = directory.hasSuffix("/") ? directory : directory + "/"
            files = names.filter(LessonLoader.isLessonFileName).compactMap { name in
                (try? String(contentsOfFile: prefix + name, encoding: .utf8)).map { BundledLessons.File(name: name, text: $0) }
            }
        } else {
            files = BundledLessons.files
            prefix = "Lessons/"
        }
        return lessonLint.lint(files: files, prefix: prefix).map(\.description)
    }

    /// The linter with PoolScript's parser and the mock's knob parser.
    static var lessonLint: LessonLint {
        LessonLint(
            expression: { expression in
                inputStatus("(" + expression + ")") == .complete ? nil : "not a Python expression"
            },
            code: { code in
                inputStatus(code + "\n") == .complete ? nil : "not complete Python code"
            },
            knob: { knob in LessonController.serverKeyProblem(knob) })
    }
}

/// One verify run at a time in a process. Lessons check wall times (a burst through a pool of 5 takes
/// ceil(20 / 5) × latency); two replays sharing a two-core machine would stretch each other's. Runs queue in
/// arrival order.
actor VerifyGate {
    static let shared = VerifyGate()
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

/// Output nobody reads (verify runs a session quietly).
final class DiscardedOutput: SessionOutput {
    func write(_ text: String) {}
    func writeError(_ text: String) {}
}

extension PlaygroundApp {
    /// `poolplay lessons [--lang L]`: one line per lesson, in `language` (default: from the locale).
    public static func listLessons(directory: String?, language: String?) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        var controller = LessonController()
        controller.language = language.flatMap(LessonController.normalisedLanguage)
            ?? LessonController.language(environment: environment)
        let notices = controller.loadIfNeeded(
            directory: directory ?? lessonsOverlay(environment: environment),
            progressFile: progressFile(environment: environment))
        for notice in notices { FileHandle.standardError.write(Data("poolplay: \(notice)\n".utf8)) }
        if let error = controller.loadError {
            FileHandle.standardError.write(Data("poolplay: \(error)\n".utf8))
            return 1
        }
        let output = StandardOutput()
        for line in controller.listing(marksFirst: false) { output.write(line + "\n") }
        return 0
    }
}
