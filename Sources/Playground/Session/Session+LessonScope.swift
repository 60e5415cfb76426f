import Lessons
import MockServer
import PoolScript
import PythonModels
import TrafficModels

/// Entering and leaving a lesson's namespace, and replaying earlier steps when a lesson resumes mid-way.
extension Session {
    /// Starts `lesson` at the 0-based `step` in a fresh namespace: leaves the lesson in progress, sets the sandbox's
    /// names aside, points `OPENAI_BASE_URL` at the mock, applies the lesson's `server:` knobs, then replays the
    /// solutions of the steps before `step` so that the names it needs exist.
    func startLesson(_ lesson: Lesson, at step: Int) async {
        await enterLessonScope(lesson)
        let reached = step > 0 ? await replay(lesson, before: step) : 0
        show(lessons.start(lesson, at: reached))
    }

    /// Sets the sandbox aside for `lesson` (leaving the lesson in progress first).
    func enterLessonScope(_ lesson: Lesson) async {
        await leaveLessonScope(announce: false)
        let globals = interpreter.globals
        var scope = LessonScope(
            lessonID: lesson.id, savedGlobals: globals, savedBaseURL: context.environment["OPENAI_BASE_URL"],
            savedServerConfiguration: nil, poolsBefore: Set(context.pools.map { ObjectIdentifier($0) }))
        interpreter.globals = globals.filter { playgroundBuiltinNames.contains($0.key) }
        if let server {
            context.environment["OPENAI_BASE_URL"] = server.baseURL
            if !lesson.server.isEmpty {
                let before = server.configuration
                var changed = before
                for knob in lesson.server where knob.name != "scenario" {
                    try? changed.apply(knob.name, knob.value)  // validated at load
                }
                let final = changed
                server.updateConfiguration { $0 = final }
                scope.savedServerConfiguration = before
                // `scenario: NAME` loads a built-in scenario on top; its phases count from the lesson's start.
                if let name = lesson.server.last(where: { $0.name == "scenario" })?.value,
                    let scenario = try? Scenario.load(name)
                {
                    server.loadScenario(scenario)
                }
            }
        }
        lessonScope = scope
        let own = globals.keys.filter { !playgroundBuiltinNames.contains($0) }.sorted()
        if !own.isEmpty {
            let shown = own.prefix(5).joined(separator: ", ") + (own.count > 5 ? ", …" : "")
            output.write(lessonText(.namesSetAside, shown) + "\n")
        }
    }

    /// Leaves the lesson's namespace: closes the clients the lesson opened, gives the sandbox its names back, and
    /// restores `OPENAI_BASE_URL` and the mock's knobs. Does nothing outside a lesson.
    func leaveLessonScope(announce: Bool) async {
        guard let scope = lessonScope else { return }
        lessonScope = nil
        var closed = 0
        for pool in context.pools where !scope.poolsBefore.contains(ObjectIdentifier(pool)) {
            await pool.engine.close()
            closed += 1
        }
        let builtins = interpreter.globals.filter { playgroundBuiltinNames.contains($0.key) }
        interpreter.globals = scope.savedGlobals.merging(builtins) { _, current in current }
        if let saved = scope.savedBaseURL {
            context.environment["OPENAI_BASE_URL"] = saved
        } else {
            context.environment.removeValue(forKey: "OPENAI_BASE_URL")
        }
        if let server, let saved = scope.savedServerConfiguration {
            server.unloadScenario()
            server.updateConfiguration { $0 = saved }
        }
        lessons.leave()
        refreshCompletions()
        if announce {
            let left = closed == 0 ? lessonText(.leftLesson) : closed == 1 ? lessonText(.leftLessonOnePool) : lessonText(.leftLessonPools, closed)
            output.write(left + "\n")
        }
    }

    /// Runs the solutions of steps `0..<step` silently, one progress line each; returns the step to start at.
    ///
    /// An exception a solution raises on purpose does not matter: a step succeeds when its check passes afterwards.
    /// A step whose check does not pass stops the replay there; so does Ctrl-C (at the last step finished). Replayed
    /// steps are not recorded as passed by the learner.
    func replay(_ lesson: Lesson, before step: Int) async -> Int {
        let count = lesson.steps.count
        let watcher = options.catchInterrupts ? interruptWatcher() : nil
        defer { watcher?.cancel() }
        for index in 0..<min(step, count) {
            let current = lesson.steps[index]
            guard let solution = current.solution else { continue }
            beginLessonStep()
            _ = context.markSpans()
            scriptOutputGate.muted = true
            let result = await interpreter.run(solution, fileName: "<replay>", mode: .file)
            scriptOutputGate.muted = false
            recordLessonStatement()
            if case .error(let error) = result, error.type.name == "KeyboardInterrupt" {
                output.write(lessonText(.replayInterrupted, index + 1) + "\n")
                return index
            }
            var passed = false
            if let check = current.check {
                passed = (try? await evaluateLessonExpression(check).isTruthy) ?? false
            }
            guard passed else {
                output.writeError("lessons: " + lessonText(.replayStopped, index + 1, count, current.title) + "\n")
                return index
            }
            output.write(LessonView.replayed(index: index, count: count, title: current.title, color: options.color, language: lessonLanguage))
        }
        refreshCompletions()
        return min(step, max(count - 1, 0))
    }
}
