/// `poolplay lessons lint`: every problem of a folder of lesson files, each at `file:line`, not just the first.
///
/// The Lessons target parses no Python and knows no mock knobs, so the host passes the three validators: one for
/// expressions (`check:`, `expect:`), one for code (`wrong:`, `solution:`), and one for `server:` knobs. Each returns
/// `nil` when the text is fine, else a short description of the problem.
public struct LessonLint {
    /// Parses a Python expression; returns the problem, or `nil`.
    public var expression: (String) -> String?
    /// Parses Python code (a module); returns the problem, or `nil`.
    public var code: (String) -> String?
    /// Validates one mock knob; returns the problem, or `nil`.
    public var knob: (ServerKnob) -> String?

    /// Creates a linter from its validators.
    public init(
        expression: @escaping (String) -> String?, code: @escaping (String) -> String?,
        knob: @escaping (ServerKnob) -> String?
    ) {
        self.expression = expression
        self.code = code
        self.knob = knob
    }

    /// Every problem of the lesson files `files` (`name`, `text`), in file order; paths are `prefix + name`.
    ///
    /// - Parameters:
    ///   - files: The lesson files and their translations.
    ///   - prefix: What to put before each name in messages (`Lessons/`).
    /// - Returns: One error per problem.
    public func lint(files: [BundledLessons.File], prefix: String) -> [LessonLoadError] {
        var problems: [LessonLoadError] = []
        var originals: [String: Lesson] = [:]
        var ids: [String: String] = [:]
        let sorted = files.filter { LessonLoader.isLessonFileName($0.name) }.sorted { $0.name < $1.name }
        for file in sorted where LessonLoader.translationLanguage(ofFileName: file.name) == nil {
            let path = prefix + file.name
            do {
                let lesson = try LessonLoader.parse(file.text, file: path)
                if let other = ids[lesson.id] {
                    problems.append(LessonLoadError(file: path, line: 2, message: "lesson id '\(lesson.id)' is already used by \(other)"))
                }
                ids[lesson.id] = path
                originals[file.name] = lesson
                problems += lint(lesson)
            } catch let error as LessonLoadError {
                problems.append(error)
            } catch {
                problems.append(LessonLoadError(file: path, line: nil, message: "\(error)"))
            }
        }
        for file in sorted {
            guard let language = LessonLoader.translationLanguage(ofFileName: file.name) else { continue }
            let path = prefix + file.name
            let originalName = String(file.name.dropLast(3 + language.count + 1)) + ".md"
            guard let original = originals[originalName] else {
                if !sorted.contains(where: { $0.name == originalName }) {
                    problems.append(LessonLoadError(file: path, line: nil, message: "a translation of \(originalName), which does not exist"))
                }
                continue
            }
            do {
                let lesson = try LessonLoader.translation(of: original, text: file.text, file: path, language: language)
                problems += lint(lesson)
                problems += Self.differences(original, lesson)
            } catch let error as LessonLoadError {
                problems.append(error)
            } catch {
                problems.append(LessonLoadError(file: path, line: nil, message: "\(error)"))
            }
        }
        return problems
    }

    /// The problems of one loaded lesson: unparsable expressions and code, checked steps without a `wrong:`, bad knobs.
    public func lint(_ lesson: Lesson) -> [LessonLoadError] {
        var problems: [LessonLoadError] = []
        func report(_ line: Int?, _ message: String) {
            problems.append(LessonLoadError(file: lesson.sourcePath, line: line, message: message))
        }
        for setting in lesson.server {
            if let problem = knob(setting) { report(setting.line, "server: \(problem)") }
        }
        for step in lesson.steps {
            guard let check = step.check else { continue }
            if let problem = expression(check) { report(step.lines.check, "check does not parse: \(problem)") }
            if let solution = step.solution, let problem = code(solution) {
                report(step.lines.solution, "solution does not parse: \(problem)")
            }
            if step.wrongs.isEmpty {
                report(step.lines.check, "step '\(step.title)' has a check but no 'wrong:' (a plausible mistake that leaves it false)")
            }
            for (index, wrong) in step.wrongs.enumerated() {
                if let problem = code(wrong) { report(step.lines.wrongs[index], "wrong: does not parse: \(problem)") }
            }
            for (index, expect) in step.expects.enumerated() {
                if let problem = expression(expect) { report(step.lines.expects[index], "expect does not parse: \(problem)") }
            }
        }
        return problems
    }

    /// Where a translation's steps differ from the original's: anything but the prose, titles, goals and hints.
    public static func differences(_ original: Lesson, _ translation: Lesson) -> [LessonLoadError] {
        var problems: [LessonLoadError] = []
        func report(_ line: Int?, _ message: String) {
            problems.append(LessonLoadError(file: translation.sourcePath, line: line, message: message))
        }
        if original.server.map({ [$0.name, $0.value] }) != translation.server.map({ [$0.name, $0.value] }) {
            report(1, "server: differs from \(original.sourcePath)")
        }
        guard original.steps.count == translation.steps.count else {
            report(
                translation.steps.first?.line,
                "\(translation.steps.count) steps, but \(original.sourcePath) has \(original.steps.count)")
            return problems
        }
        for (a, b) in zip(original.steps, translation.steps) {
            let at = "than step \(original.steps.firstIndex(of: a).map { $0 + 1 } ?? 0) of \(original.sourcePath)"
            if a.check != b.check { report(b.lines.check == 0 ? b.line : b.lines.check, "a different check \(at)") }
            if a.solution != b.solution { report(b.lines.solution == 0 ? b.line : b.lines.solution, "a different solution \(at)") }
            if a.wrongs != b.wrongs { report(b.lines.wrongs.first ?? b.line, "different wrong: blocks \(at)") }
            if a.expects != b.expects { report(b.lines.expects.first ?? b.line, "different expect: lines \(at)") }
            if a.tryCode != b.tryCode { report(b.line, "different code blocks \(at)") }
        }
        return problems
    }
}
